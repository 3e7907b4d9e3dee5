"""Reports → Readability: every guide section in both languages with its scores, filters and export."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Locale, Page

from .report import LEVELS, PARITY_STATUSES, TARGET_STATUSES, label_of, sections_with_scores


def one_decimal(value: float | None) -> float | str:
    return "" if value is None else round(value, 1)


class ReadabilityFilterSet(WagtailFilterSet):
    locale = django_filters.ModelChoiceFilter(label=_("Language"), queryset=Locale.objects.all())
    level = django_filters.ChoiceFilter(label=_("Band"), choices=LEVELS)
    target_status = django_filters.ChoiceFilter(label=_("Board target"), choices=TARGET_STATUSES)
    parity_status = django_filters.ChoiceFilter(label=_("Beside the English"), choices=PARITY_STATUSES)

    class Meta:
        model = Page
        fields = ["locale", "level", "target_status", "parity_status"]


class ReadabilityReportView(PageReportView):
    page_title = _("Readability")
    header_icon = "glasses"
    results_template_name = "readability/admin/report_results.html"
    index_url_name = "readability_report"
    index_results_url_name = "readability_report_results"
    filterset_class = ReadabilityFilterSet
    # Titles and scores only: every admin user (editors, translators, board members) may see them.
    any_permission_required = None
    list_export = [
        "title",
        "language",
        "words",
        "sentences",
        "grade",
        "reading_ease",
        "fernandez_huerta",
        "inflesz",
        "level",
        "long_sentence_count",
        "target_status",
        "parity_status",
    ]
    export_headings = {
        "language": _("Language"),
        "words": _("Words"),
        "sentences": _("Sentences"),
        "grade": _("Flesch–Kincaid grade"),
        "reading_ease": _("Flesch reading ease"),
        "fernandez_huerta": _("Fernández-Huerta"),
        "inflesz": _("INFLESZ"),
        "level": _("Band"),
        "long_sentence_count": _("Long sentences"),
        "target_status": _("Board target"),
        "parity_status": _("Beside the English"),
    }
    custom_field_preprocess = {
        field: {SpreadsheetExportMixin.FORMAT_CSV: function, SpreadsheetExportMixin.FORMAT_XLSX: function}
        for field, function in [
            ("level", label_of(LEVELS)),
            ("target_status", label_of(TARGET_STATUSES)),
            ("parity_status", label_of(PARITY_STATUSES)),
            *((name, one_decimal) for name in ("grade", "reading_ease", "fernandez_huerta", "inflesz")),
        ]
    }

    def get_queryset(self):
        self.queryset = sections_with_scores()
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        """The labels of each row's band, target and parity, for the listing."""
        levels, targets, parity = label_of(LEVELS), label_of(TARGET_STATUSES), label_of(PARITY_STATUSES)
        for page in object_list:
            page.level_label = levels(page.level)
            page.target_label = targets(page.target_status)
            page.parity_label = parity(page.parity_status)
        return object_list
