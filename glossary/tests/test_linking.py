"""Terms in the guide text, as families get them: linked once per section, in the page's language."""

import re

import pytest
from django.test import Client
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import Page

from glossary.factories import GlossaryTermFactory
from glossary.models import GlossaryTerm
from pages.factories import GuideSectionPageFactory

from .helpers import heading, make_section, paragraph, section_body, term_links

pytestmark = pytest.mark.django_db


@pytest.fixture
def flurbin():
    """A made-up concept, so the seed glossary cannot interfere."""
    return GlossaryTermFactory(
        slug="flurbin-count",
        name_en="flurbin count",
        abbreviations_en="FBC",
        other_names_en="flurbin level",
        definition_en="<p>How many flurbins are in the blood.</p>",
        name_es="recuento de flúrbinas",
        abbreviations_es="RFB",
        definition_es="<p>Cuántas flúrbinas hay en la sangre.</p>",
    )


def body_html(client, section):
    response = client.get(section.url)
    assert response.status_code == 200
    return section_body(response.content.decode())


def test_first_occurrence_is_linked_and_the_second_is_not(client, english_home, flurbin):
    section = make_section(
        english_home,
        [paragraph("<p>The Flurbin count is low.</p>"), paragraph("<p>A flurbin count again, and FBC.</p>")],
    )
    links = term_links(body_html(client, section))
    assert links == [("/en/glossary/flurbin-count/", "Flurbin count")]


def test_abbreviations_and_other_names_link_the_same_concept_once(client, english_home, flurbin):
    section = make_section(english_home, [paragraph("<p>Your FBC, also called the flurbin level.</p>")])
    assert term_links(body_html(client, section)) == [("/en/glossary/flurbin-count/", "FBC")]


def test_whole_words_only_and_abbreviations_keep_their_capitals(client, english_home, flurbin):
    section = make_section(english_home, [paragraph("<p>Flurbin counts, fbc and FBCs are not it.</p>")])
    assert term_links(body_html(client, section)) == []


def test_no_link_inside_headings_or_existing_links(client, english_home, flurbin):
    section = make_section(
        english_home,
        [
            heading("About the flurbin count"),
            paragraph('<p>See <a href="https://example.org/">the flurbin count</a>.</p>'),
            paragraph("<p>Now the flurbin count.</p>"),
        ],
    )
    html = body_html(client, section)
    assert "About the flurbin count</h2>" in html
    assert '<a href="https://example.org/">the flurbin count</a>' in html
    assert term_links(html) == [("/en/glossary/flurbin-count/", "flurbin count")]


def test_a_term_marked_by_an_editor_is_not_linked_again(client, english_home, flurbin):
    """The "Glossary term" entity stores the term id; it renders as a term link in the reader's language."""
    section = make_section(
        english_home,
        [
            paragraph(
                f'<p>First the flurbin count, then <a linktype="glossary" id="{flurbin.pk}">this test</a>.</p>'
            )
        ],
    )
    assert term_links(body_html(client, section)) == [("/en/glossary/flurbin-count/", "this test")]


def test_spanish_page_links_spanish_terms_accents_ignored(client, spanish_home, flurbin):
    section = make_section(
        spanish_home,
        [paragraph("<p>El flurbin count no es español. El RECUENTO DE FLURBINAS y el RFB sí.</p>")],
    )
    assert term_links(body_html(client, section)) == [
        ("/es/glosario/recuento-de-flurbinas/", "RECUENTO DE FLURBINAS")
    ]


def test_emr_links_the_mrd_concept_on_a_spanish_page(client, spanish_home):
    mrd = GlossaryTerm.objects.get(slug="minimal-residual-disease")
    assert "EMR" in mrd.abbreviations_es.split()
    section = make_section(spanish_home, [paragraph("<p>Su hijo tendrá una prueba de EMR.</p>")])
    assert term_links(body_html(client, section)) == [(f"/es/glosario/{mrd.slug_es}/", "EMR")]


def test_editors_can_switch_automatic_linking_off(client, english_home, flurbin):
    section = make_section(english_home, [paragraph("<p>The flurbin count.</p>")], link_glossary_terms=False)
    assert term_links(body_html(client, section)) == []


def test_a_draft_term_is_not_linked_until_published(client, english_home, flurbin):
    flurbin.live = False
    flurbin.save()
    section = make_section(english_home, [paragraph("<p>The flurbin count.</p>")])
    assert term_links(body_html(client, section)) == []

    flurbin.save_revision().publish()
    assert len(term_links(body_html(Client(), section))) == 1


