"""The full-page cache as readers meet it: hits, headers, 304s, what is never cached, a publication shown at
once (the other kinds of change: test_invalidation.py), and a page's last copy while the database fails."""

import pytest

from pages.models import GuideSectionPage

from .helpers import SECTION, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def read(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code in (200, 304)
    return response


def cached_html(client, url):
    """The page as the cache now holds it: a first request stores it, the second must be a hit."""
    read(client, url)
    response = read(client, url)
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def test_second_anonymous_request_is_served_from_the_cache_with_public_headers(client):
    first = read(client, SECTION)
    second = read(client, SECTION)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    cache_control = {part.strip() for part in second["Cache-Control"].split(",")}
    assert {"public", "max-age=60", "s-maxage=300"} <= cache_control
    assert "Cookie" in second["Vary"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["ETag"] == first["ETag"]


def test_a_matching_etag_gets_304_without_a_body(client):
    etag = read(client, SECTION)["ETag"]
    for _attempt in range(2):  # on the miss that stores the page and on a hit
        response = read(client, SECTION, if_none_match=etag)
        assert response.status_code == 304 and response.content == b""
    assert read(client, SECTION, if_none_match='"something-else"').status_code == 200


def test_signed_in_readers_are_never_cached(client, django_user_model):
    read(client, SECTION)  # an anonymous copy exists
    user = django_user_model.objects.create_user("reader", password="unused-password-1234")
    client.force_login(user)
    response = read(client, SECTION)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_admin_and_previews_are_never_cached(admin_client):
    page = GuideSectionPage.objects.get(url_path__endswith="/childhood-all/phases-of-treatment/")
    client_response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert "X-Page-Cache" not in client_response
    admin_client.logout()
    assert "X-Page-Cache" not in admin_client.get("/admin/login/")


def test_unknown_query_parameters_bypass_the_cache(client):
    assert "X-Page-Cache" not in read(client, SECTION + "?utm_source=x")
    assert read(client, SECTION + "?untranslated=1")["X-Page-Cache"] == "miss"


def test_a_search_kept_to_one_guide_is_cached_apart_from_the_others(client):
    everything = cached_html(client, "/en/search/?q=treatment")
    childhood = cached_html(client, "/en/search/?q=treatment&guide=childhood-all")
    adult = cached_html(client, "/en/search/?q=treatment&guide=adult-all")
    assert len({everything, childhood, adult}) == 3
    assert "X-Page-Cache" not in client.get("/en/search/?q=treatment&guide=no-such-guide")  # a 404


def test_not_found_pages_are_not_cached(client):
    assert "X-Page-Cache" not in client.get("/en/no-such-page/")


def test_publishing_the_page_itself_shows_at_once(client):
    cached_html(client, SECTION)
    page = GuideSectionPage.objects.get(url_path__endswith="/childhood-all/phases-of-treatment/")
    publish(page, summary="A summary published a moment ago.")
    assert "A summary published a moment ago." in read(client, SECTION).content.decode()


def test_while_the_database_fails_a_changed_page_comes_from_its_last_copy(client, monkeypatch):
    """In this process, on any database (the real outage, through gunicorn: test_database_outage.py)."""
    from django.db import OperationalError, connection

    old = cached_html(client, SECTION)
    page = GuideSectionPage.objects.get(url_path__endswith="/childhood-all/phases-of-treatment/")
    publish(page, summary="A summary published before the outage.")

    def refused(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refused)
    client.raise_request_exception = False
    stale = client.get(SECTION)
    assert (stale.status_code, stale["X-Page-Cache"]) == (200, "stale")
    assert stale.content.decode() == old
    unavailable = client.get("/es/lla-infantil/fases-del-tratamiento/")
    assert (unavailable.status_code, unavailable["Retry-After"], unavailable["Content-Language"]) == (
        503,
        "30",
        "es",
    )
