"""Families search the guides and the glossary in their own language: stemming, accents, abbreviations."""

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glossary.models import GlossaryTerm

from .helpers import on_postgres, published_section, result_urls, results, search

pytestmark = pytest.mark.django_db
# Stemming needs PostgreSQL full-text search; SQLite only matches word starts.
postgres_only = pytest.mark.postgresql


def test_intratecal_finds_spanish_pages_and_the_term(client):
    urls = result_urls(client, "es", "intratecal")
    assert "/es/glosario/quimioterapia-intratecal/" in urls
    assert "/es/lla-infantil/fases-del-tratamiento/" in urls
    assert all(url.startswith("/es/") for url in urls)


@pytest.mark.parametrize(("language", "query"), [("en", "imatinib"), ("es", "imatinib")])
def test_results_come_only_in_the_language_of_the_url(client, language, query):
    """A drug's name is the same in both languages: each search page still shows only its own language."""
    urls = result_urls(client, language, query)
    assert len(urls) >= 2
    assert all(url.startswith(f"/{language}/") for url in urls), urls


def test_an_english_query_on_the_spanish_site_finds_no_english_pages(client):
    urls = result_urls(client, "es", "phases of treatment")
    assert not any(url.startswith("/en/") for url in urls)
    assert "/en/childhood-all/phases-of-treatment/" in result_urls(client, "en", "phases of treatment")


def test_medula_finds_medula_with_its_accent_and_the_reverse(client, spanish_home):
    without_accent = result_urls(client, "es", "medula")
    with_accent = result_urls(client, "es", "MÉDULA")
    assert "/es/glosario/medula-osea/" in without_accent
    assert without_accent == with_accent

    section = published_section(spanish_home, "Un análisis quorbano de la sangre.")
    assert section.url in result_urls(client, "es", "quórbano")
    assert section.url in result_urls(client, "es", "QUORBANO")


def test_enye_and_accents_are_ignored_both_ways(client, spanish_home):
    section = published_section(spanish_home, "Los niñoquorbs y la quorbición.")
    assert section.url in result_urls(client, "es", "ninoquorbs")
    assert section.url in result_urls(client, "es", "quorbicion")


@pytest.mark.parametrize(
    ("language", "abbreviation", "concept"),
    [
        ("es", "LLA", "acute-lymphoblastic-leukemia"),
        ("es", "lla", "acute-lymphoblastic-leukemia"),
        ("en", "MRD", "minimal-residual-disease"),
        ("es", "EMR", "minimal-residual-disease"),
        ("es", "ERM", "minimal-residual-disease"),
    ],
)
def test_an_abbreviation_finds_its_term_first_and_the_pages_about_it(client, language, abbreviation, concept):
    term = GlossaryTerm.objects.get(slug=concept)
    glossary = "glossary" if language == "en" else "glosario"
    term_url, name = f"/{language}/{glossary}/{term.slug_in(language)}/", getattr(term, f"name_{language}")
    response = search(client, language, abbreviation)
    found = results(response)
    assert found[0][0] == term_url
    assert len(found) >= 5, "sections using the abbreviation or the full name"
    assert name in response.content.decode(), "the page says which term the search also covered"


def test_an_abbreviation_finds_pages_that_only_use_the_full_name(client, spanish_home):
    section = published_section(spanish_home, "La leucemia linfoblástica aguda y el quorbizaje.")
    assert section.url in result_urls(client, "es", "LLA")
    assert section.url not in result_urls(client, "es", "XYZ")


def test_another_name_of_a_term_finds_it_and_pages_using_its_name(client, english_home):
    section = published_section(english_home, "Acute lymphoblastic leukemia and the quorbing.")
    urls = result_urls(client, "en", "acute lymphocytic leukemia")
    assert "/en/glossary/acute-lymphoblastic-leukemia/" in urls
    assert section.url in urls


@postgres_only
def test_english_stemming(client, english_home):
    section = published_section(english_home, "Doctors explain the quorbification of each cell.")
    assert section.url in result_urls(client, "en", "quorbifications")
    treatment = result_urls(client, "en", "treatments")
    assert "/en/childhood-all/phases-of-treatment/" in treatment


@postgres_only
def test_spanish_stemming(client, spanish_home):
    section = published_section(spanish_home, "Los médicos explican los quorbamientos de cada célula.")
    assert section.url in result_urls(client, "es", "quorbamiento")
    assert "/es/lla-infantil/fases-del-tratamiento/" in result_urls(client, "es", "tratamientos")


@pytest.mark.skipif(
    on_postgres(), reason="the SQLite fallback's own promise: a word finds longer words it starts"
)
def test_without_full_text_search_a_word_finds_words_it_starts(client, english_home):
    section = published_section(english_home, "Doctors explain the quorbifications.")
    assert section.url in result_urls(client, "en", "quorbification")
    assert section.url not in result_urls(client, "en", "uorbification")


def test_each_result_says_what_it_is_and_which_guide_it_belongs_to(client):
    response = search(client, "en", "maintenance")
    html = response.content.decode()
    section = re.search(
        r'<li class="card search-result">\s*<h3><a href="/en/childhood-all/phases-of-treatment/">.*?</li>',
        html,
        re.S,
    )
    assert section, "the section is among the results"
    assert "Guide section" in section.group(0)
    assert '<a href="/en/childhood-all/">Childhood Acute Lymphoblastic Leukemia (ALL)</a>' in section.group(0)
    term = re.search(
        r'<li class="card search-result">\s*<h3><a href="/en/glossary/maintenance/">.*?</li>', html, re.S
    )
    assert "Glossary term" in term.group(0)


