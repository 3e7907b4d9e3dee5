"""Admin view that confirms a board member's vote: the workflow action view sends them here after voting."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request

from ..models import BoardVote


def vote_recorded(request: HttpRequest, vote_id: int) -> HttpResponse:
    """Say what the vote was and where the review stands, then go on to the dashboard (or `next`)."""
    vote = get_object_or_404(
        BoardVote.objects.select_related("revision", "task_state"), pk=vote_id, user=request.user
    )
    messages.success(request, vote.confirmation())
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
