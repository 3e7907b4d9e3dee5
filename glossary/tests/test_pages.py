"""The A–Z glossary and the term pages in both languages, as families browse and search them."""

import re
import unicodedata

import pytest
import wagtail_factories
from django.utils.text import slugify

from glossary.factories import GlossaryTermFactory
from glossary.models import GlossaryTerm, GlossaryTermRelation
from glossary.views import PAGE_SIZE
from translations.catalogue import read_po
from translations.tests.test_language_routing import switcher_links
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


def letter_links(html):
    """{letter: URL} of the letter navigation; letters without terms are shown but not links."""
    nav = re.search(r'<nav class="glossary-letters".*?</nav>', html, re.S).group(0)
    return {letter: url for url, letter in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)}


def current_letter(html):
    nav = re.search(r'<nav class="glossary-letters".*?</nav>', html, re.S).group(0)
    return re.findall(r'aria-current="page">([^<]+)</a>', nav)


def test_a_to_z_pages_in_each_language(client, medula):
    english = client.get("/en/glossary/").content.decode()
    # The front page shows the first letter's terms; every other letter with terms has its own page.
    assert names_listed(english) and all(name.lower().startswith("a") for name in names_listed(english))
    assert current_letter(english) == ["A"]
    assert (
        letter_links(english)["A"] == "/en/glossary/"
        and letter_links(english)["Q"] == "/en/glossary/letter/q/"
    )
    letter_q = client.get("/en/glossary/letter/q/").content.decode()
    assert names_listed(letter_q) == ["quorb cell", "quorb marrow"]  # dictionary order
    assert current_letter(letter_q) == ["Q"] and "<title>Glossary: Q |" in letter_q
    spanish = client.get("/es/glosario/letra/m/").content.decode()
    assert "médula quórbica" in names_listed(spanish) and "Términos que empiezan por M" in spanish
    # Spanish has Ñ, shown without a link while no term starts with it.
    assert "Ñ" not in letter_links(spanish) and '<span aria-hidden="true">Ñ</span>' in spanish
    # Each language at its own address only.
    assert client.get("/en/glosario/").status_code == 404
    assert client.get("/es/glossary/").status_code == 404
    assert client.get("/en/glossary/letra/q/").status_code == 404


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_live_term_is_on_exactly_one_letter_page_under_its_first_letter(client, medula, language):
    front = client.get(f"/{language}/glossary/" if language == "en" else "/es/glosario/").content.decode()
    listed = []
    for letter, url in letter_links(front).items():
        names = names_listed(client.get(url).content.decode())
        assert names, f"{url} is linked but lists no terms"
        for name in names:
            first = unicodedata.normalize("NFD", name)[0].upper() if letter != "Ñ" else name[0].upper()
            assert first == letter or (letter == "#" and not first.isalpha()), (url, name)
        listed += names
    expected = [
        name.strip()
        for name in GlossaryTerm.objects.filter(live=True).values_list(f"name_{language}", flat=True)
        if name and name.strip()
    ]
    assert sorted(listed) == sorted(expected)


@pytest.fixture
def zorps():
    """Sixty terms under Z, more than a page holds."""
    return [
        GlossaryTermFactory(slug=f"zorp-{n:02}", name_en=f"zorp {n:02}", name_es=f"zorpo {n:02}")
        for n in range(60)
    ]


def z_names():
    return sorted(
        name
        for name in GlossaryTerm.objects.filter(live=True).values_list("name_en", flat=True)
        if name[0] in "zZ"
    )


