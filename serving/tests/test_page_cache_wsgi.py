"""The WSGI door of the page cache (serving.middleware.PageCacheHits, allsite/wsgi.py): a plain GET hit is
answered before Django's handler runs, with exactly the status, headers and body Django would have sent;
everything else (misses, HEAD, conditional requests, signed-in readers, the admin, unknown parameters) still
goes through Django and its middleware."""

import io

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from pages.models import GuideSectionPage
from serving.middleware import PageCacheHits

from .helpers import SECTION, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


class Counting:
    """Django's own WSGI handler, counting the requests that reach it."""

    def __init__(self):
        self.django = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.django(environ, start_response)


@pytest.fixture
def django_app():
    # As Django's test client does: the test's transaction must outlive each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield Counting()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def call(application, path, method="GET", query="", **headers):
    """(status, headers as a dict, body) of one request through a WSGI application."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(response_headers)

    body = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], body


def test_a_hit_is_answered_before_django_with_the_headers_django_sends(django_app):
    application = PageCacheHits(django_app)
    status, first_headers, first_body = call(application, SECTION)
    assert status == "200 OK" and first_headers["X-Page-Cache"] == "miss"
    # A hit through Django's handler and middleware (a conditional request goes there) ...
    _, django_headers, django_body = call(application, SECTION, if_none_match='"another"')
    assert django_app.calls == 2 and django_headers["X-Page-Cache"] == "hit"

    status, headers, body = call(application, SECTION)
    assert django_app.calls == 2  # ... and the same hit from the WSGI door
    assert status == "200 OK"
    assert headers == django_headers
    assert body == django_body == first_body
    assert {"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "ETag"} <= set(headers)
    assert "Cookie" in headers["Vary"]


def test_conditional_requests_get_their_304_from_django(django_app):
    application = PageCacheHits(django_app)
    etag = call(application, SECTION)[1]["ETag"]
    status, headers, body = call(application, SECTION, if_none_match=etag)
    assert status.startswith("304") and body == b""
    assert headers["ETag"] == etag and django_app.calls == 2


@pytest.mark.parametrize(
    ("path", "query", "headers"),
    [
        (SECTION, "", {"cookie": "sessionid=someone"}),
        (SECTION, "utm_source=mail", {}),
        ("/admin/login/", "", {}),
    ],
    ids=["signed in", "unknown query parameter", "admin"],
)
def test_what_is_never_cached_always_reaches_django(django_app, path, query, headers):
    application = PageCacheHits(django_app)
    answers = [call(application, path, query=query, **headers) for _ in range(2)]
    assert django_app.calls == 2
    assert all("X-Page-Cache" not in answer_headers for _, answer_headers, _ in answers)


def test_a_page_from_an_older_generation_is_no_hit(django_app):
    application = PageCacheHits(django_app)
    call(application, SECTION)
    page = GuideSectionPage.objects.get(url_path__endswith="/childhood-all/phases-of-treatment/")
    publish(page, summary="A summary published after the page was cached.")
    status, headers, body = call(application, SECTION)
    assert django_app.calls == 2 and headers["X-Page-Cache"] == "miss"
    assert b"A summary published after the page was cached." in body


def test_the_site_is_served_through_the_wsgi_door():
    from allsite.wsgi import application

    assert isinstance(application, PageCacheHits)
