"""Spanish term pages get Spanish addresses: a slug_es for every term with a Spanish name, made from it."""

from django.db import migrations, models
from django.utils.text import slugify


def spanish_slugs(apps, schema_editor):
    """Each term with a Spanish name gets a slug of it, unique among Spanish slugs (as GlossaryTerm.save does)."""
    GlossaryTerm = apps.get_model("glossary", "GlossaryTerm")
    taken = set()
    for term in GlossaryTerm.objects.exclude(name_es="").exclude(name_es=None).order_by("pk"):
        base = slugify(term.name_es.strip())[:90] or "term"
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        GlossaryTerm.objects.filter(pk=term.pk).update(slug_es=slug)


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0002_glossary_review_workflow"),
    ]

    operations = [
        migrations.AddField(
            model_name="glossaryterm",
            name="slug_es",
            field=models.SlugField(
                blank=True,
                help_text="Part of the term's Spanish web address. Made from the Spanish name if left empty; never changes.",
                max_length=100,
                null=True,
                unique=True,
                verbose_name="Spanish slug",
            ),
        ),
        migrations.RunPython(spanish_slugs, migrations.RunPython.noop),
    ]
