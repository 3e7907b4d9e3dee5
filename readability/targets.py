"""The reading level a section's editorial board holds it to, and whether a revision meets it."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from pages.models.boards import board_for_page

from .models import DEFAULT_ENGLISH_MAX_GRADE, DEFAULT_SPANISH_MIN_INFLESZ, BoardTargets


@dataclass(frozen=True)
class Targets:
    english_max_grade: Decimal = DEFAULT_ENGLISH_MAX_GRADE
    spanish_min_inflesz: Decimal = DEFAULT_SPANISH_MIN_INFLESZ

    def misses(self, scores):
        """True if the scores miss the target, False if they meet it, None if there was too little text."""
        if scores is None or not scores.enough_text:
            return None
        if scores.language == "es":
            return scores.inflesz < float(self.spanish_min_inflesz)
        return scores.grade > float(self.english_max_grade)

    def describe(self, language):
        """The target in words, e.g. "grade 8.0 or lower"."""
        if language == "es":
            return _("INFLESZ %(score)s or higher") % {"score": self.spanish_min_inflesz}
        return _("grade %(grade)s or lower") % {"grade": self.english_max_grade}


def targets_for_board(board):
    row = BoardTargets.objects.filter(board=board).first() if board else None
    if row is None:
        return Targets()
    return Targets(row.english_max_grade, row.spanish_min_inflesz)


def targets_for_page(page):
    """The targets of the board that reviews the page's guide; the defaults where it has none."""
    return targets_for_board(board_for_page(page))
