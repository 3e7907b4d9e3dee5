"""Each guide and section row names its guide, for the results' guide filter; existing rows are filled in."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

STEPLEN = 4  # Wagtail's tree path: four characters a level


def fill_guides(apps, schema_editor):
    SearchEntry = apps.get_model("site_search", "SearchEntry")
    Page = apps.get_model("wagtailcore", "Page")
    SearchEntry.objects.filter(kind="guide").update(guide_id=models.F("page_id"))
    sections = SearchEntry.objects.filter(kind="section").values_list("pk", "page__path")
    parents = dict(
        Page.objects.filter(path__in={path[:-STEPLEN] for _pk, path in sections}).values_list("path", "pk")
    )
    for pk, path in sections:
        SearchEntry.objects.filter(pk=pk).update(guide_id=parents.get(path[:-STEPLEN]))


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0003_text_index_per_language"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="guide",
            field=models.ForeignKey(
                blank=True,
                help_text="The guide a guide or section belongs to (itself for a guide), for the guide filter.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to=settings.WAGTAIL_PAGE_MODEL,
            ),
        ),
        migrations.RunPython(fill_guides, migrations.RunPython.noop),
    ]