def test_a_long_letter_is_split_into_pages_of_fifty(client, zorps):
    first = client.get("/en/glossary/letter/z/").content.decode()
    assert len(names_listed(first)) == PAGE_SIZE
    total_pages = -(-len(z_names()) // PAGE_SIZE)
    assert f"Page 1 of {total_pages}" in first
    assert '<a class="pager-next" rel="next" href="?page=2">More terms</a>' in first
    assert 'rel="canonical" href="http://testserver/en/glossary/letter/z/"' in first
    second = client.get("/en/glossary/letter/z/?page=2")
    html = second.content.decode()
    assert names_listed(first) + names_listed(html) == z_names()[: 2 * PAGE_SIZE]
    assert '<a class="pager-previous" rel="prev" href="/en/glossary/letter/z/">Previous terms</a>' in html
    assert f"<title>Glossary: Z (Page 2 of {total_pages}) |" in html
    # A later page is a page of its own for search engines, not a copy of the first.
    assert 'rel="canonical" href="http://testserver/en/glossary/letter/z/?page=2"' in html
    for bad in ("?page=0", f"?page={total_pages + 1}", "?page=x", "?page=1.5"):
        assert client.get("/en/glossary/letter/z/" + bad).status_code == 404, bad


def test_glossary_search_results_come_a_page_at_a_time(client, zorps):
    response = client.get("/es/glosario/", {"q": "zorpo", "match": "starts"})
    html = response.content.decode()
    assert "Se encontraron 60 términos para «zorpo»" in html
    assert len(names_listed(html)) == PAGE_SIZE
    assert 'href="?q=zorpo&amp;match=starts&amp;page=2"' in html
    assert response["X-Robots-Tag"] == "noindex"
    second = client.get("/es/glosario/", {"q": "zorpo", "match": "starts", "page": 2}).content.decode()
    assert 'rel="prev" href="?q=zorpo&amp;match=starts"' in second
    assert names_listed(second) == sorted(term.name_es for term in zorps)[PAGE_SIZE:]


def test_letter_addresses_that_are_not_a_letter_page(client, medula):
    # The first letter's own address is the front page.
    response = client.get("/en/glossary/letter/a/?page=1")
    assert response.status_code == 302 and response["Location"] == "/en/glossary/?page=1"
    for url in (
        "/en/glossary/letter/ab/",
        "/en/glossary/letter/B/",  # letters are lower case in addresses
        "/en/glossary/letter/x/",  # no term starts with X
        "/en/glossary/letter/ñ/",  # not an English letter page
        "/es/glosario/letra/w/",
    ):
        assert client.get(url).status_code == 404, url


def test_spanish_enye_and_names_starting_with_a_digit_have_their_own_pages(client):
    GlossaryTermFactory(slug="name", name_en="yam root", name_es="ñame quórbico")
    GlossaryTermFactory(slug="five-q", name_en="5q deletion", name_es="deleción 5q")
    spanish = client.get("/es/glosario/").content.decode()
    assert letter_links(spanish)["Ñ"] == "/es/glosario/letra/%C3%B1/"
    assert names_listed(client.get("/es/glosario/letra/ñ/").content.decode()) == ["ñame quórbico"]
    english = client.get("/en/glossary/").content.decode()
    assert list(letter_links(english))[-1] == "#"
    assert "5q deletion" in names_listed(client.get(letter_links(english)["#"]).content.decode())


def test_the_language_switch_keeps_the_letter_where_the_other_language_has_it(client):
    assert switcher_links(client.get("/en/glossary/letter/b/").content.decode()) == {
        "es": "/es/glosario/letra/b/"
    }
    # No Spanish term starts with W, and no English one with Q: the switch leads to the front page.
    assert switcher_links(client.get("/en/glossary/letter/w/").content.decode()) == {"es": "/es/glosario/"}
    assert switcher_links(client.get("/es/glosario/letra/q/").content.decode()) == {"en": "/en/glossary/"}


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

    html = client.get("/es/glosario/medula-quorbica/").content.decode()

    assert "<h1>médula quórbica</h1>" in html
    assert "ME-du-la KWOR-bi-ka" in html and "MQ, tuétano quórbico" in html
    assert "<p>El <b>quorb</b> blando de los huesos.</p>" in html
    english = re.search(r'<section class="glossary-translation" lang="en".*?</section>', html, re.S).group(0)
    assert "quorb marrow" in english and "<p>The <b>soft</b> quorb inside bones.</p>" in english
    assert "En inglés:</span> quorb marrow" in english
    assert '<a href="/es/glosario/celula-quorbica/">célula quórbica</a>' in html
    assert f'<a href="{section.url}">{section.title}</a>' in html
    assert "quorb marrow" in client.get("/en/glossary/quorb-marrow/").content.decode()


def test_spanish_term_pages_have_spanish_addresses_and_the_old_ones_redirect(client):
    """/es/glosario/minimal-residual-disease/ was the address: it moves, for good, to the Spanish slug."""
    mrd = GlossaryTerm.objects.get(slug="minimal-residual-disease")
    spanish = f"/es/glosario/{mrd.slug_es}/"
    assert mrd.slug_es == slugify(mrd.name_es)
    old = client.get("/es/glosario/minimal-residual-disease/")
    assert (old.status_code, old["Location"]) == (301, spanish)
    html = client.get(spanish).content.decode()
    assert f"<h1>{mrd.name_es}</h1>" in html
    assert switcher_links(html) == {"en": "/en/glossary/minimal-residual-disease/"}
    assert f'hreflang="es" href="http://testserver{spanish}"' in html
    english = client.get("/en/glossary/minimal-residual-disease/").content.decode()
    assert switcher_links(english) == {"es": spanish}
    assert f'hreflang="es" href="http://testserver{spanish}"' in english
    assert client.get(f"/en/glossary/{mrd.slug_es}/").status_code == 404  # not an English address
    assert client.get("/es/glosario/no-such-term/").status_code == 404


def test_a_term_keeps_its_spanish_slug_when_its_spanish_name_changes(client, medula):
    assert medula.slug_es == "medula-quorbica"
    medula.name_es = "médula quórbica nueva"
    medula.save_revision().publish()
    medula.refresh_from_db()
    assert medula.slug_es == "medula-quorbica"
    assert "<h1>médula quórbica nueva</h1>" in client.get("/es/glosario/medula-quorbica/").content.decode()


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
    for url in (
        "/es/glosario/",
        "/es/glosario/letra/m/",
        "/es/glosario/?q=medula",
        "/es/glosario/medula-quorbica/",
    ):
        html = client.get(url).content.decode()
        # The English version of a term is content, in its own lang="en" section.
        html = re.sub(r'<section class="glossary-translation" lang="en".*?</section>', "", html, flags=re.S)
        text = visible_text(html)
        leftovers = [s for s in english_strings if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]
        assert leftovers == [], f"{url} shows English interface text: {leftovers}"


def test_pages_read_the_snapshot_not_the_database(client, django_assert_num_queries, spanish_home, medula):
    for _ in range(2):
        make_section(spanish_home, [paragraph("<p>La médula quórbica.</p>")]).save_revision().publish()
    for url in ("/es/glosario/", "/api/glossary/quorb-marrow/", "/es/glosario/medula-quorbica/"):
        client.get(url)  # warm: the snapshot and the site's root paths
    for url in (
        "/es/glosario/",
        "/es/glosario/letra/m/",
        "/es/glosario/?q=medula",
        "/api/glossary/?q=quorb",
        "/api/glossary/quorb-marrow/",
    ):
        with django_assert_num_queries(0):
            client.get(url)
    # The term page asks the occurrence index for its sections (view restrictions, sections, their guides)
    # and links them (the request's site), however many sections there are.
    with django_assert_num_queries(4):
        client.get("/es/glosario/medula-quorbica/")


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
    html = client.get("/es/glosario/dibujo-quorbico/").content.decode()
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
    html = client.get("/es/glosario/zumbido-flurbico/").content.decode()
    assert f'<a href="{section.url}">{section.title}</a>' in html
