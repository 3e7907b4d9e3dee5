"""Test set-up shared by every app: the demo content is loaded once into the test database."""

import email
import email.policy
import os
import shutil
import socketserver
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from pytest_django.live_server_helper import LiveServer

from demo import template_database

# Browser tests: Playwright runs an event loop in the test thread, while live_server and the ORM are
# synchronous (without this, Django refuses ORM calls there with SynchronousOnlyOperation).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.django_db,  # the test database with the session's demo content; browser tests only read it
]
# Redis database TEST_REDIS_DB (9 unless set); each pytest-xdist worker after the first takes the next one, since
# the serving tests empty theirs (gw1: TEST_REDIS_DB + 1, wrapping round Redis's 16).
REDIS_DB = (
    int(os.environ.get("TEST_REDIS_DB", "9"))
    + int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
) % 16
REDIS_URL = os.environ.get("TEST_REDIS_URL", f"redis://127.0.0.1:6379/{REDIS_DB}")
# In CI a test whose service is missing fails instead of skipping: a green run has run everything.
IN_CI = os.environ.get("CI", "").lower() == "true"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Every page a person sees is looked at on a phone and on a desktop.
SCREEN_SIZES = {"phone": (390, 844), "desktop": (1280, 900)}
# The whole guide is many times taller than this on a phone; a picture of all of it takes a minute to make on
# a busy machine and nobody scrolls through it, so screenshots stop at this height.
SCREENSHOT_MAX_HEIGHT = 16000


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "postgresql: needs the suite on PostgreSQL (DATABASE_URL=postgres://…)"
    )
    config.addinivalue_line(
        "markers",
        "redis: needs Redis at TEST_REDIS_URL (default db TEST_REDIS_DB, or 9; + n in xdist worker gwn)",
    )


def redis_reachable():
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


def missing_service(item):
    """Why `item` cannot run here (a service its marks name is missing), or None."""
    from django.db import connection

    if item.get_closest_marker("browser") and not Path(CHROMIUM_PATH).exists():
        return f"no Chromium at {CHROMIUM_PATH} (CHROMIUM_PATH)"
    if item.get_closest_marker("postgresql") and connection.vendor != "postgresql":
        return "needs PostgreSQL: set DATABASE_URL=postgres://…"
    if item.get_closest_marker("redis") and not redis_reachable():
        return f"Redis cannot be reached at {REDIS_URL}"
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    reason = missing_service(item)
    if reason and IN_CI:
        pytest.fail(f"CI=true and this test's service is missing: {reason}", pytrace=False)
    if reason:
        pytest.skip(reason)


DEMO_TEMPLATE = pytest.StashKey[str | None]()


def pytest_addoption(parser):
    parser.addoption(
        "--no-demo-template",
        action="store_true",
        help="Migrate and load the demo content into the test database instead of copying the cached demo "
        "database (demo/template_database.py).",
    )
    parser.addoption(
        "--rebuild-demo-template",
        action="store_true",
        help="Build the cached demo database again before copying it (it is rebuilt by itself whenever code, "
        "content or packages change).",
    )


@pytest.fixture(scope="session")
def django_db_keepdb(django_db_keepdb, request):
    """On SQLite the test database is a fresh copy of the demo template made for this session (below), which
    Django must take as it is: otherwise it deletes the file and migrates an empty one."""
    from django.db import connection

    return django_db_keepdb or (
        connection.vendor == "sqlite" and not request.config.getoption("no_demo_template")
    )


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, request, django_db_blocker, tmp_path_factory):
    """The test database is made as a copy of the demo database cached for this code and content
    (demo/template_database.py): on PostgreSQL by CREATE DATABASE … TEMPLATE, on SQLite as a file of this session.

    A PostgreSQL test database kept by --reuse-db that was copied from another template (or made another way)
    is stale: it is dropped, so that it is made again from the current one.
    """
    from django.db import connection

    request.config.stash[DEMO_TEMPLATE] = None
    if request.config.getoption("no_demo_template"):
        return
    # Under pytest-xdist only the first worker rebuilds: another may copy the template before it does.
    rebuild = (
        request.config.getoption("rebuild_demo_template")
        and os.environ.get("PYTEST_XDIST_WORKER", "gw0") == "gw0"
    )
    if connection.vendor == "sqlite":
        template, source = template_database.ensure_sqlite_template(rebuild)
        copy = tmp_path_factory.mktemp("database") / "test_allsite.sqlite3"
        shutil.copyfile(source, copy)
        connection.settings_dict["TEST"]["NAME"] = str(copy)
    elif connection.vendor == "postgresql":
        with django_db_blocker.unblock():
            template = template_database.ensure_template(connection, rebuild)
            if request.config.getoption("reuse_db") and not request.config.getoption("create_db"):
                name = connection.creation._get_test_db_name()
                with connection._nodb_cursor() as cursor:
                    if _copied_from(cursor, name) not in (template, None):
                        cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        connection.settings_dict["TEST"]["TEMPLATE"] = template
    else:
        return
    request.config.stash[DEMO_TEMPLATE] = template


