"""Two application servers (gunicorn) sharing one PostgreSQL and one Redis: a change published through
one is served by the other within a second, and an admin session made on one works on the other.

PostgreSQL and Redis only (skipped on SQLite). The servers use a copy of the test database (made with
CREATE DATABASE … TEMPLATE), so they see committed data and the test database stays as it was.
"""

import os
import re
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests

from .conftest import REDIS_URL, redis_reachable

ROOT = Path(__file__).resolve().parents[2]
SECTION = "/en/childhood-all/phases-of-treatment/"
PASSWORD = "two-servers-password-1234"  # noqa: S105 (a throwaway account in a throwaway database)
HTTPS = {"X-Forwarded-Proto": "https"}  # production cookies are Secure; SECURE_PROXY_SSL_HEADER honours this

PREPARE = """
from django.contrib.auth import get_user_model
from pages.models import GuideSectionPage
get_user_model().objects.create_superuser("two_servers", "two@example.org", "{password}")
page = GuideSectionPage.objects.get(url_path__endswith="{slug}/")
page.summary = "{summary}"
page.revision_kind = "minor"
page.save_revision()
print(page.pk)
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def servers_database(django_db_setup, django_db_blocker):
    """A committed copy of the test database (demo content included), dropped afterwards."""
    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("The two-server test needs PostgreSQL (set DATABASE_URL); SQLite cannot be shared")
    if not redis_reachable():
        pytest.skip(f"Redis cannot be reached at {REDIS_URL}")
    settings_dict = connection.settings_dict
    template, copy = settings_dict["NAME"], f"{settings_dict['NAME']}_servers"
    connections.close_all()
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{copy}"')
        # A template must have no other session: earlier browser tests' live-server threads may have left one.
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [template],
        )
        cursor.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{template}"')
    user = settings_dict["USER"] or "postgres"
    host, port = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or "5432"
    yield f"postgres://{user}@{host}:{port}/{copy}"
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')


@pytest.fixture(scope="module")
def server_environment(servers_database, tmp_path_factory):
    static_root = tmp_path_factory.mktemp("static")
    environment = {
        **{
            key: value
            for key, value in os.environ.items()
            if key not in ("FRONTEND_CACHE", "PAGE_CACHE_SECONDS")
        },
        "DJANGO_SETTINGS_MODULE": "allsite.settings.production",
        "SECRET_KEY": uuid.uuid4().hex,
        "DATABASE_URL": servers_database,
        "ALLOWED_HOSTS": "127.0.0.1",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "REDIS_URL": REDIS_URL,
        "STATIC_ROOT": str(static_root),
        "WEB_CONCURRENCY": "1",
        "GUNICORN_ACCESS_LOG": "",
    }
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    run = [sys.executable, "manage.py"]
    subprocess.run(
        [*run, "collectstatic", "--no-input", "-v0"], env=environment, cwd=ROOT, check=True, timeout=300
    )
    return environment


def start_server(environment, port):
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "allsite.wsgi"],
        env={**environment, "PORT": str(port)},
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_until_healthy(base, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn at {base} exited: {process.stderr.read().decode()[-2000:]}")
        try:
            if requests.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn at {base} did not become healthy in {timeout} s")


@pytest.fixture(scope="module")
def two_servers(server_environment):
    ports = [free_port(), free_port()]
    processes = [start_server(server_environment, port) for port in ports]
    try:
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        for base, process in zip(bases, processes, strict=True):
            wait_until_healthy(base, process)
        yield bases
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def cookie_header(cookies):
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def sign_in(base):
    """Through the admin's sign-in form, as a browser over HTTPS would: returns the session cookies."""
    form = requests.get(f"{base}/admin/login/", headers=HTTPS, timeout=10)
    csrf_cookie = form.cookies["csrftoken"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    response = requests.post(
        f"{base}/admin/login/",
        data={
            "csrfmiddlewaretoken": token,
            "username": "two_servers",
            "password": PASSWORD,
            "next": "/admin/",
        },
        headers={
            **HTTPS,
            "Cookie": cookie_header({"csrftoken": csrf_cookie}),
            "Origin": base.replace("http:", "https:"),
            "Referer": base.replace("http:", "https:") + "/admin/login/",
        },
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302 and response.headers["Location"] == "/admin/", response.text[:500]
    return {
        "csrftoken": response.cookies.get("csrftoken", csrf_cookie),
        "sessionid": response.cookies["sessionid"],
    }


def admin_get(base, path, cookies):
    return requests.get(
        f"{base}{path}",
        headers={**HTTPS, "Cookie": cookie_header(cookies)},
        allow_redirects=False,
        timeout=10,
    )


@pytest.mark.django_db  # the test database must exist: the servers run on a copy of it
def test_a_change_published_on_one_server_is_served_by_the_other(server_environment, two_servers):
    summary = f"Published through server A {uuid.uuid4().hex[:8]}"
    prepared = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            PREPARE.format(password=PASSWORD, slug="childhood-all/phases-of-treatment", summary=summary),
        ],
        env=server_environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert prepared.returncode == 0, prepared.stderr[-2000:]
    page_id = int(prepared.stdout.strip().splitlines()[-1])
    server_a, server_b = two_servers

    # B caches the live page for anonymous readers.
    assert summary not in requests.get(server_b + SECTION, timeout=10).text
    assert requests.get(server_b + SECTION, timeout=10).headers["X-Page-Cache"] == "hit"

    cookies = sign_in(server_a)
    assert admin_get(server_b, "/admin/", cookies).status_code == 200  # A's session works on B

    confirm = admin_get(server_a, f"/admin/bulk/wagtailcore/page/publish/?id={page_id}", cookies)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', confirm.text).group(1)
    published = requests.post(
        f"{server_a}/admin/bulk/wagtailcore/page/publish/?id={page_id}&next=/admin/",
        data={"csrfmiddlewaretoken": token},
        headers={
            **HTTPS,
            "Cookie": cookie_header(cookies),
            "Referer": server_a.replace("http:", "https:") + "/admin/",
        },
        allow_redirects=False,
        timeout=30,
    )
    assert published.status_code == 302, published.text[:500]
    published_at = time.monotonic()

    while summary not in (page := requests.get(server_b + SECTION, timeout=10)).text:
        assert time.monotonic() - published_at < 1, "server B still serves the old page a second later"
        time.sleep(0.05)
    assert page.status_code == 200


@pytest.mark.django_db  # the test database must exist: the servers run on a copy of it
def test_static_files_get_far_future_cache_headers(server_environment, two_servers):
    home = requests.get(two_servers[0] + "/en/", timeout=10).text
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', home).group(1)
    response = requests.get(two_servers[1] + stylesheet, timeout=10)
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert int(re.search(r"max-age=(\d+)", response.headers["Cache-Control"]).group(1)) >= 365 * 24 * 3600
