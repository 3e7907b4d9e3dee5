"""/healthz: what a load balancer asks each application server."""

import pytest

from .conftest import redis_cache_settings
from .test_redis import closed_port

pytestmark = pytest.mark.django_db


def test_healthy_server_answers_200_with_its_checks(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-cache" in response["Cache-Control"] and "X-Page-Cache" not in response


@pytest.mark.redis
def test_healthz_names_the_cache_when_redis_is_down(client, redis_settings):
    assert client.get("/healthz").status_code == 200
    redis_settings.CACHES = redis_cache_settings(f"redis://127.0.0.1:{closed_port()}/0")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "fail", "checks": {"database": "ok", "cache": "fail"}}


def test_healthz_names_the_database_when_it_fails(client, monkeypatch, render_cache):
    """With the render caches on, as in production: nothing before the view needs the database either."""
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise connection.Database.OperationalError("database went away")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "fail", "cache": "ok"}


def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405
