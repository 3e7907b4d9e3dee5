"""Record each publication and recompute the page's dates from the records; purge a CDN of what changed.

Boards (names under titles) and publication records (dates, the change list) are shown on public pages:
a change to either makes cached pages out of date (serving/invalidation.py).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.log_actions import log
from wagtail.models import Page, PageViewRestriction, TaskState, WorkflowState
from wagtail.signals import page_published, page_unpublished

from serving.invalidation import invalidate_on_change

from .cdn import purge_page_and_guide
from .models import BoardReviewTask, EditorialBoard, GuidePage, PublicationRecord, RevisionKind
from .models.boards import board_for_page
from .models.review_dates import SYSTEM_DATE_FIELDS, RevisionDatesMixin, recompute_dates

invalidate_on_change(EditorialBoard)
invalidate_on_change(PublicationRecord)


@receiver(page_published)
def record_publication(sender, instance, revision, **kwargs):
    if (
        not isinstance(instance, RevisionDatesMixin)
        or PublicationRecord.objects.filter(revision=revision).exists()
    ):
        return
    content = revision.content
    kind = content.get("revision_kind") or RevisionKind.SUBSTANTIVE
    workflow_state = _finished_board_review(instance)
    board = board_for_page(instance)
    with transaction.atomic():  # the record and the dates it moves: one commit, never one without the other
        PublicationRecord.objects.create(
            page=instance,
            revision=revision,
            workflow_state=workflow_state,
            kind=kind,
            summary=content.get("change_summary", "") if kind == RevisionKind.SUBSTANTIVE else "",
            reviewed=workflow_state is not None,
            user=kwargs.get("user") or revision.user,
        )
        before = {name: getattr(instance, name) for name in SYSTEM_DATE_FIELDS}
        after = recompute_dates(instance, board)
        if after != before:
            log(
                instance=instance,
                action="pages.dates_changed",
                user=kwargs.get("user") or revision.user,
                revision=revision,
                data={"kind": kind, **{name: str(value) if value else "" for name, value in after.items()}},
            )


def _finished_board_review(page):
    """The workflow that is publishing this page now, if a board review task in it was approved."""
    state = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    if state is None or state.status != WorkflowState.STATUS_APPROVED:
        return None
    if PublicationRecord.objects.filter(workflow_state=state).exists():
        return None  # that review already counted for an earlier publication
    board_review = ContentType.objects.get_for_model(BoardReviewTask)
    approved = TaskState.objects.filter(
        workflow_state=state, status=TaskState.STATUS_APPROVED, task__content_type=board_review
    )
    return state if approved.exists() else None


@receiver(post_save, sender=EditorialBoard)
def board_cycle_changed(sender, instance, **kwargs):
    """A new review cycle moves every *Next review due* of the board's pages."""
    for guide in GuidePage.objects.filter(board=instance):
        pages = [guide, *guide.get_children().specific()]
        for page in pages:
            if isinstance(page, RevisionDatesMixin):
                recompute_dates(page, instance)


@receiver(page_published)
@receiver(page_unpublished)
def purge_changed_page(sender, instance, **kwargs):
    purge_after_commit(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def purge_restricted_page(sender, instance, **kwargs):
    """A page made private leaves the CDN too (and comes back when made public again)."""
    purge_after_commit(instance.page)


def purge_after_commit(page: Page) -> None:
    """Purge the CDN once the change is committed: purged earlier, it could fetch and keep the old page."""
    transaction.on_commit(lambda: purge_page_and_guide(page))
