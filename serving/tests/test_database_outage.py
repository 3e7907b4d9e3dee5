"""The database goes away under a running site (gunicorn, production settings, Redis) and comes back.

The site reaches PostgreSQL through a relay the test cuts and restores (tcp_proxy.py), as a stopped or
unreachable server would look, without stopping the PostgreSQL other tests share. Readers get cached pages,
last copies marked stale, or a 503 with Retry-After in their language; never a 500. When the database is
back, every worker answers at once.
"""

import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
import requests

from .helpers import SECTION, SPANISH_SECTION, WHOLE_GUIDE
from .servers import (
    database_copy,
    database_url,
    flush_redis,
    production_environment,
    publish_section,
    running,
    unpublish_section,
)
from .tcp_proxy import TcpProxy

pytestmark = [pytest.mark.postgresql, pytest.mark.redis, pytest.mark.django_db]
# Pages no other test of this module asks for.
NOT_SHOWN_YET = "/en/childhood-all/risk-factors/"
SECOND_NOT_SHOWN_YET = "/en/childhood-all/signs-and-symptoms/"


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, static_root):
    """Two gunicorn workers reaching a copy of the test database through the relay; yields (base, proxy, env)."""
    with database_copy(django_db_blocker, "outage") as database:
        proxy = TcpProxy(database["host"], database["port"])
        environment = production_environment(
            database_url(database, port=proxy.port), static_root, WEB_CONCURRENCY="2"
        )
        flush_redis()
        with running(environment) as (server,):
            yield server.base, proxy, environment
        proxy.cut()


@contextmanager
def outage(proxy):
    proxy.cut()
    try:
        yield
    finally:
        proxy.restore()


def get(url, language=None):
    return requests.get(url, headers={"Accept-Language": language} if language else {}, timeout=30)


def assert_unavailable(response, language, heading):
    assert response.status_code == 503, (response.status_code, response.text[:300])
    assert response.headers["Retry-After"] == "30"
    assert "no-store" in response.headers["Cache-Control"] and "X-Page-Cache" not in response.headers
    assert response.headers["Content-Language"] == language
    assert f'<html lang="{language}">' in response.text and f"<h1>{heading}</h1>" in response.text
    assert 'class="site-header"' in response.text, "the site's own page, made without the database"


def test_cached_pages_keep_serving_and_the_rest_answer_503_in_the_readers_language(site):
    base, proxy, _environment = site
    for _warm in range(2):
        cached = get(base + SECTION)
    assert cached.headers["X-Page-Cache"] == "hit"

    with outage(proxy):
        response = get(base + SECTION)
        assert (response.status_code, response.headers["X-Page-Cache"]) == (200, "hit")
        assert response.text == cached.text

        # Query parameters outside the cache's list: not from the page cache, and a page no worker has made in
        # this content generation needs the database (one it has made comes from its memo: serving/memo.py).
        english = get(base + NOT_SHOWN_YET + "?utm_source=outage")
        assert_unavailable(english, "en", "The guide is briefly unavailable")
        assert f'href="{NOT_SHOWN_YET}?utm_source=outage"' in english.text, (
            "a link to try the same page again"
        )
        spanish = get(base + SPANISH_SECTION + "?utm_source=outage")
        assert_unavailable(spanish, "es", "La guía no está disponible por un momento")
        # No language in the URL: the browser's.
        assert_unavailable(
            get(base + "/", "es-MX,es;q=0.9"), "es", "La guía no está disponible por un momento"
        )
        assert_unavailable(get(base + "/", "en-US"), "en", "The guide is briefly unavailable")

        health = get(base + "/healthz")
        assert health.status_code == 503 and health.json()["checks"]["database"] == "fail"
        others = ["/en/glossary/", "/es/glosario/", "/en/search/?q=marrow", "/sitemap.xml", "/robots.txt"]
        statuses = {path: get(base + path).status_code for path in others}
        assert set(statuses.values()) <= {200, 503}, statuses

    assert get(base + NOT_SHOWN_YET + "?utm_source=outage").status_code == 200


def test_a_page_changed_since_it_was_cached_is_served_from_its_last_copy_marked_stale(site):
    base, proxy, environment = site
    path = "/en/childhood-all/risk-groups/"
    for _warm in range(2):
        cached = get(base + path)
    assert cached.headers["X-Page-Cache"] == "hit"
    summary = f"Changed before the outage {uuid.uuid4().hex[:8]}"
    publish_section(environment, "childhood-all/risk-groups/", summary)  # a new content generation

    with outage(proxy):
        stale = get(base + path)
        assert (stale.status_code, stale.headers["X-Page-Cache"]) == (200, "stale")
        assert stale.text == cached.text and summary not in stale.text
        assert "max-age=0" in stale.headers["Cache-Control"], "browsers and a CDN ask again next time"
        assert_unavailable(get(base + WHOLE_GUIDE), "en", "The guide is briefly unavailable")  # never cached

    fresh = get(base + path)
    assert (fresh.status_code, fresh.headers["X-Page-Cache"]) == (200, "miss") and summary in fresh.text


def test_a_withdrawn_page_is_never_served_from_its_last_copy(site):
    base, proxy, environment = site
    path = "/en/childhood-all/follow-up/"
    for _warm in range(2):
        cached = get(base + path)
    assert cached.headers["X-Page-Cache"] == "hit"
    unpublish_section(environment, "childhood-all/follow-up/")

    with outage(proxy):
        assert_unavailable(get(base + path), "en", "The guide is briefly unavailable")

    assert get(base + path).status_code == 404


def test_every_worker_answers_at_once_when_the_database_is_back(site):
    """Each worker keeps its connection between requests; a health check before the first query of a request
    replaces one the outage broke, instead of failing that request."""
    base, proxy, _environment = site
    before = [f"{base}{SECTION}?utm_source=worker-{number}" for number in range(16)]
    # A page the workers have not made yet, so that each needs its connection again (one it has made in this
    # content generation comes from its memo without a query: serving/memo.py).
    after = [f"{base}{SECOND_NOT_SHOWN_YET}?utm_source=worker-{number}" for number in range(16)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert {response.status_code for response in pool.map(get, before)} == {200}  # both workers connect

        with outage(proxy):
            pass  # the connections the workers keep are now broken; nobody asked in between

        statuses = [response.status_code for response in pool.map(get, after)]
    assert statuses == [200] * len(after)
