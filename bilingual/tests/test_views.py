"""The side-by-side view as readers get it: aligned blocks, each side's language, dates, notice and glossary."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from glossary.models import GlossaryTerm
from pages.models import PublicationRecord, RevisionKind
from translations.models import TranslationStatus

from .helpers import (
    GUIDE_SIDE_BY_SIDE,
    SECTION,
    SIDE_BY_SIDE,
    demo_section,
    english_section,
    intro_cells,
    is_unmatched,
    publish,
    rows,
    side_by_side_url,
    translated,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_demo_section_pairs_every_block_with_its_translation(client, language):
    response = client.get(SIDE_BY_SIDE[language])
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert '<meta name="robots" content="noindex, follow">' in html
    other_view = SIDE_BY_SIDE["es" if language == "en" else "en"]
    assert f'<a href="{other_view}" hreflang=' in html  # the language switcher keeps the view
    other = "es" if language == "en" else "en"
    reader, translation = demo_section(language), demo_section(other)
    found = rows(html)
    assert len(found) == len(reader.body.raw_data) == len(translation.body.raw_data)
    for row, mine, theirs in zip(found, reader.body, translation.body, strict=True):
        # The reader's language first, each cell marked with its own language, a block beside its translation.
        assert [cell["lang"] for cell in row] == [language, other]
        assert not any(is_unmatched(cell) for cell in row)
        assert mine.id == theirs.id
        if mine.block_type == "heading":
            assert row[0].find(["h2"]).get_text() == mine.value["text"]
            assert row[1].find(["h2"]).get_text() == theirs.value["text"]


def test_each_side_has_its_own_dates_summary_and_key_points_in_its_language(client):
    html = client.get(SIDE_BY_SIDE["en"]).content.decode()
    english, spanish = intro_cells(html)
    for cell, page, updated in (
        (english, demo_section("en"), "Updated:"),
        (spanish, demo_section("es"), "Actualizada:"),
    ):
        dates = cell.find(class_="revision-dates")
        assert updated in dates.get_text()
        assert dates.find("time")["datetime"] == f"{page.last_updated:%Y-%m-%d}"
        assert page.summary in cell.get_text()
    assert english.find("h2").get_text() == "Key points" and spanish.find("h2").get_text() == "Puntos clave"


def test_the_spanish_side_says_when_it_is_behind_the_english_page(client):
    spanish, english = demo_section("es"), demo_section("en")
    assert "translation-notice" not in client.get(SIDE_BY_SIDE["en"]).content.decode()
    PublicationRecord.objects.create(
        page=english,
        kind=RevisionKind.SUBSTANTIVE,
        published_at=timezone.make_aware(datetime.datetime(2001, 1, 1)),
    )
    TranslationStatus.objects.update_or_create(
        page=spanish, defaults={"in_step_at": timezone.make_aware(datetime.datetime(2000, 1, 1))}
    )
    for language in ("en", "es"):
        english_cell, spanish_cell = sorted(
            intro_cells(client.get(SIDE_BY_SIDE[language]).content.decode()), key=lambda c: c["lang"]
        )
        assert english_cell.find(class_="translation-notice") is None
        notice = spanish_cell.find(class_="translation-notice")
        assert "Estamos actualizando esta traducción" in notice.get_text()
        assert notice.find("a")["href"] == SECTION["en"]


def test_glossary_terms_open_in_their_sides_language_with_the_other_name(client):
    html = client.get(SIDE_BY_SIDE["es"]).content.decode()
    terms = {"en": [], "es": []}
    for row in rows(html):
        for cell in row:
            terms[cell["lang"]] += cell.select("a.glossary-term")
    for language, other in (("en", "es"), ("es", "en")):
        assert terms[language]
        for term in terms[language]:
            assert term["data-glossary-api"].endswith(f"?lang={language}")
            assert term["data-glossary-other-lang"] == other and term["data-glossary-other-name"]
    for term in terms["es"][:5]:
        glossary_term = GlossaryTerm.objects.get(pk=term["data-glossary-id"])
        assert term["data-glossary-other-name"] == glossary_term.name_en
        assert term["data-glossary-other-label"] == "En inglés:"  # read by a Spanish reader
    assert terms["en"][0]["data-glossary-other-label"] == "In Spanish:"  # each label in its side's language


@pytest.mark.parametrize("language", ["en", "es"])
def test_sections_guides_and_whole_guides_link_to_the_view_in_the_readers_language(client, language):
    guide_url = GUIDE_SIDE_BY_SIDE[language]
    for url, link in (
        (SECTION[language], SIDE_BY_SIDE[language]),
        (guide_url.rsplit("/", 2)[0] + "/", guide_url),
        (client.get(guide_url.rsplit("/", 2)[0] + "/").context["whole_guide_url"], guide_url),
    ):
        html = client.get(url).content.decode()
        assert f'<p class="side-by-side-link"><a href="{link}">' in html, url
    assert client.get(guide_url).status_code == 200


def test_a_page_without_a_translation_offers_no_link_and_its_address_is_the_404_page(client):
    english = english_section()
    assert "side-by-side-link" not in client.get(english.url).content.decode()
    response = client.get(side_by_side_url(english, "en"))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_unpublished_or_private_translations_and_the_other_languages_word_are_not_found(client):
    english = english_section()
    spanish = translated(english, publish_it=False)
    assert client.get(side_by_side_url(english, "en")).status_code == 404  # a draft only
    spanish = publish(spanish)
    assert client.get(side_by_side_url(english, "en")).status_code == 200
    assert client.get(side_by_side_url(spanish, "es")).status_code == 200
    assert client.get(f"{english.url}bilingue/").status_code == 404
    assert client.get("/en/childhood-all/whole-guide/side-by-side/").status_code == 404
    PageViewRestriction.objects.create(page=spanish, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(side_by_side_url(english, "en")).status_code == 404


def test_an_added_a_removed_and_a_moved_block_are_shown_and_marked(client):
    english = english_section(blocks=6)
    spanish = translated(english)
    blocks = list(spanish.body.raw_data)
    added = {
        "type": "rich_text",
        "value": "<p>Un párrafo que solo existe en español.</p>",
        "id": "extra-block",
    }
    # Spanish: [0, 1, added, 2, 4, 3]: block 5 removed, 3 and 4 swapped.
    publish(spanish, body=[blocks[0], blocks[1], added, blocks[2], blocks[4], blocks[3]])
    found = rows(client.get(side_by_side_url(english, "en")).content.decode())
    unmatched = [[is_unmatched(cell) for cell in row] for row in found]
    assert unmatched == [
        [False, False],
        [False, False],
        [True, False],
        [False, False],
        [False, False],
        [False, False],
        [False, True],
    ]
    assert "solo existe en español" in found[2][1].get_text()
    assert "No matching text in English." in found[2][0].get_text()
    assert "No hay texto equivalente en español." in found[6][1].get_text()
    assert (
        "Paragraph 3" in found[4][0].get_text() and "Paragraph 3" in found[4][1].get_text()
    )  # moved, still paired
    # A Spanish reader sees the Spanish order.
    found = rows(client.get(side_by_side_url(spanish, "es")).content.decode())
    assert "Heading 4" in found[4][0].get_text() and "Heading 4" in found[4][1].get_text()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_whole_guide_side_by_side_holds_every_section_aligned(client, language):
    html = client.get(GUIDE_SIDE_BY_SIDE[language]).content.decode()
    contents = BeautifulSoup(html, "html.parser").select(".side-by-side-contents a")
    assert contents and all(
        f'id="{link["href"][1:]}"' in html and link["lang"] == language for link in contents
    )
    found = rows(html)
    assert found and not any(is_unmatched(cell) for row in found for cell in row)
    assert html.count('class="side-by-side-section"') == len(
        client.get(GUIDE_SIDE_BY_SIDE[language].rsplit("/", 2)[0] + "/").context["sections"]
    )


def test_search_engines_are_kept_to_each_languages_own_pages(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert SECTION["en"] in sitemap
    assert "side-by-side" not in sitemap and "bilingue" not in sitemap
