"""Scores of a text in its language: counts, the language's formulas, its level and its long sentences."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from wagtail.models import Page

from . import formulas
from .extraction import Passage, page_passages
from .text import SYLLABLE_COUNTERS, sentences

# The languages readability has syllable rules and formulas for (English and Spanish, not every language).
LANGUAGES = tuple(SYLLABLE_COUNTERS)
# Fewer words than this give scores that mean nothing: "not enough text to score".
MIN_WORDS = 30
# Sentences longer than this are flagged. Plain-language guidance asks for about 20 words on average and
# few over 25 in English; Spanish says the same thing in roughly a fifth more words.
LONG_SENTENCE_WORDS = {"en": 25, "es": 30}


@dataclass(frozen=True)
class Scores:
    language: str
    words: int = 0
    sentences: int = 0
    syllables: int = 0
    grade: float | None = None  # Flesch–Kincaid (English)
    reading_ease: float | None = None  # Flesch (English)
    fernandez_huerta: float | None = None  # Spanish
    inflesz: float | None = None  # Szigriszt-Pazos perspicuity (Spanish)
    long_sentences: tuple = field(default=())  # text.Sentence, in page order

    @property
    def enough_text(self) -> bool:
        return self.words >= MIN_WORDS

    @property
    def band(self) -> formulas.Band | None:
        """The band of the language's main score (Flesch reading ease, INFLESZ); None if not scored."""
        if not self.enough_text:
            return None
        if self.language == "es":
            return formulas.band(self.inflesz, formulas.INFLESZ_BANDS)
        return formulas.band(self.reading_ease, formulas.FLESCH_BANDS)

    @property
    def level(self) -> formulas.Level | None:
        return self.band.level if self.band else None


def score_passages(passages: Iterable[Passage], language: str) -> Scores:
    """Scores of plain-text passages in `language` ("en" or "es")."""
    if language not in LANGUAGES:
        raise ValueError(f"No readability formulas for language {language!r}; known: {', '.join(LANGUAGES)}")
    found = [sentence for passage in passages for sentence in sentences(passage.text, language)]
    words = sum(sentence.words for sentence in found)
    syllables = sum(sentence.syllables for sentence in found)
    limit = LONG_SENTENCE_WORDS[language]
    long_sentences = tuple(sentence for sentence in found if sentence.words > limit)
    counts = {"words": words, "sentences": len(found), "syllables": syllables}
    if words < MIN_WORDS:
        return Scores(language, long_sentences=long_sentences, **counts)
    arguments = (words, len(found), syllables)
    if language == "es":
        return Scores(
            language,
            fernandez_huerta=formulas.fernandez_huerta(*arguments),
            inflesz=formulas.szigriszt_pazos(*arguments),
            long_sentences=long_sentences,
            **counts,
        )
    return Scores(
        language,
        grade=formulas.flesch_kincaid_grade(*arguments),
        reading_ease=formulas.flesch_reading_ease(*arguments),
        long_sentences=long_sentences,
        **counts,
    )


def score_page(page: Page) -> Scores:
    """Scores of a guide section (or a revision of one) in its locale's language."""
    return score_passages(page_passages(page), page.locale.language_code)


def parity_gap(translation: Scores, source: Scores) -> int | None:
    """How many bands (`formulas.Level` steps) harder the translation reads than its source: 0 or less
    when it is as easy or easier, None when either has too little text to score."""
    if translation.level is None or source.level is None:
        return None
    return source.level - translation.level
