"""Who may read a page's revisions (history, comparisons, a revision's preview, "What changed") without editing.

Wagtail lets only people with some page permission somewhere open these views, and then only for pages they
may edit or publish. Two kinds of people read revisions without those rights:

- **Board members reviewing the page.** While a page waits in a board review task, the members of that
  task's board read every revision of it and its history. The access ends with the task: once the board
  approves (the page moves on to sign-off), requests changes, or the workflow is cancelled, the members see
  the page again only when it comes back to their board. What they voted on stays in the page's log.
- **Translators.** Someone who may edit a translation of a page (a translator on the Spanish tree, or a
  Spanish reviewer while that translation is in their task) reads the *published* revisions of the page it
  translates: what the English page said then and says now, never its unpublished drafts, nor its history.
"""

import enum

from django.contrib.auth.models import User
from django.db.models import QuerySet
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.models import Page, PageLogEntry, Revision

from .models import BoardReviewTask


class RevisionAccess(enum.Enum):
    EVERY = "every"  # every revision and the page's history
    PUBLISHED = "published"  # revisions that were published, no history
    NONE = "none"


def revision_access(user: User, page: Page) -> RevisionAccess:
    """What `user` may read of `page`'s revisions (page: a specific page instance)."""
    if not user.is_active:
        return RevisionAccess.NONE
    permissions = page.permissions_for_user(user)
    if user_has_any_page_permission(user) and (permissions.can_edit() or permissions.can_publish()):
        return RevisionAccess.EVERY  # Wagtail's own rule for these views
    if reviews_now(user, page):
        return RevisionAccess.EVERY
    if edits_a_translation(user, page):
        return RevisionAccess.PUBLISHED
    return RevisionAccess.NONE


def reviews_now(user: User, page: Page) -> bool:
    """The user belongs to the board whose review task the page is in at this moment."""
    task = page.current_workflow_task
    return isinstance(task, BoardReviewTask) and task.is_member(page, user)


def edits_a_translation(user: User, page: Page) -> bool:
    return any(translation.permissions_for_user(user).can_edit() for translation in page.get_translations())


def readable_revisions(user: User, page: Page, access: RevisionAccess | None = None) -> QuerySet[Revision]:
    """The revisions of `page` that `user` may read, newest first."""
    access = access or revision_access(user, page)
    revisions = page.revisions.order_by("-created_at", "-id")
    if access is RevisionAccess.EVERY:
        return revisions
    if access is RevisionAccess.PUBLISHED:
        return revisions.filter(pk__in=published_revision_ids(page))
    return revisions.none()


def published_revision_ids(page: Page) -> set[int]:
    """Revisions of the page that were live at some time: its live one and every one logged as published."""
    logged = PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
    ids = set(logged.values_list("revision_id", flat=True))
    if page.live_revision_id:
        ids.add(page.live_revision_id)
    return ids
