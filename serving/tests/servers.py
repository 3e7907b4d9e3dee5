"""The site run as production runs it, for tests that need real processes: gunicorn (gunicorn.conf.py) with the
production settings, on a committed copy of the test database, with Redis; and readers that load it.

PostgreSQL only: a copy is made with CREATE DATABASE … TEMPLATE, so the servers see committed data and the
test database stays as it was.
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from conftest import REDIS_URL

ROOT = Path(__file__).resolve().parents[2]
HTTPS = {"X-Forwarded-Proto": "https"}  # production cookies are Secure; SECURE_PROXY_SSL_HEADER honours this


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def database_copy(django_db_blocker, suffix):
    """A committed copy of the test database (demo content included), dropped afterwards; yields its settings."""
    from django.db import connection, connections

    settings_dict = connection.settings_dict
    template, copy = settings_dict["NAME"], f"{settings_dict['NAME']}_{suffix}"
    connections.close_all()
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{copy}"')
        # A template must have no other session: earlier browser tests' live-server threads may have left one.
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [template],
        )
        cursor.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{template}"')
    try:
        yield {
            "user": settings_dict["USER"] or "postgres",
            "host": settings_dict["HOST"] or "127.0.0.1",
            "port": int(settings_dict["PORT"] or 5432),
            "name": copy,
        }
    finally:
        with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')


def answers(url):
    try:
        return requests.get(url, timeout=5).status_code == 200
    except requests.RequestException:
        return False


@contextmanager
def dev_server(environment, log_folder, host="127.0.0.1"):
    """`manage.py runserver` (what `make run` serves) in `environment` on a free port, once /healthz answers:
    its base URL, reached through `host`. Stopped afterwards; its output is in `log_folder`/log."""
    port = free_port()
    log = log_folder / "log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            env=environment,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://{host}:{port}"
    try:
        deadline = time.monotonic() + 120
        while not answers(base + "/healthz"):
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def database_url(database, port=None):
    return f"postgres://{database['user']}@{database['host']}:{port or database['port']}/{database['name']}"


def production_environment(database_url, static_root, **extra):
    """The environment of an application server: production settings, this database, the test Redis."""
    inherited = {
        key: value
        for key, value in os.environ.items()
        if key not in ("FRONTEND_CACHE", "PAGE_CACHE_SECONDS", "RENDER_CACHE")
    }
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "allsite.settings.production",
        "SECRET_KEY": uuid.uuid4().hex,
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "REDIS_URL": REDIS_URL,
        "STATIC_ROOT": str(static_root),
        "WEB_CONCURRENCY": "1",
        "GUNICORN_ACCESS_LOG": "",
        **extra,
    }


def collect_static(static_root):
    environment = production_environment("postgres://unused@127.0.0.1/unused", static_root)
    run = [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"]
    subprocess.run(run, env=environment, cwd=ROOT, check=True, timeout=600)


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def manage(environment, *arguments):
    """`manage.py …` as an operator runs it next to the servers; fails the test if the command fails."""
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


class Server:
    """One gunicorn master (gunicorn.conf.py) with its workers, on a free port."""

    def __init__(self, environment):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # A file, not a pipe: a pipe nobody reads fills up with logged tracebacks and then blocks the workers.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed by stop())
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "allsite.wsgi"],
            env={**environment, "PORT": str(self.port)},
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )

    def log_tail(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-3000:]

    def wait_until_healthy(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn at {self.base} exited: {self.log_tail()}")
            try:
                if requests.get(f"{self.base}/healthz", timeout=5).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.2)
        pytest.fail(f"gunicorn at {self.base} did not become healthy in {timeout} s")

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text()
        return set(children.split())

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


@contextmanager
def running(*environments):
    """Servers for these environments, healthy; stopped afterwards."""
    servers = [Server(environment) for environment in environments]
    try:
        for server in servers:
            server.wait_until_healthy()
        yield servers
    finally:
        # All are told to stop first: each master's graceful shutdown takes a second, and they take it together.
        for server in servers:
            if server.process.poll() is None:
                server.process.terminate()
        for server in servers:
            server.stop()


@dataclass
class Reading:
    started: float
    finished: float
    url: str
    status: int | None  # None: no answer at all (refused, reset, timed out)
    text: str


class Readers:
    """Threads requesting `urls` in turn, as fast as they are answered, until the block ends.

    Every request is kept as a Reading (monotonic start and end times, status, body), so that a test can ask
    what a reader got at any moment: no answer, an error, or an old page after a change.
    """

    def __init__(self, urls, threads=4, timeout=30):
        self.urls, self.threads, self.timeout = urls, threads, timeout
        self.readings = []
        self._stop = threading.Event()
        self._lock = threading.Lock()

    def __enter__(self):
        self._workers = [threading.Thread(target=self._read, args=(n,)) for n in range(self.threads)]
        for worker in self._workers:
            worker.start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        for worker in self._workers:
            worker.join()

    def _read(self, offset):
        number = offset
        while not self._stop.is_set():
            url = self.urls[number % len(self.urls)]
            number += 1
            started = time.monotonic()
            try:
                response = requests.get(url, timeout=self.timeout)
                status, text = response.status_code, response.text
            except requests.RequestException as error:
                status, text = None, repr(error)
            with self._lock:
                self.readings.append(Reading(started, time.monotonic(), url, status, text))


def cookie_header(cookies):
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def sign_in(base, username, password):
    """Through the admin's sign-in form, as a browser over HTTPS would: returns the session cookies."""
    form = requests.get(f"{base}/admin/login/", headers=HTTPS, timeout=30)
    csrf_cookie = form.cookies["csrftoken"]
    response = requests.post(
        f"{base}/admin/login/",
        data={
            "csrfmiddlewaretoken": csrf_token(form.text),
            "username": username,
            "password": password,
            "next": "/admin/",
        },
        headers={
            **HTTPS,
            "Cookie": cookie_header({"csrftoken": csrf_cookie}),
            "Origin": base.replace("http:", "https:"),
            "Referer": base.replace("http:", "https:") + "/admin/login/",
        },
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302 and response.headers["Location"] == "/admin/", response.text[:500]
    return {
        "csrftoken": response.cookies.get("csrftoken", csrf_cookie),
        "sessionid": response.cookies["sessionid"],
    }


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def admin_get(base, path, cookies):
    return requests.get(
        f"{base}{path}",
        headers={**HTTPS, "Cookie": cookie_header(cookies)},
        allow_redirects=False,
        timeout=30,
    )


def admin_publish(base, page_id, cookies):
    """Publish the page's latest revision through the admin's bulk publish, as an editor would."""
    confirm = admin_get(base, f"/admin/bulk/wagtailcore/page/publish/?id={page_id}", cookies)
    published = requests.post(
        f"{base}/admin/bulk/wagtailcore/page/publish/?id={page_id}&next=/admin/",
        data={"csrfmiddlewaretoken": csrf_token(confirm.text)},
        headers={
            **HTTPS,
            "Cookie": cookie_header(cookies),
            "Referer": base.replace("http:", "https:") + "/admin/",
        },
        allow_redirects=False,
        timeout=60,
    )
    assert published.status_code == 302, published.text[:500]


SAVE_DRAFT = """
from pages.models import GuideSectionPage
page = GuideSectionPage.objects.get(url_path__endswith="{path}")
page.summary = "{summary}"
page.revision_kind = "minor"
page.save_revision()
print(page.pk)
"""
PUBLISH = SAVE_DRAFT.replace("page.save_revision()", "page.save_revision().publish()")
UNPUBLISH = """
from pages.models import GuideSectionPage
GuideSectionPage.objects.get(url_path__endswith="{path}").unpublish()
"""


def save_draft(environment, path, summary):
    """A new draft of the section whose URL path ends with `path`; returns the page's id."""
    return int(manage(environment, "shell", "-c", SAVE_DRAFT.format(path=path, summary=summary)).split()[-1])


def publish_section(environment, path, summary):
    manage(environment, "shell", "-c", PUBLISH.format(path=path, summary=summary))


def unpublish_section(environment, path):
    manage(environment, "shell", "-c", UNPUBLISH.format(path=path))
