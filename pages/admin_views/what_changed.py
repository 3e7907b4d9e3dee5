"""The "What changed" view: a page as families will see it, with what changed between two revisions marked.

Made for reviewers: Wagtail's comparison lists fields and raw block values; this renders the blocks with the
public templates, in the page's language, with inserted and deleted words marked where they stand. It compares
any two revisions the user may read (pages/revision_access.py); by default the latest revision (the one under
review) against the live one.
"""

from collections.abc import Container, Sequence

from django import forms
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision

from ..revision_access import RevisionAccess, published_revision_ids, readable_revisions
from ..section_changes import compare_pages
from .revisions import page_for_reader

STATUSES = ("changed", "inserted", "deleted")


class RevisionPairForm(forms.Form):
    """Which two revisions to compare ("from" and "to" in the query): revisions the user may read; "from" may be
    nothing, to see the whole page as new."""

    def __init__(self, data, page, revisions, published):
        super().__init__(data)
        choices = [(revision.pk, describe(revision, page, published)) for revision in revisions]
        self.fields["from"] = forms.TypedChoiceField(
            label=_("Changes since"),
            choices=[*choices, ("", gettext("Nothing (show the whole page as new)"))],
            coerce=int,
            empty_value=None,
            required=False,
        )
        self.fields["to"] = forms.TypedChoiceField(label=_("Up to"), choices=choices, coerce=int)


def describe(revision: Revision, page: Page, published: Container[int]) -> str:
    """One revision in the lists: when, by whom, and what it is (live, latest, published earlier)."""
    when = formats.date_format(timezone.localtime(revision.created_at), "SHORT_DATETIME_FORMAT")
    who = (
        revision.user.get_full_name() or revision.user.get_username()
        if revision.user
        else gettext("(no author)")
    )
    if revision.pk == page.live_revision_id:
        what = gettext("live version")
    elif revision.pk == page.latest_revision_id:
        what = gettext("in review") if page.workflow_in_progress else gettext("latest draft")
    elif revision.pk in published:
        what = gettext("published earlier")
    else:
        what = gettext("draft")
    return f"{when} · {who} · {what}"


def default_pair(page: Page, revisions: Sequence[Revision]) -> tuple[int | None, int | None]:
    """(from, to): the newest readable revision (the one in review) against the live one, or else against the
    revision before it, so that a live page with no draft shows what its last publication changed."""
    if not revisions:
        return None, None
    to_revision = revisions[0]
    if page.live_revision_id and page.live_revision_id != to_revision.pk:
        return page.live_revision_id, to_revision.pk
    return (revisions[1].pk if len(revisions) > 1 else None), to_revision.pk


def what_changed_view(request: HttpRequest, page_id: int) -> TemplateResponse:
    page, access = page_for_reader(request, page_id)
    revisions = list(readable_revisions(request.user, page, access).select_related("user"))
    default_from, default_to = default_pair(page, revisions)
    data = {
        "from": request.GET.get("from", default_from or ""),
        "to": request.GET.get("to", default_to or ""),
    }
    published = published_revision_ids(page)
    form = RevisionPairForm(data, page, revisions, published)
    context = {
        "page": page,
        "form": form,
        "language_code": page.locale.language_code,
        "parts": None,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk])
        if page.permissions_for_user(request.user).can_edit()
        else None,
        "history_url": reverse("wagtailadmin_pages:history", args=[page.pk])
        if access is RevisionAccess.EVERY
        else None,
    }
    if not form.is_valid():
        return TemplateResponse(request, "pages/admin/what_changed.html", context, status=400)

    by_id = {revision.pk: revision for revision in revisions}
    old_revision = by_id.get(form.cleaned_data["from"])
    new_revision = by_id[form.cleaned_data["to"]]
    changes = compare_pages(
        old_revision.as_object() if old_revision else None, new_revision.as_object(), request
    )
    block_changes = [change for part in changes for change in part.changes]
    counts = {status: sum(change.status == status for change in block_changes) for status in STATUSES}
    context.update(
        old_revision=old_revision,
        new_revision=new_revision,
        parts=changes,
        counts={**counts, "moved": sum(change.moved for change in block_changes)},
        old_label=describe(old_revision, page, published) if old_revision else None,
        new_label=describe(new_revision, page, published),
        compare_url=reverse(
            "wagtailadmin_pages:revisions_compare", args=[page.pk, old_revision.pk, new_revision.pk]
        )
        if old_revision
        else None,
    )
    return TemplateResponse(request, "pages/admin/what_changed.html", context)
