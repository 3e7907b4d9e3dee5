"""Marking a translated page "in step" with the live revision of its English source."""

from django.contrib.auth.models import User
from django.utils import timezone
from wagtail.models import Page

from .models import TranslationStatus
from .status import SOURCE_LANGUAGE


def english_source(page: Page) -> Page | None:
    return Page.objects.filter(
        translation_key=page.translation_key, locale__language_code=SOURCE_LANGUAGE
    ).first()


def mark_in_step(page: Page, user: User | None = None) -> TranslationStatus:
    """Record that `page` now says what its English source's live revision says."""
    source = english_source(page)
    status, _created = TranslationStatus.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "source_revision_id": source.live_revision_id if source else None,
            "in_step_at": timezone.now(),
            "marked_by": user,
        },
    )
    return status
