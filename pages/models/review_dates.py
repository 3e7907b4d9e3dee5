"""The dates families trust: *Updated*, *Reviewed* and *Next review due*, set by the system, never typed.

Each publication states its kind (substantive change, minor correction, review with no change) in the
revision itself; publishing records a PublicationRecord, and the page's dates are recomputed from the
records. The date fields are kept out of revision restores (`with_content_json`), so re-publishing an
old revision or reverting never turns the dates back.
"""

import calendar
import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .boards import EditorialBoard


class RevisionKind(models.TextChoices):
    SUBSTANTIVE = "substantive", _("Substantive change (moves the Updated date)")
    MINOR = "minor", _("Minor correction: typos, links (moves no date)")
    REVIEW = "review", _("Review with no change (moves the Reviewed date)")


SYSTEM_DATE_FIELDS = ("last_updated", "last_reviewed", "next_review_due")


class RevisionDatesMixin(models.Model):
    """Fields for the kind of each revision and the dates derived from publications."""

    revision_kind = models.CharField(
        max_length=20,
        choices=RevisionKind.choices,
        blank=True,
        verbose_name=_("kind of revision"),
        help_text=_("Required to submit or publish."),
    )
    change_summary = models.CharField(
        max_length=250,
        blank=True,
        verbose_name=_("public summary of the change"),
        help_text=_(
            "One line that families see in “Changes to this guide”. Required for substantive changes."
        ),
    )
    last_updated = models.DateField(null=True, blank=True, editable=False, verbose_name=_("updated"))
    last_reviewed = models.DateField(null=True, blank=True, editable=False, verbose_name=_("reviewed"))
    next_review_due = models.DateField(
        null=True, blank=True, editable=False, verbose_name=_("next review due")
    )

    class Meta:
        abstract = True

    def with_content_json(self, content):
        """Restore a revision's content but keep the system's dates as they are now."""
        obj = super().with_content_json(content)
        for name in SYSTEM_DATE_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj


class PublicationRecord(models.Model):
    """One publication of one page: when, what kind, the public summary, and whether a board reviewed it."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="publication_records")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=20, choices=RevisionKind.choices)
    summary = models.CharField(max_length=250, blank=True)
    reviewed = models.BooleanField(default=False, help_text=_("A board completed a review of this revision."))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("publication record")

    def __str__(self):
        return f"{self.page} {self.published_at:%Y-%m-%d} {self.kind}"


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved by whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def local_date(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


def recompute_dates(page: Page, board: EditorialBoard | None) -> None:
    """Set a page's dates from its publication records (a queryset update: no revision, no signals)."""
    latest = PublicationRecord.objects.filter(page_id=page.pk).aggregate(  # one query for both dates
        updated=models.Max("published_at", filter=models.Q(kind=RevisionKind.SUBSTANTIVE)),
        reviewed=models.Max(
            "published_at", filter=models.Q(reviewed=True) | models.Q(kind=RevisionKind.REVIEW)
        ),
    )
    updated, reviewed = latest["updated"], latest["reviewed"]
    dates = {
        "last_updated": local_date(updated) if updated else None,
        "last_reviewed": local_date(reviewed) if reviewed else None,
    }
    dates["next_review_due"] = (
        add_months(dates["last_reviewed"], board.review_cycle_months)
        if dates["last_reviewed"] and board
        else None
    )
    type(page).objects.filter(pk=page.pk).update(**dates)
    for name, value in dates.items():
        setattr(page, name, value)
    return dates


class ReviewReminder(models.Model):
    """That a member was emailed about reviews due on a day, so nobody gets the same reminder twice a day."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_reminders"
    )
    sent_on = models.DateField()
    page_count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "sent_on"], name="one_reminder_per_user_per_day")
        ]

    def __str__(self):
        return f"{self.user} {self.sent_on}"
