"""The service worker, the per-guide manifest, the web app manifest, the "not saved" page and Saved guides."""

import functools
import hashlib
import json
from pathlib import Path

from csp.decorators import csp
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from pages.models import GuidePage

from .manifest import guide_manifest, urls_in_each_language

WORKER_FILE = Path(__file__).parent / "static" / "offline" / "sw.js"
# The worker's own policy: it runs no other script and only talks to this site.
WORKER_POLICY = {"default-src": ["'none'"], "connect-src": ["'self'"]}


@functools.cache
def _worker_source():
    """sw.js behind the few settings it needs (paths it must never keep, the "not saved" pages).

    Never kept: what the page cache never keeps (the admin and its previews, documents, /healthz), search, the
    worker itself and the manifests (always asked again).
    """
    never = [
        *settings.PAGE_CACHE_EXCLUDED_PATHS,
        *urls_in_each_language("search:results").values(),
        "/sw.js",
        "/api/offline/",
    ]
    config = {
        "never": never,
        "fallbacks": urls_in_each_language("offline:fallback"),
        "static": settings.STATIC_URL,
    }
    source = f"self.OFFLINE_CONFIG = {json.dumps(config)};\n" + WORKER_FILE.read_text()
    return source, f'"{hashlib.md5(source.encode(), usedforsecurity=False).hexdigest()}"'


@require_safe
@csp(WORKER_POLICY)
def service_worker(request: HttpRequest) -> HttpResponse:
    """/sw.js at the site root, so that its scope is the whole site; browsers must always revalidate it."""
    source, etag = _worker_source()
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(source, content_type="text/javascript; charset=utf-8")
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True)
    return response


@require_safe
def guide_manifest_view(request: HttpRequest, guide_id: int) -> HttpResponse:
    """What to save for one live, public guide (in its own language), as JSON."""
    guide = GuidePage.objects.live().public().filter(pk=guide_id).select_related("locale").first()
    if guide is None:
        return _not_found(request)
    response = JsonResponse(guide_manifest(guide, request), json_dumps_params={"ensure_ascii": False})
    # Never kept by the page cache or a CDN (a CDN purge on publish covers pages, not this): a reader always
    # compares with what is live. The ETag makes asking again cheap for the browser.
    response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    patch_cache_control(response, no_cache=True)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def _not_found(request):
    """A plain 404: LocaleMiddleware would redirect it to /en/… (Wagtail's catch-all resolves every path)."""
    request.urlconf = "offline.urls"
    return JsonResponse({"error": "not found"}, status=404)


@require_safe
def web_app_manifest(request: HttpRequest) -> JsonResponse:
    """One per language, so that a phone's home screen opens the guides in the reader's language."""
    language = translation.get_language()
    data = {
        "name": _("ALL Family Guide"),
        "short_name": _("ALL Guide"),
        "description": _("A plain-language guide to acute lymphoblastic leukemia (ALL) for families."),
        "lang": language,
        "start_url": f"/{language}/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b4a7d",
        "icons": [
            {"src": static("favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("apple-touch-icon.png"), "sizes": "180x180", "type": "image/png"},
            # PNG sizes browsers ask for before they offer to install; the book sits inside the maskable zone.
            {
                "src": static("icon-192.png"),
                "sizes": "192x192",
                "type": "image/png",
                "purpose": "any maskable",
            },
            {
                "src": static("icon-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "any maskable",
            },
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_safe
def fallback(request: HttpRequest) -> HttpResponse:
    """What the worker shows, offline, for a page that was not saved: it says so and lists what is saved."""
    return render(
        request, "offline/fallback.html", {"language_urls": urls_in_each_language("offline:fallback")}
    )


@require_safe
def saved_guides(request: HttpRequest) -> HttpResponse:
    """The guides saved on this device (filled in by offline.js from the browser's storage)."""
    return render(
        request, "offline/saved_guides.html", {"language_urls": urls_in_each_language("offline:saved")}
    )
