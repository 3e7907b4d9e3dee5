"""Error pages speak the reader's language, look like the site and offer a way back; the 500 page needs no
database."""

import re

import pytest
from django.test import RequestFactory
from django.urls import get_resolver

from pages.models import GuideSectionPage


def test_a_missing_page_answers_404_in_english(client, db):
    response = client.get("/en/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="en">' in html and "<h1>Page not found</h1>" in html
    assert 'href="/en/"' in html and 'href="/en/glossary/"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'href="/static/css/site.css"' in html and 'class="site-header"' in html


def test_a_missing_page_answers_404_in_spanish(client, db):
    response = client.get("/es/lla-infantil/no-existe/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="es">' in html and "<h1>Página no encontrada</h1>" in html
    assert 'href="/es/"' in html and 'href="/es/glosario/"' in html
    assert 'hreflang="en"' in html, "the language switcher leads to the English home page"


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/en/childhood-all/", "en", "Something went wrong on our side"),
        ("/es/lla-infantil/", "es", "Algo salió mal de nuestro lado"),
        ("/no-language/", "en", "Something went wrong on our side"),
    ],
)
def test_the_server_error_page_renders_without_the_database(path, language, heading):
    """No `db` fixture: pytest-django makes any query fail, as it would with the database down."""
    handler = get_resolver().resolve_error_handler(500)
    response = handler(RequestFactory().get(path))
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}">' in html and f"<h1>{heading}</h1>" in html
    assert f'href="/{language}/"' in html, "a way back to the start page"
    assert 'href="/static/css/site.css"' in html and 'class="site-footer"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert not re.search(r"<script\b", html)


def test_an_unexpected_error_on_a_spanish_page_gets_the_spanish_error_page(client, db, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("something broke while rendering")

    monkeypatch.setattr(GuideSectionPage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get("/es/lla-infantil/fases-del-tratamiento/")
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="es">' in html and "Algo salió mal de nuestro lado" in html
    assert "RuntimeError" not in html and "something broke" not in html
