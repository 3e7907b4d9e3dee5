"""“Publish, in step with English”: Wagtail's own publish and the in-step mark, in one transaction.

The page editor's button posts the edit form here instead of to Wagtail's edit view. Wagtail's publish
commits as it goes; run inside one transaction with the mark, a failure of either (a lost connection, a
locked SQLite database) undoes both, and the editor gets an error page instead of a page published without
its mark.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page

from .marks import mark_in_step

edit_page = EditView.as_view()


@require_POST
def publish_in_step(request: HttpRequest, page_id: int) -> HttpResponse:
    """The edit form, validated, saved and published by Wagtail's edit view; then the mark, if it went live."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    with transaction.atomic():
        response = edit_page(request, page_id=page_id)
        # A form with errors or a publication scheduled for later leaves the live revision as it was.
        published = (
            Page.objects.filter(pk=page_id, live=True, has_unpublished_changes=False)
            .exclude(live_revision_id=page.live_revision_id)
            .exists()
        )
        if published:
            mark_in_step(page, request.user)
    return response
