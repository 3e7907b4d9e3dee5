"""The A–Z glossary and the term pages in both languages, as families browse and search them."""

import re

import pytest
import wagtail_factories

from glossary.factories import GlossaryTermFactory
from glossary.models import GlossaryTermRelation
from translations.catalogue import read_po
from translations.tests.test_spanish_pages import CATALOGUE, visible_text

from .helpers import make_section, paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def medula():
    term = GlossaryTermFactory(
        slug="quorb-marrow",
        name_en="quorb marrow",
        pronunciation_en="KWORB MAIR-oh",
        abbreviations_en="QM",
        definition_en="<p>The <b>soft</b> quorb inside bones.</p>",
        name_es="médula quórbica",
        pronunciation_es="ME-du-la KWOR-bi-ka",
        abbreviations_es="MQ",
        other_names_es="tuétano quórbico",
        definition_es="<p>El <b>quorb</b> blando de los huesos.</p>",
    )
    related = GlossaryTermFactory(slug="quorb-cell", name_en="quorb cell", name_es="célula quórbica")
    GlossaryTermRelation.objects.create(term=term, related=related, sort_order=0)
    return term


def names_listed(html):
    return re.findall(r"<dt><a href=\"[^\"]+\">([^<]+)</a>", html)


def test_a_to_z_pages_in_each_language(client, medula):
    english = client.get("/en/glossary/").content.decode()
    spanish = client.get("/es/glosario/").content.decode()
    assert "quorb marrow" in names_listed(english) and "médula quórbica" in names_listed(spanish)
    # Letter navigation: letters with terms link to their section; Spanish has Ñ.
    assert 'href="#letter-q"' in english and 'id="letter-q"' in english
    assert 'href="#letter-m"' in spanish and ">Ñ<" in spanish
    assert names_listed(english).index("quorb cell") < names_listed(english).index("quorb marrow")
    # Each language at its own address only.
    assert client.get("/en/glosario/").status_code == 404
    assert client.get("/es/glossary/").status_code == 404


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/es/glosario/?q=medula+quor", ["médula quórbica"]),  # accents ignored
        ("/es/glosario/?q=MÉDULA+QUÓRBICA&match=starts", ["médula quórbica"]),
        ("/es/glosario/?q=quorbica&match=starts", []),  # not at the start of a name
        ("/es/glosario/?q=quorbica&match=contains", ["célula quórbica", "médula quórbica"]),
        ("/es/glosario/?q=tuetano", ["médula quórbica"]),  # other names are searched too
        ("/en/glossary/?q=QM&match=starts", ["quorb marrow"]),  # and abbreviations
        ("/en/glossary/?q=quorb+m", ["quorb marrow"]),
    ],
)
def test_search_starts_with_or_contains_ignoring_accents(client, medula, url, expected):
    html = client.get(url).content.decode()
    assert names_listed(html) == expected


def test_search_results_say_how_many_were_found(client, medula):
    assert "1 term found for “quorb marrow”" in client.get("/en/glossary/?q=quorb+marrow").content.decode()
    html = client.get("/es/glosario/?q=quorbica").content.decode()
    assert "Se encontraron 2 términos para «quorbica»" in html


def test_term_page_shows_both_languages_related_terms_and_sections(client, spanish_home, medula):
    section = make_section(spanish_home, [paragraph("<p>La médula quórbica produce flurbinas.</p>")])
    section.save_revision().publish()  # publishing records the terms the section uses

    html = client.get("/es/glosario/quorb-marrow/").content.decode()

    assert "<h1>médula quórbica</h1>" in html
    assert "ME-du-la KWOR-bi-ka" in html and "MQ, tuétano quórbico" in html
    assert "<p>El <b>quorb</b> blando de los huesos.</p>" in html
    english = re.search(r'<section class="glossary-translation" lang="en".*?</section>', html, re.S).group(0)
    assert "quorb marrow" in english and "<p>The <b>soft</b> quorb inside bones.</p>" in english
    assert "En inglés:</span> quorb marrow" in english
    assert '<a href="/es/glosario/quorb-cell/">célula quórbica</a>' in html
    assert f'<a href="{section.url}">{section.title}</a>' in html
    assert "quorb marrow" in client.get("/en/glossary/quorb-marrow/").content.decode()


def test_term_page_lists_demo_guide_sections_that_use_it(client):
    html = client.get("/en/glossary/minimal-residual-disease/").content.decode()
    sections = re.search(r'<h2 id="sections-title">.*?</section>', html, re.S).group(0)
    assert 'href="/en/childhood-all/prognosis-and-mrd/"' in sections


def test_unknown_and_draft_terms_have_no_page(client, medula):
    assert client.get("/en/glossary/no-such-term/").status_code == 404
    medula.save_revision().publish()
    assert client.get("/en/glossary/quorb-marrow/").status_code == 200
    medula.unpublish()
    assert client.get("/en/glossary/quorb-marrow/").status_code == 404


def test_spanish_glossary_pages_show_no_english_interface_strings(client, medula):
    english_strings = [msgid for msgid, translations, _ in read_po(CATALOGUE) if msgid not in translations]
    for url in ("/es/glosario/", "/es/glosario/?q=medula", "/es/glosario/quorb-marrow/"):
        html = client.get(url).content.decode()
        # The English version of a term is content, in its own lang="en" section.
        html = re.sub(r'<section class="glossary-translation" lang="en".*?</section>', "", html, flags=re.S)
        text = visible_text(html)
        leftovers = [s for s in english_strings if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]
        assert leftovers == [], f"{url} shows English interface text: {leftovers}"


def test_pages_read_the_snapshot_not_the_database(client, django_assert_num_queries, spanish_home, medula):
    for _ in range(2):
        make_section(spanish_home, [paragraph("<p>La médula quórbica.</p>")]).save_revision().publish()
    for url in ("/es/glosario/", "/api/glossary/quorb-marrow/", "/es/glosario/quorb-marrow/"):
        client.get(url)  # warm: the snapshot and the site's root paths
    for url in (
        "/es/glosario/",
        "/es/glosario/?q=medula",
        "/api/glossary/?q=quorb",
        "/api/glossary/quorb-marrow/",
    ):
        with django_assert_num_queries(0):
            client.get(url)
    # The term page asks the occurrence index for its sections (view restrictions, sections, their guides)
    # and links them (the request's site), however many sections there are.
    with django_assert_num_queries(4):
        client.get("/es/glosario/quorb-marrow/")


def test_term_image_shows_with_its_alternative_text_in_the_readers_language(client):
    image = wagtail_factories.ImageFactory(title="Drawing")
    GlossaryTermFactory(
        slug="quorb-drawing",
        name_en="quorb drawing",
        name_es="dibujo quórbico",
        image=image,
        image_alt_text_en="A quorb seen from above",
        image_alt_text_es="Un quorb visto desde arriba",
    )
    html = client.get("/es/glosario/quorb-drawing/").content.decode()
    assert re.search(r'<img [^>]*alt="Un quorb visto desde arriba"', html)


def test_a_newly_published_term_lists_the_sections_already_using_it(
    client, spanish_home, django_capture_on_commit_callbacks
):
    section = make_section(spanish_home, [paragraph("<p>El zumbido flúrbico de siempre.</p>")])
    section.save_revision().publish()
    term = GlossaryTermFactory(
        slug="flurbic-buzz", name_en="flurbic buzz", name_es="zumbido flurbico", live=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        term.save_revision().publish()
    html = client.get("/es/glosario/flurbic-buzz/").content.decode()
    assert f'<a href="{section.url}">{section.title}</a>' in html
