"""Full-page cache for anonymous readers, with conditional GET and cache headers for browsers and a CDN.

Two doors, one set of rules (this module): PageCacheMiddleware sits right after WhiteNoise, stores what is
storable and serves every hit Django's handler sees; PageCacheHits, a WSGI wrapper in front of Django
(allsite/wsgi.py), answers the plain GET hits before Django's handler and middleware run at all.

A page is stored under one key per URL, scheme, host and language, together with the content generation it
was made under (serving/generation.py) and its final headers: those of every inner middleware (security
headers, CSP, Content-Language) and those SecurityMiddleware, the one middleware outside this one that
changes a page, adds to it (applied at store time; it only sets headers that are missing). A hit is then one
round trip to Redis (the generation and the page together) and a page whose generation is not the current
one is not a hit.

Each page stored is also kept as its last copy, outside the content generation (PAGE_CACHE_STALE_SECONDS):
when the page cannot be made because the database is down (a 503 from serving/outage.py), a reader gets
that copy, marked `X-Page-Cache: stale`, rather than no page at all.
"""

import hashlib
import os
import pickle
import weakref
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache, caches
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.middleware.security import SecurityMiddleware
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_request
from django_redis import get_redis_connection
from django_redis.cache import RedisCache
from redis.exceptions import RedisError

from .generation import (
    GENERATION_KEY,
    LAST_COPIES_KEY,
    current_generation,
    last_copies_token,
    remember_request_generation,
)

CACHE_HEADER = "X-Page-Cache"
# A response that varies on anything else than these cannot be stored under one key per URL and language.
STORABLE_VARY = {"accept-language", "cookie", "accept-encoding"}
UNSTORABLE_CACHE_CONTROL = ("private", "no-cache", "no-store")
# Middleware allowed before PageCacheMiddleware: a stored page's headers are final only if these are all.
OUTER_MIDDLEWARE = (
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
# Requests the WSGI door leaves to Django: get_conditional_response answers them (304, 412) in the middleware.
CONDITIONAL_HEADERS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)
LOOKUP = "serving.page_cache.lookup"  # where a request's lookup is kept (request.META, the WSGI environ)


@dataclass(frozen=True)
class Lookup:
    key: str  # of the page
    digest: str  # of what the page varies on, also part of its last copy's key
    generation: str | None  # current; None when the cache cannot be reached (nothing is cached or served)
    last_copies: str | None  # the current token of the pages' last copies, read with the generation
    page: tuple | None  # (content, headers) when stored under the current generation


def is_anonymous_public_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    # Most requests have no query string: not parsing one saves both doors building request.GET.
    return not request.META.get("QUERY_STRING") or set(request.GET) <= set(
        settings.PAGE_CACHE_QUERY_PARAMETERS
    )


def lookup(request):
    """The current generation and last-copies token and the page stored for this request under the generation,
    in one round trip to the cache; done once per request (kept in request.META, the WSGI environ both doors
    share). A token not there yet (first use, eviction, the cache unreachable) is read again, and made."""
    if LOOKUP not in request.META:
        language = get_language_from_request(request, check_path=True)
        where = f"{request.scheme}|{request.get_host()}|{language}|{request.get_full_path()}"
        digest = hashlib.sha256(where.encode()).hexdigest()
        key = f"page:{digest}"
        found = read_many([GENERATION_KEY, LAST_COPIES_KEY, key])
        generation = found.get(GENERATION_KEY) or current_generation()
        stored = found.get(key)
        page = stored[1:] if stored is not None and generation and stored[0] == generation else None
        request.META[LOOKUP] = Lookup(key, digest, generation, found.get(LAST_COPIES_KEY), page)
    return request.META[LOOKUP]


def read_many(keys):
    """`cache.get_many(keys)`, straight through redis-py's client when the cache is django-redis (production).

    Every anonymous request makes this one read; django-redis's own get_many (a key object per key, each value
    first tried as an integer) took about twice the CPU of the bare MGET, and 31,000 instructions a request
    (bench/cpu.py --callgrind, the site's fixed cost and a cached page). Relies on django-redis's
    defaults, which settings keep: keys made by `cache.make_key`, values stored as pickles (integers as digits,
    which tokens and pages never are). A Redis fault reads as nothing found: the token is then read again
    through django-redis, which logs the fault and carries on (IGNORE_EXCEPTIONS).
    """
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return cache.get_many(keys)
    try:
        values = lookup_client(backend).mget([backend.make_key(key) for key in keys])
    except RedisError:
        return {}
    return {key: pickle.loads(value) for key, value in zip(keys, values, strict=True) if value is not None}  # noqa: S301 (our own pages and tokens)


_lookup_clients = weakref.WeakKeyDictionary()  # cache backend -> its client for lookups, in this process
os.register_at_fork(after_in_child=_lookup_clients.clear)  # a worker never uses its parent's connection