def test_snippets_highlight_the_words_found(client):
    snippets = [snippet for _url, _title, snippet in results(search(client, "es", "remisión"))]
    assert any(re.search(r"<mark>remisi[óo]n</mark>", snippet, re.I) for snippet in snippets), snippets


def test_spanish_result_labels_and_counts_are_in_spanish(client):
    html = search(client, "es", "intratecal").content.decode()
    assert "Término del glosario" in html
    assert "Sección de la guía" in html
    assert re.search(r"\d+ resultados para «intratecal»", html)


def test_no_query_shows_a_friendly_prompt(client):
    for language, text in [("en", "Type a word or two"), ("es", "Escriba una o dos palabras")]:
        response = search(client, language, "")
        assert response.status_code == 200
        assert text in response.content.decode()
        assert results(response) == []


def test_nothing_found_suggests_spelling_and_the_glossary(client):
    html = search(client, "es", "zquorbxx").content.decode()
    assert "No hay resultados para «zquorbxx»" in html
    assert "revisar cómo la escribió" in html
    assert '<a href="/es/glosario/">consultar el glosario de la A a la Z.</a>' in html


def test_result_pages_are_not_indexed_by_search_engines(client):
    response = search(client, "en", "treatment")
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_the_language_switcher_keeps_the_query(client):
    english = search(client, "en", "bone marrow").content.decode()
    assert 'href="/es/buscar/?q=bone+marrow"' in english
    spanish = search(client, "es", "médula ósea").content.decode()
    assert 'href="/en/search/?q=m%C3%A9dula+%C3%B3sea"' in spanish


def test_results_come_ten_to_a_page(client):
    first = results(search(client, "en", "treatment"))
    second = results(search(client, "en", "treatment", page=2))
    assert len(first) == 10
    assert second and not {url for url, *_ in first} & {url for url, *_ in second}
    html = search(client, "en", "treatment").content.decode()
    assert 'href="?q=treatment&amp;page=2"' in html


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1e9", "2.5", "", "\x00", "９"])
def test_bad_page_numbers_show_the_first_or_last_page(client, page):
    response = search(client, "en", "treatment", page=page)
    assert response.status_code == 200
    assert len(results(response)) >= 1


def test_a_search_is_a_few_queries_whatever_the_number_of_results(client):
    search(client, "en", "treatment")  # warm: the glossary snapshot and site root paths
    counts = []
    for query in ["treatment", "imatinib", "zquorbxx", "MRD"]:
        with CaptureQueriesContext(connection) as queries:
            assert search(client, "en", query).status_code == 200
        counts.append(len(queries))
    # The ranked ids, the count when there are many, one page of rows, and the guides for the filter (the last
    # kept for the content generation in production; the test settings keep nothing).
    assert max(counts) <= 4, counts


@postgres_only
@pytest.mark.parametrize(("language", "query"), [("en", "bone marrow"), ("es", "médula ósea")])
def test_after_a_rebuild_a_search_reads_only_its_own_language_text_index(client, language, query):
    """Each language has its own text index, so finding the matches never reads the other language's
    matches nor every row of the language: a search costs what its matches cost, whatever the index holds.
    The rebuild leaves PostgreSQL ready to use it at once (fresh statistics, no pending index entries)."""
    call_command("rebuild_search_index", verbosity=0)
    with CaptureQueriesContext(connection) as queries:
        assert search(client, language, query).status_code == 200
    matching = [captured["sql"] for captured in queries if "@@" in captured["sql"]]
    assert matching, "the ranked ids (and the count, with many matches)"
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # the test database is small enough to read whole
        for sql in matching:
            cursor.execute(f"EXPLAIN {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert f"site_search_vector_{language}" in plan, plan
            assert "site_search_vector_gin" not in plan and "site_search_languag" not in plan, plan


def test_a_repeated_search_makes_no_query_and_a_new_page_one_however_many_rows_match(client, render_cache):
    first = results(search(client, "en", "treatment"))
    with CaptureQueriesContext(connection) as queries:
        again = results(search(client, "en", "treatment"))
        second_page = results(search(client, "en", "treatment", page=2))
    assert again == first
    assert second_page and not {url for url, *_ in first} & {url for url, *_ in second_page}
    assert len(queries) == 1, "none for the page shown before (kept as rendered), one for the new page's rows"


def test_results_past_the_kept_ranking_come_in_the_same_order(client, render_cache, monkeypatch):
    """Only the first RANKED ids of a search are kept; the pages after them read the database, in order."""
    everything = result_urls(client, "en", "treatment")
    assert len(everything) > 10
    monkeypatch.setattr("search.query.RANKED", 4)
    cache.clear()  # a new content generation: nothing kept from the searches above
    assert result_urls(client, "en", "treatment") == everything
    html = search(client, "en", "treatment", page=2).content.decode()
    assert f"{len(everything)} results for “treatment”" in html
    assert result_urls(client, "en", "zquorbxx") == []
