"""The offline views over HTTP: the worker, the manifests, the "not saved" and Saved guides pages, the hooks."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.test import Client
from PIL import Image

from glossary.models import TermOccurrence
from pages.models import GuidePage

pytestmark = pytest.mark.django_db


def guide(language):
    return GuidePage.objects.get(
        locale__language_code=language, slug={"en": "childhood-all", "es": "lla-infantil"}[language]
    )


def test_the_worker_is_served_at_the_root_never_kept_and_with_its_own_policy(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"]
    policy = {part.strip() for part in response["Content-Security-Policy"].split(";")}
    assert policy == {"default-src 'none'", "connect-src 'self'"}
    body = response.content.decode()
    assert body.startswith("self.OFFLINE_CONFIG = ")
    for never in ("/admin/", "/documents/", "/en/search/", "/es/buscar/"):
        assert f'"{never}"' in body
    assert '"en": "/en/offline/"' in body and '"es": "/es/sin-conexion/"' in body
    assert client.get("/sw.js", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_guides_manifest_lists_its_pages_with_revisions_dates_definitions_and_static_files(
    client, language
):
    page = guide(language)
    response = client.get(f"/api/offline/guides/{page.pk}/")
    assert response.status_code == 200
    data = response.json()
    sections = list(page.sections())
    assert data["language"] == language and data["title"] == page.title
    urls = [entry["url"] for entry in data["pages"]]
    assert urls == [page.url, page.whole_guide_url(), *[section.url for section in sections]]
    first = data["pages"][2]
    assert first["revision"] == sections[0].live_revision_id
    assert first["updated"] == (sections[0].last_updated.isoformat() if sections[0].last_updated else None)
    if sections[0].last_reviewed:
        assert first["reviewed_text"] in client.get(sections[0].url).content.decode()
    used = TermOccurrence.objects.filter(page__in=sections).values("term").distinct().count()
    assert used > 0 and len(data["definitions"]) == used
    assert all(
        url.startswith("/api/glossary/") and url.endswith(f"?lang={language}") for url in data["definitions"]
    )
    html = client.get(sections[0].url).content.decode()
    for api in re.findall(r'data-glossary-api="([^"]+)"', html):
        assert api.replace("&amp;", "&") in data["definitions"], "every pop-up a section opens is saved"
    for asset in re.findall(r'(?:href|src|data-script)="(/static/[^"]+\.(?:css|js))"', html):
        assert asset in data["static"], "every stylesheet and script a page uses is saved"
    assert data["fallbacks"] == {"en": "/en/offline/", "es": "/es/sin-conexion/"}
    assert "no-cache" in response["Cache-Control"], "never kept by the page cache or a CDN"
    assert (
        client.get(f"/api/offline/guides/{page.pk}/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    )
    for url in [*urls, *data["definitions"], *data["fallbacks"].values()]:
        assert client.get(url).status_code == 200, url


def test_publishing_a_section_changes_the_guides_revision(client):
    page = guide("en")
    before = client.get(f"/api/offline/guides/{page.pk}/").json()["revision"]
    section = page.sections().first().specific
    section.save_revision().publish()
    assert client.get(f"/api/offline/guides/{page.pk}/").json()["revision"] != before


def test_a_draft_or_missing_guide_has_no_manifest(client):
    page = guide("en")
    page.unpublish()
    assert client.get(f"/api/offline/guides/{page.pk}/").status_code == 404
    assert client.get("/api/offline/guides/999999/").status_code == 404
    assert client.get("/api/offline/guides/not-a-number/", follow=True).status_code == 404


@pytest.mark.parametrize(
    ("language", "fallback", "saved", "name"),
    [
        ("en", "/en/offline/", "/en/saved-guides/", "ALL Family Guide"),
        ("es", "/es/sin-conexion/", "/es/guias-guardadas/", "Guía de la LLA para familias"),
    ],
)
def test_pages_and_web_app_manifest_in_each_language(client, language, fallback, saved, name):
    for url in (fallback, saved):
        response = client.get(url)
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()
        assert "data-offline-list" in response.content.decode()
    assert "Safari" in client.get(saved).content.decode()
    manifest = client.get(f"/{language}/manifest.webmanifest")
    assert manifest["Content-Type"] == "application/manifest+json"
    assert manifest.json()["name"] == name and manifest.json()["start_url"] == f"/{language}/"
    for icon in manifest.json()["icons"]:  # each icon is served, at the size the manifest says
        found = finders.find(icon["src"].removeprefix(settings.STATIC_URL))
        assert found, icon["src"]
        if icon["type"] == "image/png":
            width, height = Image.open(found).size
            assert icon["sizes"] == f"{width}x{height}"
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in manifest.json()["icons"]}


def test_the_save_button_is_on_guide_pages_only_and_hidden_without_javascript(client):
    page = guide("es")
    html = client.get(page.url).content.decode()
    panel = re.search(r"<section class=\"offline-save\"[^>]*>", html).group(0)
    assert " hidden" in panel and f'data-manifest="/api/offline/guides/{page.pk}/"' in panel
    assert "Guardar esta guía para leerla sin conexión" in html
    section_html = client.get(page.sections().first().url).content.decode()
    assert "data-offline-save" not in section_html
    assert 'rel="manifest" href="/es/manifest.webmanifest"' in section_html
    assert "<script>" not in section_html, "no inline script"


def test_a_signed_in_users_pages_are_marked_private_so_the_browser_never_saves_them(client):
    user = get_user_model().objects.create_superuser("offline-admin", "o@example.org", "x" * 16)
    signed_in = Client()
    signed_in.force_login(user)
    page = guide("en")
    for url in (page.url, page.sections().first().url, "/api/glossary/minimal-residual-disease/?lang=en"):
        assert "private" in signed_in.get(url)["Cache-Control"]
        assert "private" not in client.get(url).get("Cache-Control", "")


def test_the_manifest_costs_the_same_few_queries_whatever_the_guides_size(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for slug in ("childhood-all", "adult-all"):
        page = GuidePage.objects.get(locale__language_code="en", slug=slug)
        client.get(f"/api/offline/guides/{page.pk}/")  # the glossary snapshot is built once per process
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/offline/guides/{page.pk}/").status_code == 200
        counts[len(page.sections())] = len(queries)
    assert len(counts) == 2 and len(set(counts.values())) == 1, counts
    assert max(counts.values()) <= 6, counts
