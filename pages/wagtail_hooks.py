"""Admin registrations: editorial boards, the review dates report and dashboard panel, board votes in the log."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views.review_dates import ReviewDatesReportView
from .admin_views.revisions import RevisionReadersPageViewSet
from .admin_views.vote_recorded import vote_recorded
from .admin_views.what_changed import what_changed_view
from .dashboard import AwaitingReviewPanel, ReviewsDuePanel
from .importer import IMPORT_LOG_ACTION
from .models import BoardVote, EditorialBoard, GuidePage, GuideSectionPage, HomePage


class EditorialBoardViewSet(SnippetViewSet):
    model = EditorialBoard
    icon = "group"
    menu_label = _("Editorial boards")
    list_display = ["name", "group", "review_cycle_months", "quorum"]
    search_fields = ["name_en", "name_es"]


register_snippet(EditorialBoardViewSet)


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    @actions.register_action("pages.board_vote")
    class BoardVoteFormatter(LogFormatter):
        label = _("Board vote")

        def format_message(self, log_entry):
            data = log_entry.data
            decision = _("approved") if data.get("decision") == "approve" else _("requested changes")
            return _("%(decision)s in '%(task)s' (%(approvals)s of %(needed)s approvals)") % {
                "decision": decision,
                "task": data.get("task", {}).get("title", ""),
                "approvals": data.get("approvals"),
                "needed": data.get("needed"),
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "")

    actions.register_action(IMPORT_LOG_ACTION, _("Import"), _("Imported from a content file"))

    @actions.register_action("pages.dates_changed")
    class DatesChangedFormatter(LogFormatter):
        label = _("Revision dates changed")

        def format_message(self, log_entry):
            data = log_entry.data
            return _(
                "Dates set by a %(kind)s publication: updated %(updated)s, reviewed %(reviewed)s, next review due %(due)s"
            ) % {
                "kind": data.get("kind", ""),
                "updated": data.get("last_updated") or "—",
                "reviewed": data.get("last_reviewed") or "—",
                "due": data.get("next_review_due") or "—",
            }


@hooks.register("register_admin_urls")
def register_review_dates_report_urls():
    return [
        path("reports/review-dates/", ReviewDatesReportView.as_view(), name="review_dates_report"),
        path(
            "reports/review-dates/results/",
            ReviewDatesReportView.as_view(results_only=True),
            name="review_dates_report_results",
        ),
        path("board-votes/<int:vote_id>/recorded/", vote_recorded, name="board_vote_recorded"),
    ]


@hooks.register("register_reports_menu_item")
def register_review_dates_report_menu_item():
    return MenuItem(_("Review dates"), reverse("review_dates_report"), icon_name="date", order=700)


@hooks.register("construct_homepage_panels")
def add_review_panels(request, panels):
    """Our "Awaiting your review" replaces Wagtail's (same name), and "Reviews due" joins them."""
    panels[:] = [panel for panel in panels if panel.name != AwaitingReviewPanel.name]
    panels.append(AwaitingReviewPanel(request.user))
    panels.append(ReviewsDuePanel(request.user))


@hooks.register("after_edit_page")
def confirm_vote_made_in_the_editor(request, page):
    """A vote from the edit view's action menu gets the same confirmation as one from the dashboard."""
    if request.method != "POST" or "action-workflow-action" not in request.POST:
        return
    vote = (
        BoardVote.objects.filter(revision__object_id=str(page.pk), user=request.user).order_by("-pk").first()
    )
    if vote is not None and vote.revision_id == page.get_latest_revision().pk:
        messages.success(request, vote.confirmation())


@hooks.register("register_admin_viewset")
def register_revision_readers_page_viewsets():
    """Our page types' admin views, with history and comparisons open to reviewers and translators."""
    return [RevisionReadersPageViewSet(model=model) for model in (HomePage, GuidePage, GuideSectionPage)]


@hooks.register("register_admin_urls")
def register_what_changed_url():
    return [path("pages/<int:page_id>/what-changed/", what_changed_view, name="what_changed")]
