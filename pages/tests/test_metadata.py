"""What search engines and link previews get: canonical URLs, descriptions, Open Graph, JSON-LD, the sitemap
with hreflang alternates, and robots.txt."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

from glossary.models import GlossaryTerm
from glossary.snapshot import current_glossary
from pages.factories import GuideSectionPageFactory
from pages.models import GuidePage, GuideSectionPage

pytestmark = pytest.mark.django_db
SECTION_EN = "/en/childhood-all/phases-of-treatment/"
SECTION_ES = "/es/lla-infantil/fases-del-tratamiento/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode().split("</head>", 1)[0]


def meta(html, attribute, name):
    found = re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    assert len(found) == 1, f"one {name} meta element"
    return found[0]


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def link_href(html, rel, **attributes):
    extra = "".join(f' {key}="{value}"' for key, value in attributes.items())
    return re.findall(rf'<link rel="{rel}"{extra} href="([^"]+)">', html)


def test_a_section_names_its_canonical_url_translations_and_preview(client):
    page = GuideSectionPage.objects.get(url_path__endswith="/childhood-all/phases-of-treatment/")
    html = head(client, SECTION_EN + "?untranslated=1")
    assert link_href(html, "canonical") == ["http://testserver" + SECTION_EN], "no query string"
    assert link_href(html, "alternate", hreflang="es") == ["http://testserver" + SECTION_ES]
    assert link_href(html, "alternate", hreflang="x-default") == ["http://testserver" + SECTION_EN]
    assert meta(html, "name", "description") == page.summary
    assert meta(html, "property", "og:description") == page.summary
    assert meta(html, "property", "og:title") == page.title
    assert meta(html, "property", "og:url") == "http://testserver" + SECTION_EN
    assert meta(html, "property", "og:type") == "article"
    assert meta(html, "property", "og:locale") == "en_US"
    assert meta(html, "property", "og:locale:alternate") == "es_US"


@pytest.mark.parametrize(
    ("url", "language", "condition"),
    [(SECTION_EN, "en", "Acute lymphoblastic leukemia"), (SECTION_ES, "es", "Leucemia linfoblástica aguda")],
)
def test_a_section_is_a_medical_web_page_reviewed_by_its_board(client, url, language, condition):
    page = next(section for section in GuideSectionPage.objects.live() if section.url == url)
    guide = GuidePage.objects.parent_of(page).select_related("board").get()
    data = json_ld(head(client, url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["url"] == "http://testserver" + url
    assert data["name"] == page.title
    assert data["inLanguage"] == language
    assert data["lastReviewed"] == page.last_reviewed.isoformat()
    assert data["dateModified"] == page.last_updated.isoformat()
    assert data["reviewedBy"] == {"@type": "Organization", "name": getattr(guide.board, f"name_{language}")}
    assert data["about"]["@type"] == "MedicalCondition"
    assert data["about"]["name"] == condition
    assert data["about"]["code"] == {"@type": "MedicalCode", "code": "C91.0", "codingSystem": "ICD-10"}


def test_the_whole_guide_and_the_home_page_describe_themselves(client):
    guide = GuidePage.objects.get(slug="lla-infantil")
    html = head(client, "/es/lla-infantil/guia-completa/")
    assert link_href(html, "canonical") == ["http://testserver/es/lla-infantil/guia-completa/"]
    assert link_href(html, "alternate", hreflang="en") == ["http://testserver/en/childhood-all/whole-guide/"]
    data = json_ld(html)
    assert data["@type"] == "MedicalWebPage" and data["description"] == guide.summary
    assert data["reviewedBy"]["name"] == guide.board.name_es

    data = json_ld(head(client, "/es/"))
    assert (
        data["@type"] == "WebSite" and data["inLanguage"] == "es" and data["url"] == "http://testserver/es/"
    )


def test_glossary_pages_are_a_defined_term_set_and_defined_terms(client):
    # Each A–Z page lists the terms it shows: the front page those under the first letter.
    entries = current_glossary().by_letter("es")["A"]
    index = json_ld(head(client, "/es/glosario/"))
    assert index["@type"] == "DefinedTermSet" and index["url"] == "http://testserver/es/glosario/"
    assert [term["name"] for term in index["hasDefinedTerm"]] == [entry.name for entry in entries]
    letter = json_ld(head(client, "/es/glosario/letra/m/"))
    assert [term["name"] for term in letter["hasDefinedTerm"]] == [
        e.name for e in current_glossary().by_letter("es")["M"]
    ]

    entry = current_glossary().by_slug["minimal-residual-disease"].entries["es"]
    html = head(client, entry.url)
    term = json_ld(html)
    assert term["@type"] == "DefinedTerm"
    assert (term["name"], term["description"], term["inLanguage"]) == (
        entry.name,
        entry.definition_text,
        "es",
    )
    assert term["url"] == "http://testserver" + entry.url
    assert term["inDefinedTermSet"]["url"] == "http://testserver/es/glosario/"
    assert link_href(html, "canonical") == ["http://testserver" + entry.url]
    assert meta(html, "name", "description") == entry.definition_text


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_the_sitemap_lists_every_live_page_with_its_translations(client, english_home):
    draft = GuideSectionPageFactory(parent=GuidePage.objects.get(slug="childhood-all"), live=False)
    urls = sitemap(client)
    live_pages = Page.objects.live().filter(depth__gt=1)
    expected = {"http://testserver" + page.url for page in live_pages}
    expected |= {"http://testserver" + guide.whole_guide_url() for guide in GuidePage.objects.live()}
    assert expected <= set(urls)
    assert "http://testserver" + draft.url not in urls

    section = urls["http://testserver" + SECTION_ES]
    assert section == {"en": "http://testserver" + SECTION_EN, "es": "http://testserver" + SECTION_ES}
    assert urls["http://testserver/en/childhood-all/whole-guide/"]["es"] == (
        "http://testserver/es/lla-infantil/guia-completa/"
    )
    for url, alternates in urls.items():
        assert url in alternates.values() or not alternates, f"{url} is among its own alternates"


def test_the_sitemap_lists_the_glossary_in_both_languages(client):
    urls = sitemap(client)
    for term in current_glossary().terms.values():
        for language, entry in term.entries.items():
            alternates = urls["http://testserver" + entry.url]
            assert alternates[language] == "http://testserver" + entry.url
            assert set(alternates) == set(term.entries)
    assert urls["http://testserver/es/glosario/"]["en"] == "http://testserver/en/glossary/"
    mrd = GlossaryTerm.objects.get(slug="minimal-residual-disease")
    assert urls["http://testserver/en/glossary/minimal-residual-disease/"]["es"] == (
        f"http://testserver/es/glosario/{mrd.slug_es}/"  # Spanish pages have Spanish slugs
    )
    # Each letter's page, in the languages with terms under that letter; the first letter is the front page.
    assert urls["http://testserver/es/glosario/letra/b/"] == {
        "en": "http://testserver/en/glossary/letter/b/",
        "es": "http://testserver/es/glosario/letra/b/",
    }
    assert urls["http://testserver/es/glosario/letra/q/"] == {
        "es": "http://testserver/es/glosario/letra/q/"
    }  # no English Q
    assert not [url for url in urls if "/letter/a/" in url or "/letra/a/" in url]


def test_every_sitemap_address_answers(client):
    for url in sitemap(client):
        assert client.get(url.removeprefix("http://testserver")).status_code == 200, url


def test_robots_txt_allows_the_site_keeps_out_of_the_admin_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert {
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "Sitemap: http://testserver/sitemap.xml",
    } <= set(lines)


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/es/", "Guía de la LLA para familias"),
        ("/en/", "ALL Family Guide"),
        (SECTION_ES, "Las fases del tratamiento de la LLA | Guía de la LLA para familias"),
        ("/en/glossary/", "Glossary | ALL Family Guide"),
    ],
)
def test_page_titles_name_the_site_once(client, url, title):
    assert re.findall(r"<title>(.*?)</title>", head(client, url)) == [title]


@pytest.mark.parametrize("url", ["/es/", SECTION_EN, "/es/glosario/", "/en/search/?q=mrd"])
def test_every_page_names_its_icon_and_the_icon_is_served(client, url):
    html = head(client, url)
    [icon] = re.findall(r'<link rel="icon" type="image/svg\+xml" href="([^"]+)">', html)
    [touch] = link_href(html, "apple-touch-icon")
    assert client.get(icon).status_code == 200 and client.get(touch).status_code == 200


def test_favicon_ico_is_there_for_what_has_no_icon_link(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    icon = client.get(response["Location"])
    assert icon.status_code == 200 and b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"
    assert client.head("/favicon.ico").status_code == 302
