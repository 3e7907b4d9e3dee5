"""In Chromium: the Checks panel's plain-language section, and a flagged sentence found in the preview."""

import re
import time

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from wagtail.models import Page

from conftest import BROWSER_MARKS

from .helpers import member

pytestmark = BROWSER_MARKS
ENGLISH = "/home/childhood-all/types-of-treatment/"
SPANISH = "/inicio/lla-infantil/tipos-de-tratamiento/"


@pytest.fixture(scope="module")
def editor_session(demo_site, django_db_blocker):
    """A signed-in session of the demo editor, stored where the live server reads it; removed afterwards."""
    with django_db_blocker.unblock():
        user = member("editor")
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        pages = {path: Page.objects.get(url_path=path).pk for path in (ENGLISH, SPANISH)}
    yield session.session_key, pages
    with django_db_blocker.unblock():
        session.delete()


@pytest.fixture
def editor_tab(browser, demo_site, editor_session):
    key, pages = editor_session
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": key, "url": demo_site.url}])
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab, pages
    context.close()
    assert not errors, errors


def open_checks(tab, url):
    tab.goto(url)
    tab.click('[data-side-panel-toggle="checks"]')
    section = tab.locator(".readability-checks")
    expect(section).to_be_visible()
    return section


@pytest.mark.parametrize(
    ("path", "score", "title"),
    # The Spanish sentence ends a list item, with the next paragraph right after it in the markup.
    [
        (ENGLISH, ("grade", r"^\d+\.\d$"), "Types of Treatment"),
        (SPANISH, ("inflesz", r"^\d+\.\d · \w"), "Tipos de tratamiento para la LLA"),
    ],
)
def test_a_long_sentence_is_found_and_selected_in_the_preview(editor_tab, demo_site, path, score, title):
    tab, pages = editor_tab
    section = open_checks(tab, f"{demo_site.url}/admin/pages/{pages[path]}/edit/")
    name, pattern = score
    expect(section.locator(f'[data-readability-score="{name}"]')).to_have_text(re.compile(pattern))
    sentence = section.locator("[data-readability-long-sentences] .w-content-checker__name").first
    wanted = sentence.inner_text()
    assert len(wanted.split()) > 25

    preview = tab.frame_locator("#w-preview-iframe")
    # The preview loads with the Checks panel (Wagtail runs its own checks on it): slowly on a busy machine.
    expect(preview.locator("main h1")).to_have_text(title, timeout=30_000)
    section.locator("[data-readability-long-sentences] button").first.click()

    expect(tab.locator('[data-side-panel-toggle="preview"]')).to_have_attribute("aria-expanded", "true")
    selected, scrolled = selection_in_preview(tab, wanted)
    assert " ".join(selected.split()) == wanted
    assert scrolled > 0  # scrolled down to it


def selection_in_preview(tab, wanted, seconds=10):
    """(selected text, scroll offset) of the preview once `wanted` is selected there, or as it is after
    `seconds`. Asked anew each time of whichever iframe is the preview: Wagtail replaces the iframe when it
    reloads the preview (opening the panel may do that), and the Checks panel selects the text again there."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            selected, scrolled = (
                tab.frame_locator("#w-preview-iframe")
                .locator("html")
                .evaluate("() => [getSelection().toString(), scrollY]")
            )
        except PlaywrightError:  # the iframe was replaced while it was asked
            selected, scrolled = "", 0
        if " ".join(selected.split()) == wanted or time.monotonic() > deadline:
            return selected, scrolled
        tab.wait_for_timeout(200)


def test_a_spanish_page_shows_its_scores_beside_the_english(editor_tab, demo_site):
    tab, pages = editor_tab
    section = open_checks(tab, f"{demo_site.url}/admin/pages/{pages[SPANISH]}/edit/")
    expect(section.locator('[data-readability-score="inflesz"]')).to_have_text(re.compile(r"^\d+\.\d · \w"))
    expect(section.locator("[data-readability-parity]")).to_contain_text("English: grade")
