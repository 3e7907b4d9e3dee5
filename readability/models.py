"""What the readability checks keep: each section revision's scores, and each editorial board's targets."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from . import formulas
from .scoring import Scores
from .text import Sentence

# Raise when the counting or the formulas change: rows of an older version are scored again on demand.
SCORER_VERSION = 1
DEFAULT_ENGLISH_MAX_GRADE = Decimal("8.0")
DEFAULT_SPANISH_MIN_INFLESZ = Decimal("55.0")


def describe_target(value: Decimal, language: str) -> str:
    """A target in words: "grade 8.0 or lower" (English), "INFLESZ 55.0 or higher" (Spanish)."""
    if language == "es":
        return gettext("INFLESZ %(score)s or higher") % {"score": number_format(value, 1)}
    return gettext("grade %(grade)s or lower") % {"grade": number_format(value, 1)}


class RevisionScore(models.Model):
    """The scores of one guide-section revision, computed when it is saved (signals.py)."""

    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="readability_score"
    )
    language = models.CharField(max_length=8)
    words = models.PositiveIntegerField()
    sentences = models.PositiveIntegerField()
    syllables = models.PositiveIntegerField()
    grade = models.FloatField(null=True, verbose_name=_("Flesch–Kincaid grade"))
    reading_ease = models.FloatField(null=True, verbose_name=_("Flesch reading ease"))
    fernandez_huerta = models.FloatField(null=True, verbose_name=_("Fernández-Huerta"))
    inflesz = models.FloatField(null=True, verbose_name=_("INFLESZ"))
    level = models.PositiveSmallIntegerField(
        null=True, choices=[(level.value, level.label) for level in formulas.Level]
    )
    long_sentences = models.JSONField(default=list)  # [{"text", "words", "syllables"}], page order
    long_sentence_count = models.PositiveIntegerField(default=0)
    scorer_version = models.PositiveSmallIntegerField(default=SCORER_VERSION)
    scored_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("readability score")
        verbose_name_plural = _("readability scores")

    def __str__(self):
        return f"revision {self.revision_id}: {self.language} level {self.level}"

    @classmethod
    def values_from(cls, scores: Scores) -> dict:
        """Field values for a `scoring.Scores`."""
        return {
            "language": scores.language,
            "words": scores.words,
            "sentences": scores.sentences,
            "syllables": scores.syllables,
            "grade": scores.grade,
            "reading_ease": scores.reading_ease,
            "fernandez_huerta": scores.fernandez_huerta,
            "inflesz": scores.inflesz,
            "level": scores.level,
            "long_sentences": [
                {"text": s.text, "words": s.words, "syllables": s.syllables} for s in scores.long_sentences
            ],
            "long_sentence_count": len(scores.long_sentences),
            "scorer_version": SCORER_VERSION,
        }

    def as_scores(self) -> Scores:
        """Back to a `scoring.Scores`, for the panel, the report and the vote."""
        return Scores(
            self.language,
            words=self.words,
            sentences=self.sentences,
            syllables=self.syllables,
            grade=self.grade,
            reading_ease=self.reading_ease,
            fernandez_huerta=self.fernandez_huerta,
            inflesz=self.inflesz,
            long_sentences=tuple(Sentence(**sentence) for sentence in self.long_sentences),
        )


class BoardTargets(models.Model):
    """The reading level an editorial board holds its revisions to; boards without a row use the defaults."""

    board = models.OneToOneField(
        "pages.EditorialBoard",
        on_delete=models.CASCADE,
        related_name="readability_targets",
        verbose_name=_("editorial board"),
    )
    english_max_grade = models.DecimalField(
        max_digits=3,
        decimal_places=1,
        default=DEFAULT_ENGLISH_MAX_GRADE,
        validators=[MinValueValidator(Decimal("1.0")), MaxValueValidator(Decimal("18.0"))],
        verbose_name=_("English: highest Flesch–Kincaid grade"),
        help_text=_("English sections above this school grade miss the target (default 8)."),
    )
    spanish_min_inflesz = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        default=DEFAULT_SPANISH_MIN_INFLESZ,
        validators=[MinValueValidator(Decimal("0.0")), MaxValueValidator(Decimal("100.0"))],
        verbose_name=_("Spanish: lowest INFLESZ score"),
        help_text=_("Spanish sections below this INFLESZ score miss the target (default 55, “normal”)."),
    )

    panels = [FieldPanel("board"), FieldPanel("english_max_grade"), FieldPanel("spanish_min_inflesz")]

    class Meta:
        verbose_name = _("readability targets")
        verbose_name_plural = _("readability targets")
        ordering = ["board__name"]

    def __str__(self):
        return str(self.board)


class BelowTargetApproval(models.Model):
    """A board member's reason for approving a revision that misses the board's readability target, kept
    with their vote, with the score and the target it missed."""

    vote = models.OneToOneField(
        "pages.BoardVote", on_delete=models.CASCADE, related_name="below_target_approval"
    )
    reason = models.TextField(verbose_name=_("reason for approving below the board's target"))
    language = models.CharField(max_length=8)
    score = models.FloatField(
        help_text=_("The revision's Flesch–Kincaid grade (English) or INFLESZ (Spanish).")
    )
    target = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        help_text=_("The highest grade (English) or lowest INFLESZ (Spanish)."),
    )

    class Meta:
        verbose_name = _("approval below the readability target")
        verbose_name_plural = _("approvals below the readability target")

    def __str__(self):
        return f"{self.vote}: {self.reason[:40]}"

    def target_description(self) -> str:
        return describe_target(self.target, self.language)
