"""Several processes share Redis; when it goes away the site keeps serving, uncached, and says so."""

import logging
import socket

import pytest
from django.core.cache import cache, caches
from django_redis import get_redis_connection

from glossary.snapshot import current_glossary
from serving.generation import GENERATION_KEY
from serving.middleware import lookup_client

from .conftest import redis_cache_settings

pytestmark = [pytest.mark.django_db, pytest.mark.redis, pytest.mark.usefixtures("page_cache")]

SECTION = "/en/childhood-all/phases-of-treatment/"


def closed_port():
    """A loopback port nobody listens on: connecting to it fails at once, like a Redis that went away."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_pages_are_cached_in_redis(client, redis_settings):
    assert client.get(SECTION)["X-Page-Cache"] == "miss"
    assert client.get(SECTION)["X-Page-Cache"] == "hit"
    assert cache.get(GENERATION_KEY)


def test_without_redis_pages_are_served_uncached_and_the_fault_is_logged(client, redis_settings, caplog):
    redis_settings.CACHES = redis_cache_settings(f"redis://127.0.0.1:{closed_port()}/0")
    with caplog.at_level(logging.ERROR):
        responses = [client.get(SECTION) for _ in range(2)]
    assert [response.status_code for response in responses] == [200, 200]
    assert all("X-Page-Cache" not in response for response in responses)
    assert any(record.name.startswith("django_redis") for record in caplog.records)


def test_the_page_cache_recovers_when_redis_returns(client, redis_settings):
    live_location = redis_settings.CACHES["default"]["LOCATION"]
    redis_settings.CACHES = redis_cache_settings(f"redis://127.0.0.1:{closed_port()}/0")
    assert "X-Page-Cache" not in client.get(SECTION)
    redis_settings.CACHES = redis_cache_settings(live_location)
    assert client.get(SECTION)["X-Page-Cache"] == "miss"
    assert client.get(SECTION)["X-Page-Cache"] == "hit"


def test_the_lookup_connects_again_when_redis_drops_its_connection(client, redis_settings):
    """The page-cache lookup has a connection of its own: closed by the server (as a Redis restart closes
    it), the next page is still served, and the page after that is a hit again."""
    assert client.get(SECTION)["X-Page-Cache"] == "miss"
    assert client.get(SECTION)["X-Page-Cache"] == "hit"
    own_id = lookup_client(caches["default"]).client_id()
    assert get_redis_connection().client_kill_filter(_id=own_id) == 1
    assert client.get(SECTION).status_code == 200
    assert client.get(SECTION)["X-Page-Cache"] == "hit"
    assert lookup_client(caches["default"]).client_id() != own_id


def test_without_redis_the_glossary_is_not_rebuilt_on_every_request(redis_settings):
    redis_settings.CACHES = redis_cache_settings(f"redis://127.0.0.1:{closed_port()}/0")
    first = current_glossary()
    assert current_glossary() is first


def test_the_glossary_snapshot_follows_redis_again_when_it_returns(redis_settings):
    live_location = redis_settings.CACHES["default"]["LOCATION"]
    redis_settings.CACHES = redis_cache_settings(f"redis://127.0.0.1:{closed_port()}/0")
    offline = current_glossary()
    redis_settings.CACHES = redis_cache_settings(live_location)
    shared = current_glossary()
    assert shared is not offline and shared.version == cache.get("glossary:version")
