"""Translators' admin: the "Translations" report and each translated page's status."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from pages.report_exports import ReportExportMixin

from .glossary_check import missing_terms
from .listing import translation_rows
from .marks import mark_in_step
from .status import OUT_OF_DATE, STATUSES, pages_with_translation_status


def status_label(code: str) -> str:
    return str(dict(STATUSES).get(code, code))


class TranslationsFilterSet(WagtailFilterSet):
    translation_status = django_filters.ChoiceFilter(label=_("Spanish version"), choices=STATUSES)

    class Meta:
        model = Page
        fields = ["translation_status"]


class TranslationsReportView(ReportExportMixin, PageReportView):
    page_title = _("Translations")
    header_icon = "globe"
    results_template_name = "translations/admin/translations_results.html"
    index_url_name = "translations_report"
    index_results_url_name = "translations_report_results"
    filterset_class = TranslationsFilterSet
    # Titles and statuses only: every admin user (translators included) may see what needs translating.
    any_permission_required = None
    list_export = [
        "guide_title",
        "title",
        "translation_title",
        "translation_status",
        "behind",
        "out_of_date_since",
        "in_step_at",
    ]
    export_headings = {
        "guide_title": _("Guide"),
        "title": _("English page"),
        "translation_title": _("Spanish page"),
        "translation_status": _("Spanish version"),
        "behind": _("Substantive English changes since"),
        "out_of_date_since": _("Out of date since"),
        "in_step_at": _("In step since"),
    }
    custom_field_preprocess = {
        "translation_status": {
            SpreadsheetExportMixin.FORMAT_CSV: status_label,
            SpreadsheetExportMixin.FORMAT_XLSX: status_label,
        }
    }

    def get_queryset(self):
        self.queryset = translation_rows()
        return super().get_queryset()


def translation_status_view(request: HttpRequest, page_id: int) -> HttpResponse:
    """One translated page: its status, what changed in English since, and glossary terms it lacks.

    Publishers can also mark the live translation in step here, for a version the Spanish review
    workflow published (its approval publishes without the "in step" button).
    """
    translated = get_object_or_404(Page, pk=page_id).specific
    permissions = translated.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    can_mark = permissions.can_publish() and translated.live and not translated.has_unpublished_changes
    if request.method == "POST":
        if not can_mark:
            raise PermissionDenied
        mark_in_step(translated, request.user)
        messages.success(
            request, _("'%(title)s' is now in step with the English page.") % {"title": translated.title}
        )
        return redirect("translation_status", page_id=translated.pk)
    row = (
        pages_with_translation_status(translated.locale.language_code)
        .filter(translation_key=translated.translation_key)
        .first()
    )
    if row is None:  # not a translation of an English guide or section
        raise PermissionDenied
    english = row.specific
    compare_url = None
    if row.translation_status == OUT_OF_DATE and row.source_revision_id:
        compare_url = reverse(
            "wagtailadmin_pages:revisions_compare", args=[english.pk, row.source_revision_id, "live"]
        )
    return TemplateResponse(
        request,
        "translations/admin/translation_status.html",
        {
            "page": translated,
            "english": english,
            "row": row,
            "status_label": status_label(row.translation_status),
            "compare_url": compare_url,
            "can_mark": can_mark,
            "missing_terms": missing_terms(english, translated.get_latest_revision_as_object()),
        },
    )
