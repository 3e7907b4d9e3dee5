"""Score every guide-section revision when it is saved: when created, and when Wagtail overwrites it."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Revision

from .revisions import is_section_revision, store_scores


@receiver(post_save, sender=Revision)
def score_saved_revision(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """Saves that do not touch the content (e.g. publishing's `approved_go_live_at`) keep their scores."""
    if raw or (update_fields is not None and "content" not in update_fields):
        return
    if is_section_revision(instance):
        store_scores(instance)
