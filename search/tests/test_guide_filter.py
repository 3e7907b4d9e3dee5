"""Results from one guide only (?guide=<slug>), and snippets that keep a heading apart from the next sentence."""

import re

import pytest

from glossary.tests.helpers import heading, make_section, paragraph

from .helpers import result_urls, results, search

pytestmark = pytest.mark.django_db
RESULT_GUIDE = re.compile(r'<li class="card search-result">.*?</li>', re.S)


def filter_links(html):
    """{label: (href, current?)} of the guide filter."""
    nav = re.search(r'<nav class="search-filter".*?</nav>', html, re.S).group(0)
    return {
        label: (href.replace("&amp;", "&"), bool(current))
        for href, current, label in re.findall(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', nav)
    }


@pytest.mark.parametrize(
    ("language", "query", "guide", "other"),
    [
        ("es", "tratamiento", "lla-infantil", "lla-en-adultos"),
        ("en", "treatment", "adult-all", "childhood-all"),
    ],
)
def test_results_can_be_kept_to_one_guide(client, language, query, guide, other):
    everything = result_urls(client, language, query)
    assert any(f"/{other}/" in url for url in everything) and any("/glos" in url for url in everything)

    urls = []
    for page in (1, 2):
        urls += [
            url for url, _title, _snippet in results(search(client, language, query, guide=guide, page=page))
        ]
    assert urls and all(url.startswith(f"/{language}/{guide}/") for url in urls), urls
    assert len(set(urls)) == len(urls)
    assert set(urls) == {url for url in everything if url.startswith(f"/{language}/{guide}/")}


def test_the_filter_offers_each_guide_and_says_which_is_chosen(client):
    html = search(client, "es", "tratamiento", guide="lla-infantil").content.decode()
    assert filter_links(html) == {
        "Todas las guías y el glosario": ("?q=tratamiento", False),
        "Leucemia linfoblástica aguda en adultos": ("?q=tratamiento&guide=lla-en-adultos", False),
        "Leucemia linfoblástica aguda infantil (LLA)": ("?q=tratamiento&guide=lla-infantil", True),
    }
    assert re.search(r"\d+ resultados para «tratamiento» en Leucemia linfoblástica aguda infantil", html)
    found = RESULT_GUIDE.findall(html)
    assert found and all(
        'href="/es/lla-infantil/"' in result for result in found
    )  # each is or names its guide
    unfiltered = search(client, "es", "tratamiento").content.decode()
    assert filter_links(unfiltered)["Todas las guías y el glosario"] == ("?q=tratamiento", True)


def test_paging_and_switching_language_keep_the_guide(client):
    html = search(client, "en", "treatment", guide="childhood-all").content.decode()
    assert 'href="?q=treatment&amp;guide=childhood-all&amp;page=2"' in html
    assert 'href="/es/buscar/?q=treatment&amp;guide=lla-infantil"' in html


def test_nothing_found_in_a_guide_offers_every_guide(client):
    html = search(client, "es", "zquorbxx", guide="lla-infantil").content.decode()
    assert "No encontramos esa palabra en Leucemia linfoblástica aguda infantil (LLA)." in html
    assert '<a href="?q=zquorbxx">buscar en todas las guías y en el glosario;</a>' in html


@pytest.mark.parametrize("guide", ["no-such-guide", "childhood-all"])  # the second is the English guide
def test_an_unknown_guide_is_not_found(client, guide):
    assert search(client, "es", "tratamiento", guide=guide).status_code == 404


def test_a_snippet_ends_a_heading_before_the_next_sentence(client, spanish_home):
    section = make_section(
        spanish_home,
        [
            heading("El quorbamiento se da por fases"),
            paragraph("<p>El tratamiento del quorbamiento dura.</p>"),
        ],
    )
    section.save_revision().publish()
    snippets = [
        snippet
        for url, _title, snippet in results(search(client, "es", "quorbamiento"))
        if url == section.url
    ]
    text = re.sub(r"</?mark>", "", snippets[0])
    assert "se da por fases. El tratamiento" in text, text
