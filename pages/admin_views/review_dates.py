"""Admin report "Review dates": every guide and section with its board, dates and workflow state."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Locale, Page

from ..models import BoardVote, EditorialBoard, PublicationRecord
from ..report_exports import ReportExportMixin
from ..review_status import STATUSES, pages_user_can_act_on, pages_with_review_dates, with_status


class ReviewDatesFilterSet(WagtailFilterSet):
    board = django_filters.ModelChoiceFilter(
        label=_("Editorial board"), queryset=EditorialBoard.objects.all(), method="filter_board"
    )
    locale = django_filters.ModelChoiceFilter(label=_("Language"), queryset=Locale.objects.all())
    review_status = django_filters.ChoiceFilter(
        label=_("Review status"), choices=STATUSES, method="filter_status"
    )

    class Meta:
        model = Page
        fields = ["board", "locale", "review_status"]

    def filter_board(self, queryset, name, value):
        return queryset.filter(review_board_id=value.pk)

    def filter_status(self, queryset, name, value):
        return with_status(queryset, value)


class ReviewDatesReportView(ReportExportMixin, PageReportView):
    page_title = _("Review dates")
    header_icon = "date"
    results_template_name = "pages/admin/review_dates_results.html"
    index_url_name = "review_dates_report"
    index_results_url_name = "review_dates_report_results"
    filterset_class = ReviewDatesFilterSet
    # Open to every admin user: the rows are limited to the pages the user can act on (their boards' pages,
    # or every page for publishers), so board reviewers see their own workload.
    any_permission_required = None
    list_export = [
        "title",
        "locale",
        "review_board",
        "updated",
        "reviewed",
        "review_due",
        "status_string",
        "last_review_approvals",
    ]
    export_headings = {
        "last_review_approvals": _("Approvals of the last board review"),
        "locale": _("Language"),
        "review_board": _("Editorial board"),
        "updated": _("Updated"),
        "reviewed": _("Reviewed"),
        "review_due": _("Next review due"),
        "status_string": _("Status"),
    }

    def get_queryset(self):
        self.queryset = pages_user_can_act_on(
            self.request.user, pages_with_review_dates()
        ).prefetch_workflow_states()
        return super().get_queryset()

    def to_row_dict(self, item):
        item.last_review_approvals = self.last_review_approvals().get(item.pk, "")
        return super().to_row_dict(item)

    def last_review_approvals(self) -> dict[int, str]:
        """{page id: who approved its last completed board review, with each member's declaration}."""
        if not hasattr(self, "_last_review_approvals"):
            last_review = {}
            records = PublicationRecord.objects.filter(reviewed=True, workflow_state__isnull=False)
            for page_id, state_id in records.order_by("page_id", "-published_at").values_list(
                "page_id", "workflow_state_id"
            ):
                last_review.setdefault(page_id, state_id)
            approvals = {}
            votes = BoardVote.objects.filter(
                task_state__workflow_state_id__in=last_review.values(), decision=BoardVote.APPROVE
            ).select_related("user", "task_state")
            for vote in votes:
                approvals.setdefault(vote.task_state.workflow_state_id, []).append(
                    f"{vote.user.get_username()} ({vote.declaration()})"
                )
            self._last_review_approvals = {
                page_id: "; ".join(approvals.get(state_id, [])) for page_id, state_id in last_review.items()
            }
        return self._last_review_approvals