def _copied_from(cursor, database):
    """The template a test database says it was copied from; "" when it does not say, None when it is absent."""
    cursor.execute(
        "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = %s",
        [database],
    )
    row = cursor.fetchone()
    return row and row[0]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The English and Spanish demo guides in the test database: copied with it from the cached template, or
    loaded once here. Each test then runs in a rolled-back transaction."""
    from django.db import connection

    name = str(connection.settings_dict["NAME"])
    if not (Path(name).name.startswith("test_") or "memory" in name):
        pytest.fail(f"Refusing to load demo content into {name!r}: it is not a test database.")
    template = request.config.stash[DEMO_TEMPLATE]
    with django_db_blocker.unblock():
        if template is None:
            call_command("load_demo_content", verbosity=0)
        elif connection.vendor == "postgresql":
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'COMMENT ON DATABASE "{name}" IS %s', [template])
    if template is not None:
        template_database.copy_media(template)
    yield
    if template is None:
        return
    if connection.vendor == "sqlite":
        Path(name).unlink(missing_ok=True)  # the session's own copy; Django keeps it (django_db_keepdb)
        return
    # Live-server threads may still hold a connection; pytest-django drops the database next.
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )


@contextmanager
def class_transaction(django_db_blocker):
    """A transaction held open for a class's tests and rolled back after the last: what a class-scoped fixture
    makes inside it, every test of the class sees. Each test runs in pytest-django's own transaction, which in
    this one is a savepoint rolled back after it, so each starts from the fixture's data as it was made: the
    set-up is shared, not its effects. Only for tests marked `django_db` (not `transactional_db`)."""
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def english_home():
    from pages.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def spanish_home():
    from pages.models import HomePage

    return HomePage.objects.get(locale__language_code="es")


@pytest.fixture
def render_cache(settings):
    """The render caches and kept search rankings on, as in production (the test settings have them off), and
    the page cache off, on this process's local-memory cache."""
    from django.core.cache import cache

    settings.RENDER_CACHE = True
    settings.PAGE_CACHE_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts and ends in the default language. Django keeps the language that a request's
    LocaleMiddleware activated in the thread, and a worker runs all its tests in one thread: a Spanish request in
    one test would otherwise decide the language of whichever test the worker runs next."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_glossary_snapshot():
    """Terms a test made are rolled back with it; the glossary snapshot cached in this process goes too."""
    yield
    from glossary.snapshot import glossary_changed

    glossary_changed()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, tmp_path_factory):
    """Playwright drives Debian's Chromium (its own browser download does not work here), writing only
    into a temporary folder."""
    home = tmp_path_factory.mktemp("chromium-home")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM_PATH,
        "env": {**os.environ, "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache")},
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def screenshot_dir(request):
    """SCREENSHOT_DIR, or tmp-screenshots/ in the project (git-ignored); announced on the terminal."""
    folder = Path(os.environ.get("SCREENSHOT_DIR") or settings.BASE_DIR / "tmp-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"Screenshots: {folder}")
    return folder


@pytest.fixture(scope="module", params=list(SCREEN_SIZES))
def browser_page(request, browser):
    """One browser context and tab per screen size, reused by every page a module checks at that size."""
    width, height = SCREEN_SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    yield request.param, tab
    context.close()


def wcag_violations(tab):
    """axe's WCAG 2.2 A and AA violations on what the tab shows now: (count, report)."""
    results = Axe().run(
        tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    )
    return results.violations_count, results.generate_report()


def screenshot(tab, path, size_name):
    """The page from its top, at most SCREENSHOT_MAX_HEIGHT tall."""
    height = min(tab.evaluate("document.documentElement.scrollHeight"), SCREENSHOT_MAX_HEIGHT)
    tab.screenshot(
        path=path,
        full_page=True,
        clip={"x": 0, "y": 0, "width": SCREEN_SIZES[size_name][0], "height": height},
    )


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """A live server over the demo content loaded for the session, only read: nothing to flush afterwards."""
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
        yield server
        server.stop()


class _SMTPSession(socketserver.StreamRequestHandler):
    """Just enough SMTP (RFC 5321) for Django's SMTP backend: greet, take envelopes and messages, quit."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 localhost test SMTP server")
        recipients = []
        while line := self.rfile.readline():
            command = line.decode("ascii", "replace").strip()
            verb = command.split(" ", 1)[0].split(":", 1)[0].upper()
            if verb in ("EHLO", "HELO", "NOOP", "MAIL"):
                self.reply("250 OK")
            elif verb == "RSET":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data[1:] if data.startswith(b"..") else data)  # undo dot-stuffing
                message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                self.server.messages.append((recipients, message))
                recipients = []
                self.reply("250 OK: queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class SMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _SMTPSession)
        self.messages = []  # (envelope recipients, email.message.EmailMessage) in the order received

    def received(self):
        """Each message as (recipients, subject, plain-text body): decoded, the subject unfolded as a mail client
        shows it (a long encoded subject is folded onto a line of its own), the body's lines ending "\\n"."""
        return [
            (
                to,
                " ".join(str(message["Subject"]).split()),
                message.get_body(("plain",)).get_content().replace("\r\n", "\n"),
            )
            for to, message in self.messages
        ]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback, and Django's SMTP backend pointed at it: mail is really sent."""
    server = SMTPServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = server.server_address
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
