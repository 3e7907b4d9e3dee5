"""A translation's first publication puts it in step: it was just made from the live English page.

A status shows on public pages (the out-of-date notice): a change to one makes cached pages out of date.
"""

from django.dispatch import receiver
from wagtail.signals import page_published

from pages.models import GuidePage, GuideSectionPage
from serving.invalidation import invalidate_on_change

from .marks import mark_in_step
from .models import TranslationStatus
from .status import SOURCE_LANGUAGE

invalidate_on_change(TranslationStatus)


@receiver(page_published)
def first_publication_is_in_step(sender, instance, revision, **kwargs):
    """Later publications keep the mark: only the translator's explicit "in step" moves it."""
    if (
        isinstance(instance, GuidePage | GuideSectionPage)
        and instance.locale.language_code != SOURCE_LANGUAGE
        and not TranslationStatus.objects.filter(page_id=instance.pk).exists()
    ):
        mark_in_step(instance, kwargs.get("user") or revision.user)
