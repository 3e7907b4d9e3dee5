"""The JSON API the disclosure uses and others embed: search, one term, and its errors."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.factories import GlossaryTermFactory
from glossary.models import GlossaryTerm
from glossary.text import fold, match_form, split_list

pytestmark = pytest.mark.django_db


@pytest.fixture
def term():
    return GlossaryTermFactory(
        slug="quorb-marrow",
        name_en="quorb marrow",
        abbreviations_en="QM",
        pronunciation_en="KWORB MAIR-oh",
        definition_en="<p>The <i>soft</i> quorb.</p><p>Inside bones.</p>",
        name_es="médula quórbica",
        abbreviations_es="MQ",
        definition_es="<p>El quorb blando.</p>",
    )


def test_search_in_spanish_ignores_accents(client, term):
    response = client.get("/api/glossary/", {"lang": "es", "q": "MEDULA QUOR"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["lang"] == "es" and data["count"] == 1
    assert data["results"] == [
        {
            "slug": "medula-quorbica",  # the Spanish page's, made from the Spanish name
            "name": "médula quórbica",
            "abbreviations": ["MQ"],
            "other_names": [],
            "url": "/es/glosario/medula-quorbica/",
            "api_url": "/api/glossary/medula-quorbica/?lang=es",
        }
    ]


def test_search_starts_with_and_by_abbreviation(client, term):
    starts = client.get("/api/glossary/", {"lang": "en", "q": "marrow", "match": "starts"}).json()
    assert "quorb-marrow" not in [result["slug"] for result in starts["results"]]
    by_abbreviation = client.get("/api/glossary/", {"lang": "en", "q": "qm", "match": "starts"}).json()
    assert [result["slug"] for result in by_abbreviation["results"]] == ["quorb-marrow"]


def test_one_term_in_one_language(client, term):
    data = client.get("/api/glossary/quorb-marrow/", {"lang": "en"}).json()
    assert list(data["translations"]) == ["en"]
    english = data["translations"]["en"]
    assert english["name"] == "quorb marrow"
    assert english["pronunciation"] == "KWORB MAIR-oh"
    assert english["definition_html"] == "<p>The <i>soft</i> quorb.</p><p>Inside bones.</p>"
    assert english["definition_text"] == "The soft quorb. Inside bones."
    assert english["url"] == "/en/glossary/quorb-marrow/"


def test_one_term_in_both_languages_by_default(client, term):
    data = client.get("/api/glossary/quorb-marrow/").json()
    assert data["translations"]["es"]["name"] == "médula quórbica"
    assert data["translations"]["en"]["name"] == "quorb marrow"


def test_a_term_is_found_by_its_spanish_slug_too(client, term):
    """Each Spanish entry's api_url names its Spanish slug; the term's own slug keeps working."""
    spanish = client.get("/api/glossary/medula-quorbica/", {"lang": "es"}).json()
    assert spanish["slug"] == "quorb-marrow"
    assert spanish["translations"]["es"]["url"] == "/es/glosario/medula-quorbica/"
    assert client.get("/api/glossary/quorb-marrow/", {"lang": "es"}).json() == spanish
    assert client.get("/api/glossary/medula-quorbica/").json()["translations"]["en"]["name"] == "quorb marrow"


def test_a_missing_translation_is_null(client):
    GlossaryTermFactory(slug="only-english", name_en="only english", name_es="", definition_es="")
    data = client.get("/api/glossary/only-english/?lang=both").json()
    assert data["translations"]["es"] is None


@pytest.mark.parametrize(
    "url",
    ["/api/glossary/?lang=fr", "/api/glossary/?lang=es&match=ends", "/api/glossary/quorb-marrow/?lang=de"],
)
def test_bad_parameters_are_400(client, term, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "must be one of" in response.json()["error"]


def test_unknown_slug_is_404(client):
    response = client.get("/api/glossary/no-such-term/")
    assert response.status_code == 404
    assert response.json() == {"error": "no glossary term 'no-such-term'"}


def test_draft_terms_are_not_served(client):
    GlossaryTermFactory(slug="drafty", name_en="drafty", live=False)
    assert client.get("/api/glossary/drafty/").status_code == 404
    assert client.get("/api/glossary/?q=drafty").json()["count"] == 0


def expected_slugs(language, query, match):
    """The search as its definition says, term by term from the database: names first, then other forms."""
    wanted = match_form(query).strip()

    def hit(text):
        form = match_form(text)
        return form.startswith(wanted) if match == "starts" else wanted in form

    on_name, on_other = [], []
    for term in GlossaryTerm.objects.filter(live=True):
        name = (getattr(term, f"name_{language}") or "").strip()
        if not name:
            continue
        others = split_list(getattr(term, f"other_names_{language}")) + split_list(
            getattr(term, f"abbreviations_{language}")
        )
        key = fold(name).replace("ñ", "n~")
        if hit(name):
            on_name.append((key, term.slug_in(language)))
        elif any(hit(other) for other in others):
            on_other.append((key, term.slug_in(language)))
    return [slug for _key, slug in sorted(on_name)] + [slug for _key, slug in sorted(on_other)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.text(alphabet="aeiouáéñcdlmnrst -", min_size=1, max_size=4),
    language=st.sampled_from(["en", "es"]),
    match=st.sampled_from(["contains", "starts"]),
)
def test_search_finds_exactly_the_terms_whose_forms_match(client, query, language, match):
    """Over the demo glossary (160 terms): the snapshot's joined-string search against a plain scan."""
    data = client.get("/api/glossary/", {"lang": language, "q": query, "match": match}).json()
    expected = expected_slugs(language, query, match)  # a query of only signs and spaces: every term
    assert data["count"] == len(expected)
    assert [result["slug"] for result in data["results"]] == expected[:100]
