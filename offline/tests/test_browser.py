"""Offline reading in Chromium, in English and Spanish, on a phone and a desktop: save a guide, go offline, read a
saved section with its dates and a glossary pop-up, open a page that was not saved, come back online after a
publish and see the newer-version notice, update the copy, remove the guide. axe checks every new page and
control on the way, and each step is saved as a screenshot (see `screenshot_dir`).

The publish must reach a server while the browser's copy is older, so this module runs its own server (Django's
runserver, test settings) on its own copy of the test database, and publishes through a Django process of its own on
that copy (`DjangoShell`): the session's database, which other tests read, never changes.
"""

import json
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from conftest import BROWSER_MARKS, wcag_violations
from serving.tests.servers import database_copy, database_url, dev_server

pytestmark = BROWSER_MARKS
ROOT = Path(settings.BASE_DIR)
WIDTHS = {390: 844, 1280: 900}
GUIDE = {"en": "/en/childhood-all/", "es": "/es/lla-infantil/"}
SECTION = {"en": "/en/childhood-all/phases-of-treatment/", "es": "/es/lla-infantil/fases-del-tratamiento/"}
OTHER_SECTION = {"en": "/en/childhood-all/about-this-guide/", "es": "/es/lla-infantil/acerca-de-esta-guia/"}
NOT_SAVED = {"en": "/en/adult-all/", "es": "/es/lla-adultos/"}
SAVED_GUIDES = {"en": "/en/saved-guides/", "es": "/es/guias-guardadas/"}
TEXT = {
    "en": {
        "save": "Save this guide to read offline",
        "saving": r"Saving: \d+ of \d+ files, [\d.,]+\s(kB|MB)",
        "saved": r"Saved on this device on .+ \([\d.,]+\s(kB|MB)\)\.",
        "line": r"^Saved on .+\. Updated .+\. Reviewed .+\.$",
        "not_saved": "This page is not saved on this device",
        "newer": "A newer reviewed version is available.",
        "update": "Update the saved copy",
        "up_to_date": "The saved copy is up to date.",
        "listed": r"Saved on .+ · Updated .+ · Reviewed .+ · [\d.,]+\s(kB|MB)$",
        "remove": "Remove Childhood Acute Lymphoblastic Leukemia (ALL)",
        "empty": "No guides are saved on this device yet.",
    },
    "es": {
        "save": "Guardar esta guía para leerla sin conexión",
        "saving": r"Guardando: \d+ de \d+ archivos, [\d.,]+\s(kB|MB)",
        "saved": r"Guardada en este dispositivo el .+ \([\d.,]+\s(kB|MB)\)\.",
        "line": r"^Guardada el .+\. Actualizada el .+\. Revisada el .+\.$",
        "not_saved": "Esta página no está guardada en este dispositivo",
        "newer": "Hay una versión revisada más reciente.",
        "update": "Actualizar la copia guardada",
        "up_to_date": "La copia guardada está al día.",
        "listed": r"Guardada el .+ · Actualizada el .+ · Revisada el .+ · [\d.,]+\s(kB|MB)$",
        "remove": "Borrar Leucemia linfoblástica aguda infantil (LLA)",
        "empty": "Todavía no hay guías guardadas en este dispositivo.",
    },
}


@contextmanager
def database_copy_url(django_db_blocker, tmp_path_factory):
    """A committed copy of the test database (demo content included), dropped afterwards: its DATABASE_URL."""
    from django.db import connection

    if connection.vendor != "sqlite":
        with database_copy(django_db_blocker, "offline_copy") as database:
            yield database_url(database)
        return
    path = tmp_path_factory.mktemp("offline-db") / "db.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)
    yield f"sqlite:///{path}"


@pytest.fixture(scope="module")
def own_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """A server on a copy of the test database: (base URL, publish(path), a signed-in editor's session key)."""
    with database_copy_url(django_db_blocker, tmp_path_factory) as copy_url:
        yield from _site_on(copy_url, tmp_path_factory)


# Runs the snippets it reads, one JSON-encoded string a line, each in a fresh namespace; answers each with one
# JSON line: what the snippet printed, or the traceback it raised.
SHELL = """
import contextlib, io, json, sys, traceback
import django
django.setup()
for line in sys.stdin:
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            exec(json.loads(line), {})
        answer = {"printed": printed.getvalue()}
    except BaseException:
        answer = {"error": traceback.format_exc()}
    sys.stdout.write(json.dumps(answer) + "\\n")
    sys.stdout.flush()
"""


