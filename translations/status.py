"""Translation status of every English guide and section, for the report, the dashboard and the notice.

One annotated queryset of English pages carries the Spanish page, its in-step mark and how many
substantive English publications came after that mark, so every listing, filter and export is one query.
"""

import datetime

from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    DateTimeField,
    IntegerField,
    Min,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from pages.models import GuidePage, GuideSectionPage, PublicationRecord, RevisionKind

from .models import TranslationStatus

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
TRANSLATION_LANGUAGE = "es"
MISSING, DRAFT, OUT_OF_DATE, IN_STEP = "missing", "draft", "out_of_date", "in_step"
# A live translation nobody marked counts every substantive English publication against it.
NEVER = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)
STATUSES = [
    (MISSING, _("Missing")),
    (DRAFT, _("Draft only")),
    (OUT_OF_DATE, _("Out of date")),
    (IN_STEP, _("In step")),
]


def pages_with_translation_status(language: str = TRANSLATION_LANGUAGE) -> QuerySet[Page]:
    """English guides and sections annotated with `translation_id`, `translation_live`, `in_step_at`,
    `source_revision_id`, `behind`, `out_of_date_since` and `translation_status`."""
    translation = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language
    )
    status = TranslationStatus.objects.filter(page_id=OuterRef("translation_id"))
    after_mark = (
        PublicationRecord.objects.filter(page_id=OuterRef("pk"), kind=RevisionKind.SUBSTANTIVE)
        .filter(published_at__gt=Coalesce(OuterRef("in_step_at"), Value(NEVER)))
        .order_by()
        .values("page_id")
    )
    return (
        Page.objects.type(GuidePage, GuideSectionPage)
        .filter(locale__language_code=SOURCE_LANGUAGE)
        .annotate(
            translation_id=Subquery(translation.values("pk")[:1]),
            translation_live=Subquery(translation.values("live")[:1], output_field=BooleanField()),
            in_step_at=Subquery(status.values("in_step_at")[:1], output_field=DateTimeField()),
            source_revision_id=Subquery(status.values("source_revision_id")[:1]),
        )
        .annotate(
            behind=Coalesce(
                Subquery(after_mark.annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField()), 0
            ),
            out_of_date_since=Subquery(
                after_mark.annotate(first=Min("published_at")).values("first")[:1],
                output_field=DateTimeField(),
            ),
        )
        .annotate(
            translation_status=Case(
                When(translation_id__isnull=True, then=Value(MISSING)),
                When(translation_live=False, then=Value(DRAFT)),
                When(behind__gt=0, then=Value(OUT_OF_DATE)),
                default=Value(IN_STEP),
                output_field=CharField(),
            )
        )
        .select_related("locale")
        .order_by("path")
    )
