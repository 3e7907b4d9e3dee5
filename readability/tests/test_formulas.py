"""The formulas against published worked examples and definitions, and the bands they fall in."""

import pytest

from readability import formulas
from readability.extraction import Passage
from readability.formulas import Level
from readability.scoring import parity_gap, score_passages


def test_flesch_on_the_platypus_sentence():
    """ "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.": 13 words and
    24 syllables in the published example, reading ease 37.5 and grade 11.3."""
    assert formulas.flesch_reading_ease(13, 1, 24) == pytest.approx(37.5, abs=0.05)
    assert formulas.flesch_kincaid_grade(13, 1, 24) == pytest.approx(11.3, abs=0.05)


def test_the_cat_sat_on_the_mat_from_text_to_scores():
    """Six one-syllable words in one sentence: reading ease 116.1, grade −1.4 (the formulas' own floor)."""
    scores = score_passages([Passage("The cat sat on the mat.")] * 5, "en")
    assert (scores.words, scores.sentences, scores.syllables) == (30, 5, 30)
    assert scores.reading_ease == pytest.approx(116.1, abs=0.05)
    assert scores.grade == pytest.approx(-1.45, abs=0.01)


def test_fernandez_huerta_on_a_100_word_sample_matches_the_published_form():
    """For 100 words the syllable term is the published 0.60 × P; the sentence term is Law's correction,
    1.02 × words per sentence (the published 1.02 × F made shorter sentences harder)."""
    assert formulas.fernandez_huerta(100, 5, 180) == pytest.approx(206.84 - 0.60 * 180 - 1.02 * 20)
    assert formulas.fernandez_huerta(100, 10, 180) > formulas.fernandez_huerta(100, 5, 180)


def test_szigriszt_pazos_perspicuity():
    assert formulas.szigriszt_pazos(100, 5, 180) == pytest.approx(206.835 - 62.3 * 1.8 - 20)


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (39.9, Level.VERY_DIFFICULT),
        (40, Level.SOMEWHAT_DIFFICULT),
        (54.9, Level.SOMEWHAT_DIFFICULT),
        (55, Level.NORMAL),
        (65, Level.FAIRLY_EASY),
        (80, Level.VERY_EASY),
    ],
)
def test_inflesz_bands(score, level):
    assert formulas.band(score, formulas.INFLESZ_BANDS).level == level


@pytest.mark.parametrize(
    ("score", "label", "level"),
    [
        (25, "Very difficult", Level.VERY_DIFFICULT),
        (45, "Difficult", Level.SOMEWHAT_DIFFICULT),
        (55, "Fairly difficult", Level.SOMEWHAT_DIFFICULT),
        (65, "Standard", Level.NORMAL),
        (75, "Fairly easy", Level.FAIRLY_EASY),
        (85, "Easy", Level.VERY_EASY),
        (95, "Very easy", Level.VERY_EASY),
    ],
)
def test_flesch_bands_fold_onto_the_common_levels(score, label, level):
    band = formulas.band(score, formulas.FLESCH_BANDS)
    assert (str(band.label), band.level) == (label, level)


def test_parity_counts_the_bands_a_translation_is_harder_by():
    easy = score_passages([Passage("The cat sat on the mat.")] * 5, "en")
    hard = score_passages(
        [Passage("La administración intravenosa de quimioterapia intensificada requiere hospitalización.")]
        * 5,
        "es",
    )
    assert easy.level == Level.VERY_EASY and hard.level == Level.VERY_DIFFICULT
    assert parity_gap(hard, easy) == 4
    assert parity_gap(easy, easy) == 0
    assert parity_gap(score_passages([], "es"), easy) is None
