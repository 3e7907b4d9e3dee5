"""The reading level a section's editorial board holds it to, and whether a revision meets it."""

from dataclasses import dataclass
from decimal import Decimal

from wagtail.models import Page

from pages.models import EditorialBoard
from pages.models.boards import board_for_page

from .models import DEFAULT_ENGLISH_MAX_GRADE, DEFAULT_SPANISH_MIN_INFLESZ, BoardTargets, describe_target
from .scoring import Scores


@dataclass(frozen=True)
class Targets:
    english_max_grade: Decimal = DEFAULT_ENGLISH_MAX_GRADE
    spanish_min_inflesz: Decimal = DEFAULT_SPANISH_MIN_INFLESZ

    def misses(self, scores: Scores | None) -> bool | None:
        """True if the scores miss the target, False if they meet it, None if there was too little text."""
        if scores is None or not scores.enough_text:
            return None
        if scores.language == "es":
            return scores.inflesz < float(self.spanish_min_inflesz)
        return scores.grade > float(self.english_max_grade)

    def value(self, language: str) -> Decimal:
        """The target's number: the highest grade in English, the lowest INFLESZ in Spanish."""
        return self.spanish_min_inflesz if language == "es" else self.english_max_grade

    def describe(self, language: str) -> str:
        """The target in words, e.g. "grade 8.0 or lower"."""
        return describe_target(self.value(language), language)


def targets_for_board(board: EditorialBoard | None) -> Targets:
    row = BoardTargets.objects.filter(board=board).first() if board else None
    if row is None:
        return Targets()
    return Targets(row.english_max_grade, row.spanish_min_inflesz)


def targets_for_page(page: Page) -> Targets:
    """The targets of the board that reviews the page's guide; the defaults where it has none."""
    return targets_for_board(board_for_page(page))