def lookup_client(backend):
    """A redis-py client with a connection of its own (`Redis.client()`), for the page-cache lookup.

    A client on the pool asks the connection it takes, before every command, whether unread data is waiting
    (redis-py's ConnectionPool.get_connection): three system calls besides the command's own two, which are
    costly on this virtual machine. A connection of its own, which only the lookup uses and each command
    reads to the end, needs no such check: a cached section 305 → about 220 µs of CPU a request in the worker
    (bench/cpu.py, system time included) and 471,000 → 373,000 instructions (--callgrind). redis-py locks it
    per command. After a fault (Redis restarted) the next command fails, read_many then finds nothing and the
    page is made as when Redis is away, and the one after connects again (serving/tests/test_redis.py). Made in
    each process (gunicorn forks its workers from a loaded application) for each django-redis backend (one
    per thread; tests replace them: a backend gone takes its client along).
    """
    client = _lookup_clients.get(backend)
    if client is None:
        client = _lookup_clients[backend] = get_redis_connection(write=False).client()
    return client


def is_storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in UNSTORABLE_CACHE_CONTROL):
        return False
    vary = {header.strip().lower() for header in response.get("Vary", "").split(",") if header.strip()}
    return vary <= STORABLE_VARY


def rebuild(page):
    content, headers = page
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


class PageCacheMiddleware:
    """Serve anonymous GET/HEAD requests for public pages from the shared cache; store what is storable.

    Never cached: signed-in users (a session cookie) or flash messages, the admin and previews (under
    /admin/), documents, the health check, query strings outside PAGE_CACHE_QUERY_PARAMETERS (so random
    parameters cannot fill the cache), and responses other than a 200 without cookies or `private`.
    Pages a reader could see are marked `Vary: Cookie`, and get an ETag so a browser revalidates for free.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        outer = settings.MIDDLEWARE[: settings.MIDDLEWARE.index(f"{__name__}.{type(self).__name__}")]
        if set(outer) - set(OUTER_MIDDLEWARE):
            raise ImproperlyConfigured(f"Only {', '.join(OUTER_MIDDLEWARE)} may come before the page cache.")
        # Its headers are part of what is stored (it runs again outside; it only adds what is missing).
        self.security = SecurityMiddleware(get_response)

    def __call__(self, request):
        # A lookup already made (by the WSGI door) was made for an anonymous public request.
        if LOOKUP not in request.META and not is_anonymous_public_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES and not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True)  # never let a CDN keep a signed-in page
            return response

        found = lookup(request) if settings.PAGE_CACHE_SECONDS else None
        if found:
            remember_request_generation(request, found.generation)  # the render caches' key: no second read
        if found and found.page:
            response = rebuild(found.page)
            response[CACHE_HEADER] = "hit"
            return get_conditional_response(request, etag=response["ETag"], response=response)

        # Read before the page is made, like the generation: a page withdrawn meanwhile is not kept.
        last_copy_key = self.last_copy_key(found) if found and found.generation else None
        response = self.get_response(request)
        if response.status_code == 503 and last_copy_key:
            return self.serve_last_copy(request, last_copy_key) or response
        if not is_storable(response):
            return response
        self.add_public_headers(response)
        if found and found.generation and request.method == "GET":
            self.security.process_response(request, response)
            page = (response.content, list(response.items()))
            cache.set(found.key, (found.generation, *page), settings.PAGE_CACHE_SECONDS)
            if last_copy_key:
                cache.set(last_copy_key, page, settings.PAGE_CACHE_STALE_SECONDS)
            response[CACHE_HEADER] = "miss"
        return get_conditional_response(request, etag=response["ETag"], response=response)

    def serve_last_copy(self, request, last_copy_key):
        """The page as last stored, even from an older generation; None if there is none."""
        page = cache.get(last_copy_key)
        if page is None:
            return None
        response = rebuild(page)
        response[CACHE_HEADER] = "stale"
        # Browsers and a CDN must ask again next time: the fresh page is back as soon as the database is.
        patch_cache_control(response, max_age=0, s_maxage=0, must_revalidate=True)
        return get_conditional_response(request, etag=response["ETag"], response=response)

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
    def last_copy_key(found):
        if not settings.PAGE_CACHE_STALE_SECONDS:
            return None
        token = found.last_copies or last_copies_token()
        return f"page-last:{token}:{found.digest}" if token else None


class PageCacheHits:
    """WSGI wrapper: a plain GET that is a page-cache hit, answered before Django's handler and middleware.

    The way WhiteNoise serves static files: one request object, the middleware's own rules and lookup
    (is_anonymous_public_request, lookup), the stored headers as they are. Everything else goes to Django,
    with the lookup kept in the environ so the middleware does not repeat it: HEAD, conditional requests
    (If-None-Match etc.: get_conditional_response answers those), misses, a host not allowed.

    Relies on: the stored headers being final (PageCacheMiddleware checks that only SecurityMiddleware and
    WhiteNoise come before it, and applies SecurityMiddleware's headers when it stores a page); a storable
    page having no cookies. Skipped for hits, as for a static file: Django's request_started/request_finished
    signals (old database connections are closed on the next request Django handles) and the URL resolver.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if (
            settings.PAGE_CACHE_SECONDS
            and environ.get("REQUEST_METHOD") == "GET"
            and not any(header in environ for header in CONDITIONAL_HEADERS)
        ):
            request = WSGIRequest(environ)
            try:
                page = lookup(request).page if is_anonymous_public_request(request) else None
            except SuspiciousOperation:  # such as a host not allowed: Django answers it as usual
                page = None
            if page:
                content, headers = page
                start_response("200 OK", [*headers, (CACHE_HEADER, "hit")])
                return [content]
        return self.application(environ, start_response)
