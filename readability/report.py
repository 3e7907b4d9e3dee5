"""Every guide section in both languages with its scores, band, long sentences, target and parity: one
annotated queryset, so the Readability report's listing, filters and export are one query.

The scores are those of the revision families read (the live one; the latest for a page never
published). A section's target comes from its guide's board (the guide is the section's parent); the
parity of a Spanish section compares its level with its English source's.
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Length, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from pages.models import GuidePage, GuideSectionPage

from .formulas import LEVEL_LABELS
from .models import DEFAULT_ENGLISH_MAX_GRADE, DEFAULT_SPANISH_MIN_INFLESZ, BoardTargets, RevisionScore

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
SCORE_FIELDS = {
    "words": IntegerField(),
    "sentences": IntegerField(),
    "grade": FloatField(),
    "reading_ease": FloatField(),
    "fernandez_huerta": FloatField(),
    "inflesz": FloatField(),
    "level": IntegerField(),
    "long_sentence_count": IntegerField(),
}
MEETS, MISSES, NOT_SCORED = "meets", "misses", "not_scored"
TARGET_STATUSES = [(MEETS, _("Meets")), (MISSES, _("Misses")), (NOT_SCORED, _("Not scored"))]
PARITY_OK, PARITY_HARDER, NOT_COMPARED = "ok", "harder", "not_compared"
PARITY_STATUSES = [
    (PARITY_OK, _("Within one band")),
    (PARITY_HARDER, _("Harder than the English")),
    (NOT_COMPARED, _("Not compared")),
]
LEVELS = [(level.value, label) for level, label in LEVEL_LABELS.items()]


def label_of(choices: Iterable[tuple[object, str]]) -> Callable[[object], str]:
    """A function from a column's stored value to its label in `choices` (what the report and command show)."""
    labels = {value: str(label) for value, label in choices}
    return lambda value: labels.get(value, "" if value in ("", None) else str(value))


def shown_revision_id() -> Case:
    """The live revision of a live page, else the latest: what families read, or will."""
    return Case(
        When(live=True, live_revision__isnull=False, then=F("live_revision_id")),
        default=F("latest_revision_id"),
    )


def sections_with_scores() -> QuerySet[GuideSectionPage]:
    """Guide sections of every language, annotated with their scores, target and parity."""
    score = RevisionScore.objects.filter(revision_id=OuterRef("shown_revision_id"))
    english_level = (
        GuideSectionPage.objects.filter(
            translation_key=OuterRef("translation_key"), locale__language_code=SOURCE_LANGUAGE
        )
        .annotate(shown_revision_id=shown_revision_id())
        .annotate(level=Subquery(score.values("level")[:1]))
        .values("level")[:1]
    )
    guide_board = GuidePage.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    ).values("board_id")[:1]
    targets = BoardTargets.objects.filter(board_id=OuterRef("board_id"))
    return (
        Page.objects.type(GuideSectionPage)
        .annotate(shown_revision_id=shown_revision_id())
        .annotate(
            language=F("locale__language_code"),
            board_id=Subquery(guide_board),
            **{
                name: Subquery(score.values(name)[:1], output_field=field)
                for name, field in SCORE_FIELDS.items()
            },
        )
        .annotate(
            english_level=Subquery(english_level, output_field=IntegerField()),
            max_grade=Coalesce(
                Subquery(targets.values("english_max_grade")[:1]), Value(DEFAULT_ENGLISH_MAX_GRADE)
            ),
            min_inflesz=Coalesce(
                Subquery(targets.values("spanish_min_inflesz")[:1]), Value(DEFAULT_SPANISH_MIN_INFLESZ)
            ),
        )
        .annotate(
            target_status=Case(
                When(level__isnull=True, then=Value(NOT_SCORED)),
                When(Q(language="es", inflesz__lt=F("min_inflesz")), then=Value(MISSES)),
                When(~Q(language="es") & Q(grade__gt=F("max_grade")), then=Value(MISSES)),
                default=Value(MEETS),
                output_field=CharField(),
            ),
            parity_gap=F("english_level") - F("level"),
        )
        .annotate(
            parity_status=Case(
                When(language=SOURCE_LANGUAGE, then=Value("")),
                When(Q(level__isnull=True) | Q(english_level__isnull=True), then=Value(NOT_COMPARED)),
                When(parity_gap__gt=1, then=Value(PARITY_HARDER)),
                default=Value(PARITY_OK),
                output_field=CharField(),
            )
        )
        .select_related("locale")
        .order_by("locale__language_code", "path")
    )
