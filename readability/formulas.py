"""The readability formulas and their bands, from words, sentences and syllables counted in text.

English:
- Flesch reading ease (Flesch 1948): 206.835 − 1.015 × words/sentences − 84.6 × syllables/words.
- Flesch–Kincaid grade level (Kincaid et al. 1975): 0.39 × words/sentences + 11.8 × syllables/words − 15.59.

Spanish:
- Fernández-Huerta (1959), as corrected by Law (2011): 206.84 − 60 × syllables/words − 1.02 × words/
  sentences. The published form, 206.84 − 0.60 P − 1.02 F with F = sentences per 100 words, scored
  shorter sentences as *harder*; Law showed the term must be 1.02 × words per sentence (= 102 / F).
- Szigriszt-Pazos perspicuity (1993): 206.835 − 62.3 × syllables/words − words/sentences, read on the
  INFLESZ scale (Barrio-Cantalejo et al. 2008): < 40 very difficult, 40–55 somewhat difficult, 55–65
  normal, 65–80 fairly easy, ≥ 80 very easy.

Every score is also placed on one five-step scale (`Level`) so that a Spanish page and its English source
can be compared (the parity line): INFLESZ's five bands for Spanish; for English, Flesch's seven bands
folded onto the same steps by the school level each stands for (his "difficult" and "fairly difficult" are
both INFLESZ's "somewhat difficult"; "easy" and "very easy" are both "very easy").
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from django.utils.translation import gettext_lazy as _


class Level(IntEnum):
    VERY_DIFFICULT = 1
    SOMEWHAT_DIFFICULT = 2
    NORMAL = 3
    FAIRLY_EASY = 4
    VERY_EASY = 5

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]


LEVEL_LABELS = {
    Level.VERY_DIFFICULT: _("Very difficult"),
    Level.SOMEWHAT_DIFFICULT: _("Somewhat difficult"),
    Level.NORMAL: _("Normal"),
    Level.FAIRLY_EASY: _("Fairly easy"),
    Level.VERY_EASY: _("Very easy"),
}


@dataclass(frozen=True)
class Band:
    """A named range of a score: [low, high)."""

    low: float
    high: float
    label: str
    level: Level


INFINITY = float("inf")
# Flesch's table, used for Flesch reading ease and, as Fernández-Huerta did, for his Spanish score.
FLESCH_BANDS = (
    Band(-INFINITY, 30, _("Very difficult"), Level.VERY_DIFFICULT),
    Band(30, 50, _("Difficult"), Level.SOMEWHAT_DIFFICULT),
    Band(50, 60, _("Fairly difficult"), Level.SOMEWHAT_DIFFICULT),
    Band(60, 70, _("Standard"), Level.NORMAL),
    Band(70, 80, _("Fairly easy"), Level.FAIRLY_EASY),
    Band(80, 90, _("Easy"), Level.VERY_EASY),
    Band(90, INFINITY, _("Very easy"), Level.VERY_EASY),
)
INFLESZ_BANDS = (
    Band(-INFINITY, 40, _("Very difficult"), Level.VERY_DIFFICULT),
    Band(40, 55, _("Somewhat difficult"), Level.SOMEWHAT_DIFFICULT),
    Band(55, 65, _("Normal"), Level.NORMAL),
    Band(65, 80, _("Fairly easy"), Level.FAIRLY_EASY),
    Band(80, INFINITY, _("Very easy"), Level.VERY_EASY),
)


def band(score: float, bands: Iterable[Band]) -> Band:
    return next(b for b in bands if b.low <= score < b.high)


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def fernandez_huerta(words: int, sentences: int, syllables: int) -> float:
    return 206.84 - 60 * (syllables / words) - 1.02 * (words / sentences)


def szigriszt_pazos(words: int, sentences: int, syllables: int) -> float:
    """Perspicuity, the score the INFLESZ scale reads."""
    return 206.835 - 62.3 * (syllables / words) - (words / sentences)
