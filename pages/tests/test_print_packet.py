"""The whole-guide view is the family print packet: every section, then the glossary words the guide uses."""

import re
from html import unescape

import pytest
from django.utils.html import escape
from wagtail.models import Locale, Page

from glossary.models import GlossaryTerm, TermOccurrence
from glossary.snapshot import current_glossary
from pages.factories import GuidePageFactory, GuideSectionPageFactory
from pages.models import GuidePage, GuideSectionPage, PublicationRecord
from pages.models.review_dates import RevisionKind
from translations.status import OUT_OF_DATE, pages_with_translation_status

pytestmark = pytest.mark.django_db


def words_part(html):
    return html.split('<section class="guide-words"', 1)[1]


def test_the_packet_ends_with_the_words_its_sections_use_in_the_readers_language(client):
    guide = GuidePage.objects.get(slug="lla-infantil")
    used = set(TermOccurrence.objects.filter(page__in=guide.sections()).values_list("term_id", flat=True))
    glossary = current_glossary()
    expected = sorted((glossary.entry(term_id, "es") for term_id in used), key=lambda entry: entry.sort_key)
    assert len(expected) >= 20

    html = client.get(guide.whole_guide_url()).content.decode()
    words = words_part(html)
    assert "Palabras que se usan en esta guía" in words
    assert re.findall(r"<dt>([^<]*?)\s*(?:<span|</dt>)", words) == [escape(entry.name) for entry in expected]
    assert all(entry.definition_html in words for entry in expected)
    last_section = list(guide.sections())[-1]
    assert html.index(f'id="{last_section.slug}-title"') < html.index('class="guide-words"')


def test_only_live_sections_of_this_guide_count(client, english_home):
    guide = GuidePageFactory(parent=english_home)
    section = GuideSectionPageFactory(parent=guide)
    draft = GuideSectionPageFactory(parent=guide, live=False)
    remission, spleen = GlossaryTerm.objects.get(slug="remission"), GlossaryTerm.objects.get(slug="spleen")
    TermOccurrence.objects.create(term=remission, page=section)
    TermOccurrence.objects.create(term=spleen, page=draft)

    words = words_part(client.get(guide.whole_guide_url()).content.decode())
    assert re.findall(r"<dt>([^<]*?)\s*(?:<span|</dt>)", words) == [remission.name_en]

    TermOccurrence.objects.filter(page=section).delete()
    words = words_part(client.get(guide.whole_guide_url()).content.decode())
    assert "<dt>" not in words and "This guide does not use any glossary words yet." in words


SPANISH_GUIDE = "/es/lla-infantil/guia-completa/"


def part(html, start, end):
    return html[html.index(start) : html.index(end, html.index(start))]


@pytest.mark.parametrize(
    ("url", "help_title"),
    [(SPANISH_GUIDE, "¿Necesita ayuda ahora?"), ("/en/childhood-all/whole-guide/", "Need help now?")],
)
def test_the_packet_starts_with_the_help_lines(client, url, help_title):
    html = client.get(url).content.decode()
    printed = part(html, '<section class="help-lines print-only"', "</section>")
    assert help_title in printed and "911" in printed and "tel:+18004226237" in printed
    assert html.count('class="help-lines print-only"') == 1
    assert html.index(printed) < html.index('class="whole-guide-section"')


def test_a_spanish_section_behind_its_english_page_says_so_in_the_packet(client):
    spanish = GuideSectionPage.objects.get(url_path__endswith="/lla-infantil/fases-del-tratamiento/")
    english = spanish.get_translation(Locale.objects.get(language_code="en"))
    PublicationRecord.objects.create(page=english, kind=RevisionKind.SUBSTANTIVE, summary="New drug.")

    html = client.get(SPANISH_GUIDE).content.decode()
    slugs = re.findall(r'<section class="whole-guide-section" id="([^"]+)"', html)
    assert len(slugs) >= 12
    behind = [
        slug
        for slug in slugs
        if "La versión en inglés de esta sección se actualizó el"
        in part(html, f'<section class="whole-guide-section" id="{slug}"', '<p class="lead">')
    ]
    out_of_date = {  # this one, and any the demo history left behind
        Page.objects.get(pk=row.translation_id).slug
        for row in pages_with_translation_status()
        if row.translation_status == OUT_OF_DATE
    }
    assert "fases-del-tratamiento" in behind and set(behind) == out_of_date
    assert f'<a href="{english.url}" hreflang="en">Leer la sección en inglés</a>' in html
    assert "se actualizó el" not in client.get("/en/childhood-all/whole-guide/").content.decode()


def test_the_sections_questions_are_gathered_before_the_words(client):
    guide = GuidePage.objects.get(slug="lla-infantil")
    expected = [
        (
            section.title,
            [
                question
                for block in section.body
                if block.block_type == "questions"
                for question in block.value["questions"]
            ],
        )
        for section in guide.sections()
    ]
    expected = [(title, questions) for title, questions in expected if questions]
    assert len(expected) >= 3

    html = client.get(guide.whole_guide_url()).content.decode()
    gathered = part(html, '<section class="guide-questions"', '<section class="guide-words"')
    assert "Preguntas para el equipo de atención médica" in gathered
    shown = re.findall(r"<h3>(.*?)</h3>\s*<ul>(.*?)</ul>", gathered, re.S)
    assert [
        (unescape(title), [unescape(q) for q in re.findall(r"<li>(.*?)</li>", items)])
        for title, items in shown
    ] == expected
    sections = part(html, 'class="whole-guide-section"', '<section class="guide-questions"')
    assert '<section class="questions">' not in sections, "each question is printed once, at the end"
    asking = next(section for section in guide.sections() if section.title == expected[0][0])
    one_section = client.get(asking.url).content.decode()
    assert '<section class="questions">' in one_section, "a section's own page keeps its questions"


def test_the_editorial_block_is_named_apart_from_the_about_section(client):
    html = client.get(SPANISH_GUIDE).content.decode()
    contents = part(html, '<nav class="guide-contents"', "</nav>")
    names = [unescape(name) for name in re.findall(r'<a href="#[^"]+">([^<]+)</a>', contents)]
    assert names[-4:] == [
        "Acerca de esta guía",  # the guide's own last section
        "Preguntas para el equipo de atención médica",
        "Palabras que se usan en esta guía",
        "Información editorial",
    ]
    assert len(set(names)) == len(names)
    for anchor in re.findall(r'<a href="#([^"]+)">', contents):
        assert f'id="{anchor}"' in html, anchor
