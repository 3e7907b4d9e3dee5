"""Which pages are due for review, for the report, the dashboard panel and the reminder emails.

Guides and sections keep their dates in their own tables; this annotates plain Page rows with those
dates and with the board of the page's guide (the ancestor at depth 3), so one queryset serves every
listing, filter and export.
"""

import datetime

from django.contrib.auth.models import User
from django.db.models import CharField, DateField, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import EditorialBoard, GuidePage, GuideSectionPage

GUIDE_DEPTH = 3
DUE_SOON_DAYS = 30
STATUSES = [
    ("overdue", _("Overdue")),
    ("due_soon", _("Due in the next 30 days")),
    ("current", _("Up to date")),
    ("never", _("Never reviewed")),
]


def pages_with_review_dates() -> QuerySet[Page]:
    """Guides and sections with `updated`, `reviewed`, `review_due`, `review_board_id` and `review_board`."""
    guide_path = Substr(OuterRef("path"), 1, GUIDE_DEPTH * Page.steplen)
    guide = GuidePage.objects.filter(path=guide_path)
    return (
        Page.objects.type(GuidePage, GuideSectionPage)
        .annotate(
            updated=Coalesce(
                F("guidepage__last_updated"), F("guidesectionpage__last_updated"), output_field=DateField()
            ),
            reviewed=Coalesce(
                F("guidepage__last_reviewed"), F("guidesectionpage__last_reviewed"), output_field=DateField()
            ),
            review_due=Coalesce(
                F("guidepage__next_review_due"),
                F("guidesectionpage__next_review_due"),
                output_field=DateField(),
            ),
            review_board_id=Subquery(guide.values("board_id")[:1]),
            review_board=Subquery(guide.values("board__name")[:1], output_field=CharField()),
        )
        .select_related("locale")
        .order_by(F("review_due").asc(nulls_first=True), "path")
    )


def with_status(queryset: QuerySet[Page], status: str, today: datetime.date | None = None) -> QuerySet[Page]:
    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    if status == "overdue":
        return queryset.filter(review_due__lt=today)
    if status == "due_soon":
        return queryset.filter(review_due__gte=today, review_due__lte=soon)
    if status == "current":
        return queryset.filter(review_due__gt=soon)
    if status == "never":
        return queryset.filter(review_due__isnull=True)
    return queryset


def due_for_review(today: datetime.date | None = None) -> QuerySet[Page]:
    """Overdue pages and pages due within DUE_SOON_DAYS (live pages only)."""
    today = today or timezone.localdate()
    return pages_with_review_dates().filter(
        live=True, review_due__lte=today + datetime.timedelta(days=DUE_SOON_DAYS)
    )


def pages_user_can_act_on(user: User, queryset: QuerySet[Page]) -> QuerySet[Page]:
    """Pages of the user's boards; publishers and superusers act on all."""
    if user.is_superuser or PagePermissionPolicy().user_has_permission(user, "publish"):
        return queryset
    boards = EditorialBoard.objects.filter(group__user=user).values_list("pk", flat=True)
    return queryset.filter(review_board_id__in=list(boards))
