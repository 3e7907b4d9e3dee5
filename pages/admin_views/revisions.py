"""Wagtail's page history, revision comparison and revision preview, opened to the readers of revisions.

Wagtail refuses these views to anyone without a page permission somewhere, before it looks at the page
(`user_has_any_page_permission` on the comparison and the revision preview, `any_permission_required` on
the history), so board members, who hold no page permission, were sent back to the dashboard with "Sorry,
you do not have permission to access this area." These subclasses replace that check with the page's own
(pages/revision_access.py) and are otherwise Wagtail's views, registered for our page types through a
`PageViewSet` (Wagtail's documented way to change the views of a page type). Each also links to
"What changed".
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext
from wagtail.admin.views.pages.history import PageHistoryView, WorkflowHistoryDetailView, WorkflowHistoryView
from wagtail.admin.views.pages.revisions import RevisionsCompareView, RevisionsView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Page

from ..revision_access import RevisionAccess, readable_revisions, revision_access


def what_changed_button(
    page: Page, from_revision_id: int | None = None, to_revision_id: int | None = None
) -> HeaderButton:
    url = reverse("what_changed", args=[page.pk])
    query = {
        name: value
        for name, value in (("from", from_revision_id), ("to", to_revision_id))
        if value is not None
    }
    if query:
        url += "?" + urlencode(query)
    return HeaderButton(gettext("What changed"), url=url, icon_name="doc-full")


def page_for_reader(
    request: HttpRequest, page_id: int, needed: RevisionAccess = RevisionAccess.PUBLISHED
) -> tuple[Page, RevisionAccess]:
    """The specific page and the user's access to its revisions; PermissionDenied below `needed`."""
    page = get_object_or_404(Page, id=page_id).specific
    access = revision_access(request.user, page)
    if access is RevisionAccess.NONE or (needed is RevisionAccess.EVERY and access is not needed):
        raise PermissionDenied
    return page, access


class ReadableRevisionsCompareView(RevisionsCompareView):
    """Compare two revisions the user may read (translators: published ones, and "live" if the page is live)."""

    def dispatch(self, request, *args, **kwargs):
        # Skips RevisionsCompareView.dispatch, whose only work is the check this view replaces.
        return super(RevisionsCompareView, self).dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        page, self.access = page_for_reader(self.request, self.pk)
        if self.access is RevisionAccess.PUBLISHED:
            readable = readable_revisions(self.request.user, page, self.access)
            for reference in (self.revision_id_a, self.revision_id_b):
                if not readable.filter(pk=revision_id(page, reference)).exists():
                    raise PermissionDenied
        return page

    def get_edit_url(self):
        return (
            super().get_edit_url() if self.object.permissions_for_user(self.request.user).can_edit() else None
        )

    def get_history_url(self):
        return super().get_history_url() if self.access is RevisionAccess.EVERY else None

    @cached_property
    def header_buttons(self):
        ids = [revision_id(self.object, reference) for reference in (self.revision_id_a, self.revision_id_b)]
        return [*super().header_buttons, what_changed_button(self.object, *ids)]


def revision_id(page: Page, reference: str) -> int | None:
    """The revision behind a comparison's "live", "earliest", "latest" or number (None if there is none)."""
    if reference == "live":
        return page.live_revision_id
    if reference in ("earliest", "latest"):
        revisions = page.revisions.order_by("created_at", "id")
        revision = revisions.first() if reference == "earliest" else revisions.last()
        return revision.pk if revision else None
    return int(reference)


class ReadableRevisionView(RevisionsView):
    """A revision as families would see it: read-only, for anyone who may read that revision."""

    def dispatch(self, request, *args, **kwargs):
        # Skips RevisionsView's decorated dispatch, whose only work is the check this view replaces.
        return super(RevisionsView, self).dispatch(request, *args, **kwargs)

    def get_object(self):
        page, self.access = page_for_reader(self.request, self.pk)
        return page

    def get_revision_object(self):
        revision = get_object_or_404(self.object.revisions, id=self.revision_id)
        if (
            not readable_revisions(self.request.user, self.object, self.access)
            .filter(pk=revision.pk)
            .exists()
        ):
            raise PermissionDenied
        return revision.as_object()


class ReviewerPageHistoryView(PageHistoryView):
    """The page's history for everyone who may read every revision, reviewing board members included."""

    any_permission_required = None  # replaced by the page's own check in get_object

    def get_object(self):
        page, self.access = page_for_reader(self.request, self.pk, needed=RevisionAccess.EVERY)
        return page

    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, what_changed_button(self.object)]


class WhatChangedWorkflowHistoryView(WorkflowHistoryView):
    """Wagtail's workflow history, with a link to "What changed" for the revision in review."""

    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, what_changed_button(self.object)]


class WhatChangedWorkflowHistoryDetailView(WorkflowHistoryDetailView):
    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, what_changed_button(self.object)]


class RevisionReadersPageViewSet(PageViewSet):
    """Wagtail's page views, with the revision views above. Registered once per page type of ours."""

    revisions_compare_view_class = ReadableRevisionsCompareView
    revisions_view_class = ReadableRevisionView
    history_view_class = ReviewerPageHistoryView
    workflow_history_view_class = WhatChangedWorkflowHistoryView
    workflow_history_detail_view_class = WhatChangedWorkflowHistoryDetailView
    # Explorer listings of the parent pages stay Wagtail's: this viewset changes who may read revisions only.
    parent_models = []
