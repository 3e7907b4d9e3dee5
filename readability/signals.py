"""Score every guide-section revision when it is saved (when created, and when Wagtail overwrites it), and
keep a board member's reason for approving one below the board's target."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Revision

from pages.models.boards import board_vote_cast

from .revisions import is_section_revision, store_scores
from .votes import keep_reason


@receiver(post_save, sender=Revision)
def score_saved_revision(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """Saves that do not touch the content (e.g. publishing's `approved_go_live_at`) keep their scores."""
    if raw or (update_fields is not None and "content" not in update_fields):
        return
    if is_section_revision(instance):
        store_scores(instance)


@receiver(board_vote_cast)
def keep_reason_below_target(sender, vote, statement, **kwargs):
    keep_reason(vote, statement)
