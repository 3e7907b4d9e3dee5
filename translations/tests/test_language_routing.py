"""Language as families meet it: the / redirect, <html lang>, hreflang, the switcher and 404 pages."""

import re

import pytest

from glossary.models import GlossaryTerm
from pages.factories import GuidePageFactory, GuideSectionPageFactory
from pages.models import GuideSectionPage

pytestmark = pytest.mark.django_db


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict((lang, href) for href, lang in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav))


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("es-MX,es;q=0.9,en;q=0.5", "/es/"),
        ("en-US,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_by_browser_language(client, accept_language, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response.headers["Location"] == expected


@pytest.mark.parametrize(
    ("url", "lang"),
    [
        ("/en/", "en"),
        ("/es/", "es"),
        ("/en/childhood-all/", "en"),
        ("/es/lla-infantil/", "es"),
        ("/es/lla-infantil/que-es-la-lla/", "es"),
        ("/es/lla-en-adultos/guia-completa/", "es"),
        ("/en/no-such-page/", "en"),
        ("/es/no-existe/", "es"),
    ],
)
def test_html_lang_matches_the_page(client, url, lang):
    html = client.get(url).content.decode()
    assert f'<html lang="{lang}">' in html


def test_every_published_section_links_its_translation_both_ways(client):
    for english in GuideSectionPage.objects.live().filter(locale__language_code="en"):
        spanish = english.get_translation(english.locale.__class__.objects.get(language_code="es"))
        english_html = client.get(english.url).content.decode()
        spanish_html = client.get(spanish.url).content.decode()
        assert switcher_links(english_html) == {"es": spanish.url}
        assert switcher_links(spanish_html) == {"en": english.url}
        assert f'hreflang="es" href="http://testserver{spanish.url}"' in english_html
        assert f'hreflang="en" href="http://testserver{english.url}"' in spanish_html


def test_spanish_urls_use_spanish_slugs(client):
    response = client.get("/es/lla-infantil/fases-del-tratamiento/")
    assert response.status_code == 200
    assert client.get("/es/childhood-all/phases-of-treatment/").status_code == 404


def test_whole_guide_switches_to_the_whole_guide_in_the_other_language(client):
    html = client.get("/en/childhood-all/whole-guide/").content.decode()
    assert switcher_links(html) == {"es": "/es/lla-infantil/guia-completa/"}


def test_untranslated_page_switches_to_the_guide_home_with_a_notice(client, english_home):
    guide = GuidePageFactory(parent=english_home)
    section = GuideSectionPageFactory(parent=guide)
    html = client.get(section.url).content.decode()
    # Neither the section nor its guide exists in Spanish: the nearest Spanish page is the home page.
    assert switcher_links(html) == {"es": "/es/?untranslated=1"}
    assert 'hreflang="es" href="http' not in html

    landing = client.get("/es/?untranslated=1").content.decode()
    assert "todavía no está disponible en español" in landing
    assert "todavía no está disponible" not in client.get("/es/").content.decode()


def test_untranslated_section_of_a_translated_guide_goes_to_that_guide(client):
    guide = GuideSectionPage.objects.get(slug="what-is-all").get_parent()
    section = GuideSectionPageFactory(parent=guide, slug="english-only")
    html = client.get(section.url).content.decode()
    assert switcher_links(html) == {"es": "/es/lla-infantil/?untranslated=1"}


@pytest.mark.parametrize(
    ("url", "accept_language", "text"),
    [
        ("/en/childhood-all/no-such-section/", "", "Page not found"),
        ("/es/lla-infantil/no-existe/", "", "Página no encontrada"),
        ("/fr/childhood-all/", "es", "Página no encontrada"),
        ("/de/", "en", "Page not found"),
    ],
)
def test_unknown_pages_and_language_prefixes_get_a_404_in_the_readers_language(
    client, url, accept_language, text
):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get(url, follow=True, **headers)
    assert response.status_code == 404
    html = response.content.decode()
    assert f"<h1>{text}</h1>" in html
    assert 'class="site-footer"' in html


def test_glossary_pages_switch_to_the_same_glossary_page(client):
    spanish = f"/es/glosario/{GlossaryTerm.objects.get(slug='minimal-residual-disease').slug_es}/"
    html = client.get("/en/glossary/minimal-residual-disease/").content.decode()
    assert switcher_links(html) == {"es": spanish}
    assert f'hreflang="es" href="http://testserver{spanish}"' in html
    index = client.get("/es/glosario/").content.decode()
    assert switcher_links(index) == {"en": "/en/glossary/"}


def test_error_pages_announce_no_alternates(client):
    html = client.get("/en/no-such-page/").content.decode()
    assert switcher_links(html) == {"es": "/es/"}
    assert '<link rel="alternate"' not in html
