"""The CSV and XLSX exports of the admin reports (Review dates, Translations): dates as YYYY-MM-DD, and
headings and labels in the admin's language.

- A date is written YYYY-MM-DD whatever the admin language (in XLSX a date cell shown so); a date and time
  is written as its day in the site's time zone.
- Wagtail writes a CSV while the response streams, after the view has returned and the admin's language is
  no longer active: its headings and labels would come out in English while the XLSX's are in Spanish.
"""

import datetime

from django.utils import timezone, translation


class ReportExportMixin:
    """For a report view with Wagtail's SpreadsheetExportMixin (every PageReportView has it)."""

    def to_row_dict(self, item):
        return {
            field: timezone.localdate(value) if isinstance(value, datetime.datetime) else value
            for field, value in super().to_row_dict(item).items()
        }

    def stream_csv(self, queryset):
        language = translation.get_language()  # now, in the view
        rows = super().stream_csv(queryset)

        def rows_in_admin_language():
            with translation.override(language):
                yield from rows

        return rows_in_admin_language()
