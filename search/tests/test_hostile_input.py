"""Whatever a reader or an editor types, search answers 200 and nothing they typed becomes markup."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import published_section, results, search

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        "\x00",
        "médula\x00ósea",
        "\ud800",
        "\udfff lonely",
        "🩸🧬 sangre",
        "' OR 1=1 --",
        "'; DROP TABLE site_search_searchentry; --",
        '"unclosed',
        "-",
        "- - -",
        "or",
        "the",
        "!&|:*()<->",
        "\\",
        "%",
        "_",
        "\ue000marked\ue001",
        "a" * 5000,
        "ﬁ ß İ ǅ",
        "\u202e\u200b\ufeff",
    ],
)
@pytest.mark.parametrize("language", ["en", "es"])
def test_odd_queries_are_answered(client, language, query):
    response = search(client, language, query)
    assert response.status_code == 200


def test_a_long_query_is_cut_and_the_reader_is_told(client):
    response = search(client, "es", "médula " * 60)
    html = response.content.decode()
    assert response.status_code == 200
    assert "solo se usaron sus primeros 200 caracteres" in html
    value = html.split('name="q" value="', 1)[1].split('"', 1)[0]
    assert len(value) <= 200


def test_markup_in_a_query_comes_back_escaped(client):
    html = search(client, "en", "<script>alert(1)</script>").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markup_in_content_comes_back_escaped_around_the_highlights(client, english_home):
    published_section(
        english_home,
        "The &lt;script&gt;alert('quorbxss')&lt;/script&gt; and &lt;mark&gt;fake&lt;/mark&gt; quorbxss text.",
        title="<script>alert('title')</script> quorbxss",
    )
    response = search(client, "en", "quorbxss")
    html = response.content.decode()
    assert "<script>alert(" not in html
    assert "<mark>fake</mark>" not in html
    [(_url, title, snippet)] = results(response)
    assert title == "<script>alert('title')</script> quorbxss"
    assert "<mark>quorbxss</mark>" in snippet
    # The only markup is the highlights (PostgreSQL's snippets leave tag-like text out; SQLite's escape it).
    assert "<" not in snippet.replace("<mark>", "").replace("</mark>", "")
    assert "fake" in snippet


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(), page=st.one_of(st.none(), st.text(max_size=5)))
def test_any_query_is_answered_in_both_languages(client, query, page):
    for language in ("en", "es"):
        params = (
            {} if page is None else {"page": page.encode("utf-8", "surrogatepass").decode("utf-8", "replace")}
        )
        assert search(client, language, query, **params).status_code == 200
