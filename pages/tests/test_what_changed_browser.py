"""What changed in Chromium: axe-core finds no WCAG 2.2 A/AA violation, phone and desktop, admin in both languages.

The page in review exists only in this test's transaction, which a server thread would not see (on PostgreSQL
it is another connection). So the test's client, signed in as a board member, fetches the view and the two
other admin addresses the page loads (its JavaScript catalogue and icon sprite) in this test; the browser gets
those responses, and the static files (the admin's CSS and scripts, the view's stylesheet) from the files
Django serves them from. Nothing else is reachable.
"""

import mimetypes
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from conftest import BROWSER_MARKS, wcag_violations
from pages.models import GuidePage
from pages.tests.test_what_changed import section, submit, typical_edit

pytestmark = BROWSER_MARKS
ORIGIN = "http://testserver"


def fetched(client, path):
    """Django's response to `path` for the signed-in client, as Playwright fulfils a route."""
    response = client.get(path)
    headers = {name: value for name, value in response.items() if name.lower() != "content-length"}
    return {"status": response.status_code, "headers": headers, "body": response.content}


def serve(responses):
    """A route handler: the fetched admin responses, the static files, and nothing else."""

    def handle(route, request):
        url = urlsplit(request.url)
        path = url.path + (f"?{url.query}" if url.query else "")
        if path in responses:
            return route.fulfill(**responses[path])
        if url.path.startswith(settings.STATIC_URL):
            found = finders.find(url.path.removeprefix(settings.STATIC_URL))
            if found:
                content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
                return route.fulfill(status=200, body=Path(found).read_bytes(), content_type=content_type)
        return route.abort()

    return handle


@pytest.fixture
def reviewer_client():
    board = GuidePage.objects.get(slug="childhood-all", locale__language_code="en").board
    user = get_user_model().objects.create_user("browser_reviewer", "reviewer@example.org")
    user.groups.add(Group.objects.get(pk=board.group_id))
    client = Client()
    client.force_login(user)
    return client, user


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("width", [390, 1280])
def test_what_changed_has_no_wcag_violations(browser, reviewer_client, language, width):
    client, user = reviewer_client
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    author = get_user_model().objects.create_superuser("browser_author", "author@example.org", None)
    page = submit(section(), author, typical_edit)

    page_path = reverse("what_changed", args=[page.pk])
    responses = {page_path: fetched(client, page_path)}
    sprite = re.search(r'data-icon-url="([^"]+)"', responses[page_path]["body"].decode()).group(1)
    for path in (reverse("wagtailadmin_javascript_catalog"), sprite):
        responses[path] = fetched(client, path)

    context = browser.new_context(viewport={"width": width, "height": 900})
    context.route("**/*", serve(responses))
    tab = context.new_page()
    response = tab.goto(ORIGIN + page_path)
    assert response.status == 200
    assert tab.locator("html").get_attribute("lang") == language
    assert tab.locator("article.what-changed-page ins").count() > 0
    assert tab.locator("article.what-changed-page del").count() > 0
    # The marks are legible without colour: underlined and struck through.
    assert "underline" in tab.locator("article.what-changed-page ins").first.evaluate(
        "element => getComputedStyle(element).textDecorationLine"
    )
    assert "line-through" in tab.locator("article.what-changed-page del").first.evaluate(
        "element => getComputedStyle(element).textDecorationLine"
    )

    count, report = wcag_violations(tab)
    context.close()
    assert count == 0, report