class DjangoShell:
    """One Django process on the copy's database that runs code sent to it, as `manage.py shell -c` would: the
    module's publishes and sign-ins pay for Django's start once instead of once each."""

    def __init__(self, environment):
        self.process = subprocess.Popen(
            [sys.executable, "-c", SHELL],
            env=environment,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, code):
        """What `code` printed; fails the test with its traceback if it raised."""
        self.process.stdin.write(json.dumps(code) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, f"the Django shell exited ({self.process.poll()})"
        answer = json.loads(line)
        assert "error" not in answer, answer["error"]
        return answer["printed"]

    def close(self):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


def _site_on(copy_url, tmp_path_factory):
    environment = {
        **{key: value for key, value in os.environ.items() if key not in ("REDIS_URL",)},
        "DJANGO_SETTINGS_MODULE": "allsite.settings.test",
        "DATABASE_URL": copy_url,
    }
    # Started before the server, so that both processes start Django at the same time.
    shell = DjangoShell(environment)

    def publish(path):
        """Publish the live page at `path` again (a new revision, as an editor's publish makes)."""
        shell.run(
            "from wagtail.models import Page\n"
            f"page = next(p for p in Page.objects.live().specific() if p.url == {path!r})\n"
            "page.save_revision().publish()\n"
        )

    def session_of_a_signed_in_editor():
        """A session cookie value for an editor signed in to the copy, as the admin's sign-in makes one."""
        printed = shell.run(
            "from django.contrib.auth import get_user_model, SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY\n"
            "from django.contrib.sessions.backends.db import SessionStore\n"
            "user, _ = get_user_model().objects.get_or_create(username='offline-editor')\n"
            "session = SessionStore()\n"
            "session.update({SESSION_KEY: str(user.pk), HASH_SESSION_KEY: user.get_session_auth_hash(),\n"
            "    BACKEND_SESSION_KEY: 'django.contrib.auth.backends.ModelBackend'})\n"
            "session.create()\n"
            "print(session.session_key)\n"
        )
        return printed.split()[-1]

    try:
        # localhost: a service worker needs a secure context, which localhost is.
        with dev_server(environment, tmp_path_factory.mktemp("offline-server"), host="localhost") as base:
            yield base, publish, session_of_a_signed_in_editor
    finally:
        shell.close()


def check(tab, screenshot_dir, name):
    """No WCAG 2.2 A/AA violation on what the tab shows now; a screenshot of it."""
    count, report = wcag_violations(tab)
    tab.screenshot(
        path=screenshot_dir / f"offline-{name}.png", full_page=name.startswith(("saved", "fallback"))
    )
    assert count == 0, report


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("language", ["en", "es"])
def test_save_read_offline_see_a_newer_version_and_remove(browser, own_site, screenshot_dir, language, width):
    base, publish, _session = own_site
    text = TEXT[language]
    context = browser.new_context(base_url=base, viewport={"width": width, "height": WIDTHS[width]})
    tab = context.new_page()
    shot = f"{language}-{width}"

    # Save the guide: progress, then when and how much.
    tab.goto(GUIDE[language])
    panel = tab.locator("[data-offline-save]")
    expect(panel).to_be_visible()
    tab.evaluate(
        """() => { window.offlineStates = []; const state = document.querySelector('[data-state]');
        new MutationObserver(() => window.offlineStates.push(state.textContent))
          .observe(state, { childList: true, characterData: true, subtree: true }); }"""
    )
    tab.get_by_role("button", name=text["save"]).click()
    expect(panel.locator("[data-state]")).to_have_text(re.compile(text["saved"]), timeout=60000)
    states = tab.evaluate("window.offlineStates")
    assert any(re.fullmatch(text["saving"], state) for state in states), states
    check(tab, screenshot_dir, f"guide-saved-{shot}")

    # Offline: a saved section opens as it was saved, with its dates line and a working glossary pop-up.
    context.set_offline(True)
    tab.goto(SECTION[language])
    expect(tab.locator("h1")).to_be_visible()
    line = tab.locator(".offline-saved-line")
    expect(line).to_have_text(re.compile(text["line"]))
    tab.screenshot(path=screenshot_dir / f"offline-section-offline-top-{shot}.png")
    term = tab.locator("main a.glossary-term").first
    term.click()
    definition = tab.locator(f"#{term.get_attribute('aria-controls')} .glossary-panel-definition")
    expect(definition).not_to_be_empty()
    check(tab, screenshot_dir, f"section-offline-{shot}")

    # Offline: a page that was not saved says so, in the URL's language, and lists the saved guide.
    tab.goto(NOT_SAVED[language])
    expect(tab.locator("html")).to_have_attribute("lang", language)
    expect(tab.locator("h1")).to_have_text(text["not_saved"])
    guide_title = tab.locator(".offline-guides a")
    expect(guide_title).to_have_count(1)
    expect(guide_title).to_have_attribute("href", GUIDE[language])
    check(tab, screenshot_dir, f"fallback-{shot}")

    # Online after a publish: the saved copy is older; updating it makes it current.
    context.set_offline(False)
    publish(SECTION[language])
    tab.goto(SECTION[language])
    notice = tab.locator(".offline-newer")
    expect(notice).to_contain_text(text["newer"])
    expect(line).to_be_hidden()  # the page shown is the network's, not the saved copy
    check(tab, screenshot_dir, f"section-newer-{shot}")
    notice.get_by_role("button", name=text["update"]).click()
    expect(notice).to_contain_text(text["up_to_date"], timeout=60000)
    tab.reload()
    expect(tab.locator(".offline-newer")).to_be_hidden()

    # Saved guides: listed with its date and size; removing it leaves nothing saved.
    tab.goto(SAVED_GUIDES[language])
    item = tab.locator(".offline-guides li")
    expect(item).to_have_count(1)
    expect(item.locator(".offline-guide-details")).to_have_text(re.compile(text["listed"]))
    check(tab, screenshot_dir, f"saved-guides-{shot}")
    item.get_by_role("button", name=text["remove"], exact=True).click()
    expect(tab.locator(".offline-empty")).to_be_visible()
    expect(tab.locator(".offline-empty")).to_have_text(re.compile(text["empty"]))
    expect(tab.locator(".offline-guides")).to_be_hidden()
    assert tab.evaluate("caches.keys()") == []

    context.set_offline(True)
    with pytest.raises(PlaywrightError):  # nothing is kept any more, not even the "not saved" page
        tab.goto(OTHER_SECTION[language])
    context.close()


@pytest.mark.parametrize("missing", ["javascript", "service worker"])
def test_without_javascript_or_a_service_worker_there_is_no_button_and_the_pages_work(
    browser, own_site, missing
):
    base, _publish, _session = own_site
    if missing == "javascript":
        context = browser.new_context(base_url=base, java_script_enabled=False)
    else:
        context = browser.new_context(base_url=base)
        context.add_init_script("delete Navigator.prototype.serviceWorker;")
    tab = context.new_page()
    tab.goto(GUIDE["en"])
    expect(tab.locator("h1")).to_be_visible()
    expect(tab.locator(".card-list li").first).to_be_visible()
    expect(tab.get_by_role("button", name=TEXT["en"]["save"])).to_have_count(0)
    expect(tab.get_by_role("link", name="Saved guides")).to_have_count(0)
    tab.goto(SAVED_GUIDES["en"])
    expect(tab.locator("[data-offline-unsupported]")).to_be_visible()
    context.close()


def test_a_signed_in_editor_cannot_save_a_guide(browser, own_site):
    """Every page a signed-in user gets is private to them: nothing of it is kept on the device."""
    base, _publish, session = own_site
    context = browser.new_context(base_url=base)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session(), "url": base}])
    tab = context.new_page()
    tab.goto(GUIDE["en"])
    tab.get_by_role("button", name=TEXT["en"]["save"]).click()
    expect(tab.locator("[data-state]")).to_have_text(
        "Guides cannot be saved while you are signed in to the editing site.", timeout=60000
    )
    assert not [name for name in tab.evaluate("caches.keys()") if name.startswith("offline-guide")]
    expect(tab.get_by_role("button", name=TEXT["en"]["save"])).to_be_visible()
    context.close()
