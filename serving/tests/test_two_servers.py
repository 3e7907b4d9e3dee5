"""Two application servers (gunicorn) sharing one PostgreSQL and one Redis: a change published through
one is served by the other within a second, a publish under load serves no error and no old page once it
has returned, and an admin session made on one works on the other."""

import re
import time
import uuid

import pytest
import requests

from .servers import (
    Readers,
    admin_get,
    admin_publish,
    database_copy,
    database_url,
    flush_redis,
    manage,
    production_environment,
    running,
    save_draft,
    sign_in,
)

# The test database must exist (django_db): the servers run on a copy of it.
pytestmark = [pytest.mark.postgresql, pytest.mark.redis, pytest.mark.django_db]

SECTION = "/en/childhood-all/phases-of-treatment/"
PASSWORD = "two-servers-password-1234"  # a throwaway account in a throwaway database


@pytest.fixture(scope="module")
def server_environment(django_db_setup, django_db_blocker, static_root):
    with database_copy(django_db_blocker, "servers") as database:
        environment = production_environment(database_url(database), static_root)
        manage({**environment, "ADMIN_USERNAME": "two_servers", "ADMIN_PASSWORD": PASSWORD}, "ensure_admin")
        flush_redis()
        yield environment


@pytest.fixture(scope="module")
def two_servers(server_environment):
    with running(server_environment, server_environment) as servers:
        yield [server.base for server in servers]


def test_a_change_published_on_one_server_is_served_by_the_other(server_environment, two_servers):
    summary = f"Published through server A {uuid.uuid4().hex[:8]}"
    page_id = save_draft(server_environment, "childhood-all/phases-of-treatment/", summary)
    server_a, server_b = two_servers

    # B caches the live page for anonymous readers.
    assert summary not in requests.get(server_b + SECTION, timeout=30).text
    assert requests.get(server_b + SECTION, timeout=30).headers["X-Page-Cache"] == "hit"

    cookies = sign_in(server_a, "two_servers", PASSWORD)
    assert admin_get(server_b, "/admin/", cookies).status_code == 200  # A's session works on B

    admin_publish(server_a, page_id, cookies)
    published_at = time.monotonic()

    while summary not in (page := requests.get(server_b + SECTION, timeout=30)).text:
        assert time.monotonic() - published_at < 1, "server B still serves the old page a second later"
        time.sleep(0.05)
    assert page.status_code == 200


def test_a_publish_under_load_serves_no_error_and_no_old_page_once_it_returned(
    server_environment, two_servers
):
    """Readers on both servers, cached and uncached, while an editor publishes through server A."""
    path = "/en/childhood-all/tests-and-diagnosis/"
    summary = f"Published under load {uuid.uuid4().hex[:8]}"
    page_id = save_draft(server_environment, "childhood-all/tests-and-diagnosis/", summary)
    cookies = sign_in(two_servers[0], "two_servers", PASSWORD)
    urls = [base + path + query for base in two_servers for query in ("", "?utm_source=load")]

    with Readers(urls, threads=6) as readers:
        time.sleep(3)
        publishing_at = time.monotonic()
        admin_publish(two_servers[0], page_id, cookies)
        published_at = time.monotonic()
        time.sleep(3)

    failed = [(reading.url, reading.status) for reading in readers.readings if reading.status != 200]
    assert not failed, f"{len(failed)} of {len(readers.readings)} requests failed: {failed[:5]}"
    before = [reading for reading in readers.readings if reading.finished < publishing_at]
    after = [reading for reading in readers.readings if reading.started > published_at]
    assert len(before) >= 10 and len(after) >= 10, (len(before), len(after))
    assert all(summary not in reading.text for reading in before)
    old = [reading.url for reading in after if summary not in reading.text]
    assert not old, f"{len(old)} of {len(after)} requests made after the publish returned got the old page"


def test_static_files_get_far_future_cache_headers(two_servers):
    home = requests.get(two_servers[0] + "/en/", timeout=30).text
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', home).group(1)
    response = requests.get(two_servers[1] + stylesheet, timeout=30)
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert int(re.search(r"max-age=(\d+)", response.headers["Cache-Control"]).group(1)) >= 365 * 24 * 3600
