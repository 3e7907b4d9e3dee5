"""Sentences, words and passages: abbreviations, numbers, addresses, lists, and text too short to score."""

import pytest

from glossary.snapshot import Entry, Glossary, Term
from readability.extraction import Passage, block_passages, rich_text
from readability.hard_words import explained_words, hard_words
from readability.scoring import MIN_WORDS, score_passages
from readability.text import sentences


def test_abbreviations_and_decimals_do_not_end_sentences():
    found = sentences(
        "Dr. Lee checks the counts, e.g. platelets. A fever of 38.5 °C needs a call. Call now!", "en"
    )
    assert [s.text for s in found] == [
        "Dr. Lee checks the counts, e.g. platelets.",
        "A fever of 38.5 °C needs a call.",
        "Call now!",
    ]


def test_spanish_sentences_with_opening_marks_and_abbreviations():
    found = sentences("¿Qué es la LLA? Es un cáncer, p. ej. de la sangre. ¡Llame al Dr. Pérez!", "es")
    assert [s.text for s in found] == [
        "¿Qué es la LLA?",
        "Es un cáncer, p. ej. de la sangre.",
        "¡Llame al Dr. Pérez!",
    ]


def test_numbers_and_addresses_are_not_words_and_keep_the_sentence_whole():
    found = sentences(
        "Give 6-MP at night; see https://www.cancer.gov/types/leukemia. Or write to help@example.org now.",
        "en",
    )
    assert [s.text for s in found] == [
        "Give 6-MP at night; see https://www.cancer.gov/types/leukemia.",
        "Or write to help@example.org now.",
    ]
    assert [s.words for s in found] == [5, 4]
    assert sentences("38 °C, 100.4 °F and 2 doses", "en")[0].words == 4  # C, F, and, doses


def test_rich_text_paragraphs_and_list_items_are_passages_with_their_glossary_marks():
    html = (
        '<p data-block-key="a">Your child may need a <a linktype="glossary" id="3">transplants</a>.</p>'
        '<ul><li data-block-key="b">a fever</li><li data-block-key="c">bruises &amp; bleeding</li></ul>'
    )
    assert rich_text(html) == [
        Passage("Your child may need a transplants.", ("transplants",)),
        Passage("a fever"),
        Passage("bruises & bleeding"),
    ]


def test_headings_tables_alt_text_and_link_labels_are_left_out():
    assert block_passages("heading", {"text": "Why ALL causes symptoms"}) == []
    assert block_passages("table", {"data": [["Test", "What it measures"]]}) == []
    image = {"image": 1, "alt_text": "Blood cells under a microscope", "caption": "Blood cells."}
    assert block_passages("image", image) == [Passage("Blood cells.")]
    links = {
        "title": "Learn more",
        "links": [{"type": "item", "value": {"label": "NCI", "description": "Facts."}}],
    }
    assert block_passages("related_links", links) == [Passage("Facts.")]
    timeline = {
        "title": "Phases",
        "phases": [{"name": "Induction", "duration": "4 weeks", "description": ""}],
    }
    assert block_passages("timeline", timeline) == []


@pytest.mark.parametrize(
    "passages",
    [
        [],  # an empty section
        [Passage("ALL"), Passage("LLA"), Passage("6-MP"), Passage("38 °C")],  # abbreviations and numbers
        [Passage("https://www.cancer.gov/")],  # only an address
        [Passage(f"item {n}") for n in range(5)],  # a short list
    ],
)
def test_too_little_text_is_not_scored_and_raises_nothing(passages):
    scores = score_passages(passages, "en")
    assert not scores.enough_text
    assert scores.words < MIN_WORDS
    assert scores.grade is None and scores.band is None and scores.level is None


def test_a_list_of_short_items_is_scored_as_short_sentences():
    scores = score_passages([Passage("a fever that does not go away")] * 10, "en")
    assert scores.sentences == 10 and scores.enough_text and scores.grade < 3


def test_a_very_long_section_is_scored_and_its_long_sentences_flagged():
    run_on = " ".join(["the child takes the medicine and"] * 6) + " rests."
    scores = score_passages([Passage("The child rests.")] * 3000 + [Passage(run_on)], "en")
    assert scores.words == 9000 + 37
    assert [s.words for s in scores.long_sentences] == [37]


def test_unknown_languages_are_refused_clearly():
    with pytest.raises(ValueError, match="No readability formulas for language 'fr'"):
        score_passages([Passage("Bonjour.")], "fr")


def glossary(language, *names, abbreviations=()):
    terms = {}
    for number, name in enumerate(names, start=1):
        entry = Entry(number, f"t{number}", language, name, "", tuple(abbreviations), (), "", "", "")
        terms[number] = Term(number, f"t{number}", None, {}, (), {language: entry})
    return Glossary("test", terms, {})


def test_hard_words_leave_out_glossary_terms_their_plurals_and_marked_words():
    passages = [
        Passage("The lymphoblasts and the hemoglobin crowd the myelogram."),
        Passage("Transplants and chromosomes are explained by the care team.", ("Transplants",)),
    ]
    found = {
        w.word: w.reasons for w in hard_words(passages, "en", glossary("en", "lymphoblast", "hemoglobin"))
    }
    assert found == {"myelogram": ["technical", "rare"]}


def test_hard_words_explained_on_the_page_are_not_flagged():
    passages = [
        Passage("Petechiae (tiny red spots) can appear."),
        Passage("A thrombocytopenic child bruises. Thrombocytopenic means having few platelets."),
        Passage("Your child may have a large lump (a mediastinal mass)."),
        Passage("Intrathecal chemotherapy is given in the spine."),
    ]
    explained = explained_words(passages, "en")
    assert {"petechiae", "thrombocytopenic", "mediastinal", "intrathecal"} <= explained
    assert hard_words(passages, "en", glossary("en", "chemotherapy")) == []


def test_spanish_hard_words_long_technical_and_abbreviations():
    passages = [
        Passage("La EMR se mide con una prueba. Hay trombocitopenia y especialmente hiperleucocitosis."),
        Passage("La médula ósea es el tejido blando. Su hijo necesita medicamentos."),
    ]
    found = {w.word: w.reasons for w in hard_words(passages, "es", glossary("es", "médula ósea"))}
    assert found == {
        "EMR": ["abbreviation"],
        "trombocitopenia": ["long", "technical"],
        "hiperleucocitosis": ["long", "technical"],
    }