def test_a_term_in_a_definition_with_script_or_onclick_renders_inert(client, english_home):
    GlossaryTermFactory(
        slug="zarp",
        name_en="zarp",
        definition_en='<p onclick="steal()">A zarp.<script>alert(1)</script><img src=x onerror=alert(2)>'
        '<a href="javascript:alert(3)">x</a></p>',
    )
    section = make_section(english_home, [paragraph("<p>A zarp here.</p>")])
    assert term_links(body_html(client, section)) == [("/en/glossary/zarp/", "zarp")]
    for url in ("/en/glossary/zarp/", "/api/glossary/zarp/?lang=en"):
        body = client.get(url).content.decode()
        for dangerous in ("<script>", "alert(", "onclick", "onerror", "javascript:"):
            assert dangerous not in body, (url, dangerous)
        assert "A zarp." in body


def test_whole_guide_links_each_term_once_per_section(client, english_home, flurbin):
    first = make_section(english_home, [paragraph("<p>The flurbin count and the flurbin count.</p>")])
    guide = first.get_parent().specific
    make_section_under(guide, [paragraph("<p>Again the flurbin count.</p>")])
    html = client.get(guide.whole_guide_url()).content.decode()
    assert [href for href, _text in term_links(html)] == ["/en/glossary/flurbin-count/"] * 2


def make_section_under(guide, blocks):
    return GuideSectionPageFactory(parent=guide, locale=guide.locale, body=blocks)


def test_glossary_entity_round_trips_through_the_editor(flurbin):
    """Draftail's contentstate keeps the term id, and the database HTML stores the id, not the text."""
    converter = ContentstateConverter(features=["glossary"])
    html = f'<p>See <a linktype="glossary" id="{flurbin.pk}">flurbins</a>.</p>'
    contentstate = converter.from_database_format(html)
    assert '"type": "GLOSSARY"' in contentstate and f'"id": {flurbin.pk}' in contentstate
    assert f'<a linktype="glossary" id="{flurbin.pk}">flurbins</a>' in converter.to_database_format(
        contentstate
    )


def test_guide_sections_record_the_terms_they_use(flurbin):
    page = Page.objects.get(url_path__endswith="/prognosis-and-mrd/").specific
    mrd = GlossaryTerm.objects.get(slug="minimal-residual-disease")
    assert page.glossary_occurrences.filter(term=mrd).exists()


def test_publishing_a_section_again_records_the_terms_it_uses_now(english_home, flurbin):
    """A term the new text drops goes, a term it adds comes; a term it keeps keeps its row."""
    mrd = GlossaryTerm.objects.get(slug="minimal-residual-disease")

    def publish(html):
        section.body = [paragraph(html)]
        section.save_revision().publish()
        return dict(section.glossary_occurrences.values_list("term_id", "pk"))

    section = make_section(english_home, [])
    assert publish("<p>The flurbin count.</p>").keys() == {flurbin.pk}
    both = publish("<p>The flurbin count and minimal residual disease.</p>")
    assert both.keys() == {flurbin.pk, mrd.pk}
    assert publish("<p>Minimal residual disease only.</p>") == {mrd.pk: both[mrd.pk]}
    assert publish("<p>The flurbin count and minimal residual disease.</p>").keys() == {flurbin.pk, mrd.pk}
    assert publish("<p>Nothing to link.</p>") == {}


def test_the_disclosure_script_is_deferred_and_nothing_runs_inline(client, english_home, flurbin):
    section = make_section(english_home, [paragraph("<p>The flurbin count.</p>")])
    html = client.get(section.url).content.decode()
    tags = re.findall(r"<script\b[^>]*>", html)
    scripts = [tag for tag in tags if 'type="application/ld+json"' not in tag]  # JSON-LD is data, never run
    assert all(re.search(r' src="/static/[a-z]+/[a-z]+\.js" defer\b', tag) for tag in scripts)
    assert len([tag for tag in scripts if 'src="/static/js/glossary.js"' in tag]) == 1
    assert not re.search(r"<script\b(?![^>]*application/ld\+json)[^>]*>\s*[^<\s]", html), "no inline script"
    assert not re.search(r"<[^>]+\son[a-z]+=", html), "no inline event handlers"
    assert client.get("/static/js/glossary.js").status_code == 200
