"""Full-page cache for anonymous readers, with conditional GET and cache headers for browsers and a CDN.

Sits right after WhiteNoise, so a hit skips sessions, locale, CSRF, auth, routing and rendering. The stored
response is the one every inner middleware already finished (security headers, CSP, Content-Language).

Each page stored is also kept as its last copy, outside the content generation (PAGE_CACHE_STALE_SECONDS):
when the page cannot be made because the database is down (a 503 from serving/outage.py), a reader gets
that copy, marked `X-Page-Cache: stale`, rather than no page at all.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_request

from .generation import current_generation, last_copies_token

CACHE_HEADER = "X-Page-Cache"
# A response that varies on anything else than these cannot be stored under one key per URL and language.
STORABLE_VARY = {"accept-language", "cookie", "accept-encoding"}
UNSTORABLE_CACHE_CONTROL = ("private", "no-cache", "no-store")


class PageCacheMiddleware:
    """Serve anonymous GET/HEAD requests for public pages from the shared cache; store what is storable.

    Never cached: signed-in users (a session cookie) or flash messages, the admin and previews (under
    /admin/), documents, the health check, query strings outside PAGE_CACHE_QUERY_PARAMETERS (so random
    parameters cannot fill the cache), and responses other than a 200 without cookies or `private`.
    Pages a reader could see are marked `Vary: Cookie`, and get an ETag so a browser revalidates for free.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_anonymous_public_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES and not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True)  # never let a CDN keep a signed-in page
            return response

        generation = current_generation() if settings.PAGE_CACHE_SECONDS else None
        key = self.cache_key(request, generation) if generation else None
        stored = cache.get(key) if key else None
        if stored is not None:
            response = self.rebuild(stored)
            response[CACHE_HEADER] = "hit"
            return get_conditional_response(request, etag=response["ETag"], response=response)

        # Read before the page is made, like the generation: a page withdrawn meanwhile is not kept.
        last_copy_key = self.last_copy_key(request) if key else None
        response = self.get_response(request)
        if response.status_code == 503 and last_copy_key:
            return self.serve_last_copy(request, last_copy_key) or response
        if not self.is_storable(response):
            return response
        self.add_public_headers(response)
        if key and request.method == "GET":
            stored = (response.content, list(response.items()))
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
            if last_copy_key:
                cache.set(last_copy_key, stored, settings.PAGE_CACHE_STALE_SECONDS)
            response[CACHE_HEADER] = "miss"
        return get_conditional_response(request, etag=response["ETag"], response=response)

    def serve_last_copy(self, request, last_copy_key):
        """The page as last stored, even from an older generation; None if there is none."""
        stored = cache.get(last_copy_key)
        if stored is None:
            return None
        response = self.rebuild(stored)
        response[CACHE_HEADER] = "stale"
        # Browsers and a CDN must ask again next time: the fresh page is back as soon as the database is.
        patch_cache_control(response, max_age=0, s_maxage=0, must_revalidate=True)
        return get_conditional_response(request, etag=response["ETag"], response=response)

    @staticmethod
    def is_anonymous_public_request(request):
        if request.method not in ("GET", "HEAD"):
            return False
        if request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
            return False
        return set(request.GET) <= set(settings.PAGE_CACHE_QUERY_PARAMETERS)

    @staticmethod
    def is_storable(response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in UNSTORABLE_CACHE_CONTROL):
            return False
        vary = {header.strip().lower() for header in response.get("Vary", "").split(",") if header.strip()}
        return vary <= STORABLE_VARY

    @staticmethod
    def add_public_headers(response):
        """Short for browsers (they cannot be told to forget); longer for a CDN, which is purged on publish."""
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
            s_maxage=settings.PAGE_CACHE_CDN_SECONDS,
        )
        patch_vary_headers(response, ("Cookie",))
        if not response.has_header("ETag"):
            response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'

    @staticmethod
    def cache_key(request, generation, prefix="page"):
        language = get_language_from_request(request, check_path=True)
        where = f"{request.get_host()}|{language}|{request.get_full_path()}"
        return f"{prefix}:{generation}:{hashlib.sha256(where.encode()).hexdigest()}"

    def last_copy_key(self, request):
        token = last_copies_token() if settings.PAGE_CACHE_STALE_SECONDS else None
        return self.cache_key(request, token, prefix="page-last") if token else None

    @staticmethod
    def rebuild(stored):
        content, headers = stored
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        return response
