"""Translations live before status tracking began were published from the reviewed content files together
with their English source, so they start in step with that source's live revision (rather than all
showing families a stale-translation notice on the day this ships)."""

from django.conf import settings
from django.db import migrations
from django.utils import timezone


def mark_live_translations(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    TranslationStatus = apps.get_model("translations", "TranslationStatus")
    types = ContentType.objects.filter(app_label="pages", model__in=["guidepage", "guidesectionpage"])
    sources = {
        page.translation_key: page.live_revision_id
        for page in Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, content_type__in=types)
    }
    now = timezone.now()
    for page in Page.objects.filter(live=True, content_type__in=types).exclude(
        locale__language_code=settings.LANGUAGE_CODE
    ):
        if page.translation_key in sources:
            TranslationStatus.objects.get_or_create(
                page_id=page.pk,
                defaults={"source_revision_id": sources[page.translation_key], "in_step_at": now},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0002_translation_status"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(mark_live_translations, migrations.RunPython.noop)]
