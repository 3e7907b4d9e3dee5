"""Hostile input in the glossary: definitions with markup are shown as text; no query makes it fail."""

import json
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.models import GlossaryTerm
from glossary.tests.test_admin import ADD_URL, form_data

pytestmark = pytest.mark.django_db
# Any text a browser can put in a URL (lone surrogates cannot be encoded, so they are sent raw below).
QUERY_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=400)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def test_markup_in_a_definition_is_shown_as_text_on_every_page_and_in_json():
    editor = get_user_model().objects.create_superuser("term-editor", "t@example.org", "a-long-test-password")
    admin = Client()
    admin.force_login(editor)
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    data = form_data(
        slug="hostile-term",
        name_en=f"Hostile {payload}",
        name_es="Hostil",
        definition_en=payload,
        definition_es="x",
    )
    data["action-publish"] = "action-publish"
    response = admin.post(ADD_URL, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    term = GlossaryTerm.objects.get(slug="hostile-term")
    assert term.live

    reader = Client()
    for url in (reverse("glossary:term", args=["hostile-term"]), reverse("glossary:index") + "?q=Hostile"):
        html = reader.get("/en" + url if not url.startswith("/en") else url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
    api = reader.get("/api/glossary/hostile-term/?lang=en")
    assert api["Content-Type"].startswith("application/json")
    body = json.loads(api.content)
    english = body["translations"]["en"]
    assert "<script" not in english["definition_html"] and "onerror" not in english["definition_html"]
    # Names are data in JSON; glossary.js inserts them with textContent, never as markup.
    assert english["name"] == f"Hostile {payload}"


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%00",
        "q=%ED%A0%80",
        "q=%FF%FE",
        "lang=%00",
        "match=%00&q=a",
        "q=" + "a" * 10000,
        "q[]=x&q=y",
        "lang=es&q=%",
    ],
)
def test_malformed_query_strings_never_fail(client, query_string):
    for path in ("/api/glossary/", "/en/glossary/", "/es/glosario/"):
        response = client.get(path, QUERY_STRING=query_string)
        assert response.status_code in (200, 400), (path, query_string)


@FUZZ
@given(query=QUERY_TEXT, language=st.sampled_from(["en", "es", "both", "", "xx"]), match=st.text(max_size=10))
def test_the_glossary_api_answers_any_query_without_a_server_error(query, language, match):
    response = Client().get("/api/glossary/", {"q": query, "lang": language, "match": match})
    assert response.status_code in (200, 400)
    json.loads(response.content)


@FUZZ
@given(query=QUERY_TEXT, prefix=st.sampled_from(["/en/glossary/", "/es/glosario/"]))
def test_the_a_to_z_search_answers_any_query(query, prefix):
    response = Client().get(prefix, {"q": query})
    assert response.status_code == 200


@FUZZ
@given(slug=st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=80))
def test_any_term_address_is_a_term_or_a_404(slug):
    response = Client().get(f"/api/glossary/{slug}/", follow=True)
    assert response.status_code in (200, 400, 404)


@FUZZ
@given(
    letter=st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=20),
    prefix=st.sampled_from(["/en/glossary/letter/", "/es/glosario/letra/"]),
    page=st.text(max_size=8),
)
def test_any_letter_address_is_a_letter_page_a_redirect_or_a_404(letter, prefix, page):
    response = Client().get(f"{prefix}{quote(letter, safe='')}/", {"page": page})
    assert response.status_code in (200, 302, 400, 404)
