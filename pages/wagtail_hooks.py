"""Admin registrations: editorial boards, the review dates report and dashboard panel, board votes in the log."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views.revisions import RevisionReadersPageViewSet
from .admin_views.what_changed import what_changed_view
from .dashboard import ReviewsDuePanel
from .models import EditorialBoard, GuidePage, GuideSectionPage, HomePage
from .views import ReviewDatesReportView


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
    ]


@hooks.register("register_reports_menu_item")
def register_review_dates_report_menu_item():
    return MenuItem(_("Review dates"), reverse("review_dates_report"), icon_name="date", order=700)


@hooks.register("construct_homepage_panels")
def add_reviews_due_panel(request, panels):
    panels.append(ReviewsDuePanel(request.user))


@hooks.register("register_admin_viewset")
def register_revision_readers_page_viewsets():
    """Our page types' admin views, with history and comparisons open to reviewers and translators."""
    return [RevisionReadersPageViewSet(model=model) for model in (HomePage, GuidePage, GuideSectionPage)]


@hooks.register("register_admin_urls")
def register_what_changed_url():
    return [path("pages/<int:page_id>/what-changed/", what_changed_view, name="what_changed")]
