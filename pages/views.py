"""Admin report "Review dates": every guide and section with its board, dates and workflow state."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Locale, Page

from .models import EditorialBoard
from .report_exports import ReportExportMixin
from .review_status import STATUSES, pages_user_can_act_on, pages_with_review_dates, with_status


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
    list_export = ["title", "locale", "review_board", "updated", "reviewed", "review_due", "status_string"]
    export_headings = {
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
