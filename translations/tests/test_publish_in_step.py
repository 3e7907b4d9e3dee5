"""“Publish, in step with English”: the publish and its in-step mark succeed or fail together, and on the
SQLite default they hold while the admin's other requests (autosave, editing sessions) write at the same time."""

import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests
from django.contrib.auth import get_user_model
from django.db import OperationalError
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.models import GuideSectionPage, RevisionKind
from serving.tests.servers import dev_server
from translations.models import TranslationStatus

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "in-step-password-1234"  # a throwaway account in a throwaway database


def spanish_sections():
    return GuideSectionPage.objects.live().filter(locale__language_code="es").order_by("path")


def edit_form(page, summary, publish_in_step=False):
    """What the page editor posts for a section (only the content fields matter here), with the button."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": summary,
            "key_points": streamfield([("point", "Un punto clave.")]),
            "body": streamfield([("rich_text", rich_text(f"<p>{summary}</p>"))]),
            "link_glossary_terms": "on",
            "revision_kind": RevisionKind.SUBSTANTIVE,
            "change_summary": "Traducción actualizada.",
        }
    )
    return {**data, "action-publish": "in-step"} if publish_in_step else data


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("in-step-admin", "s@example.org", PASSWORD))
    return client


def test_the_editors_button_posts_the_form_to_the_in_step_view(admin_client):
    page = spanish_sections().first()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert f'formaction="{reverse("translations_publish_in_step", args=[page.pk])}"' in html


def test_when_the_mark_cannot_be_written_the_page_is_not_published_either(admin_client, monkeypatch):
    """The failure the SQLite default showed: the mark's write refused while the publish had gone through."""
    page = spanish_sections().first()
    live_revision, revisions = page.live_revision_id, page.revisions.count()

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(TranslationStatus.objects, "update_or_create", locked)
    admin_client.raise_request_exception = False
    response = admin_client.post(
        reverse("translations_publish_in_step", args=[page.pk]),
        edit_form(page, "Un resumen que no se publicó.", publish_in_step=True),
    )
    assert response.status_code == 503 and response["Retry-After"]
    page.refresh_from_db()
    assert (page.live_revision_id, page.revisions.count()) == (live_revision, revisions)
    assert page.summary != "Un resumen que no se publicó."


def test_publishing_in_step_needs_the_right_to_publish(client):
    editor = get_user_model().objects.create_user("not-a-publisher", password=PASSWORD)
    client.force_login(editor)
    page = spanish_sections().first()
    response = client.post(
        reverse("translations_publish_in_step", args=[page.pk]), edit_form(page, "x", publish_in_step=True)
    )
    assert response.status_code in (302, 403)  # Wagtail's admin refusal or ours
    assert page.live_revision_id == GuideSectionPage.objects.get(pk=page.pk).live_revision_id


# The SQLite default under the admin's concurrent requests: the site as `make run` serves it (runserver, dev
# settings, a file-backed SQLite database), a publisher publishing in step again and again while other
# editors' autosaves and editing-session pings write at the same moment.


@pytest.fixture(scope="module")
def sqlite_site(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the SQLite default's own test (make test runs it; .ci/run runs it in its SQLite pass)")
    database = tmp_path_factory.mktemp("sqlite") / "db.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        with sqlite3.connect(database) as copy:
            connection.connection.backup(copy)  # the test database, demo content included, as a file
    environment = {
        **{key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": "allsite.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "ADMIN_USERNAME": "in_step",
        "ADMIN_PASSWORD": PASSWORD,
    }
    subprocess.run(
        [sys.executable, "manage.py", "ensure_admin"], env=environment, cwd=ROOT, check=True, timeout=300
    )
    with dev_server(environment, tmp_path_factory.mktemp("runserver")) as base:
        yield base, database


def signed_in(base):
    session = requests.Session()
    form = session.get(f"{base}/admin/login/", timeout=60)
    response = session.post(
        f"{base}/admin/login/",
        data={"csrfmiddlewaretoken": csrf(form.text), "username": "in_step", "password": PASSWORD},
        headers={"Referer": f"{base}/admin/login/"},
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 302, response.text[:500]
    return session


def csrf(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


class OtherEditors:
    """Threads autosaving other pages and pinging editing sessions, as open editors do, until stopped."""

    def __init__(self, base, pages, threads=4):
        self.base, self.pages, self.threads = base, pages, threads
        self.statuses, self._stop = [], threading.Event()

    def __enter__(self):
        self._workers = [threading.Thread(target=self._edit, args=(n,)) for n in range(self.threads)]
        for worker in self._workers:
            worker.start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        for worker in self._workers:
            worker.join()

    def _edit(self, number):
        session = signed_in(self.base)
        page = self.pages[number % len(self.pages)]
        edit_url = f"{self.base}{reverse('wagtailadmin_pages:edit', args=[page.pk])}"
        ping_url = f"{self.base}/admin/editing-sessions/ping/wagtailcore/page/{page.pk}/0/"
        headers = {"X-CSRFToken": session.cookies["csrftoken"], "Referer": edit_url}
        autosave = {
            **edit_form(page, f"Borrador {number}"),
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        }
        while not self._stop.is_set():
            saved = session.post(
                edit_url, data=autosave, headers={**headers, "Accept": "application/json"}, timeout=60
            )
            pinged = session.post(ping_url, data={"is_editing": "1"}, headers=headers, timeout=60)
            self.statuses.extend([saved.status_code, pinged.status_code])


def in_step_marks(database, page_id):
    with sqlite3.connect(database) as db:
        return db.execute(
            "SELECT in_step_at, source_revision_id FROM translations_translationstatus WHERE page_id = ?",
            [page_id],
        ).fetchone()


def test_publishing_in_step_on_sqlite_while_other_editors_write_loses_no_mark(sqlite_site):
    base, database = sqlite_site
    published, *others = list(spanish_sections()[:5])
    publisher = signed_in(base)
    url = f"{base}{reverse('translations_publish_in_step', args=[published.pk])}"
    marks = [in_step_marks(database, published.pk)]

    with OtherEditors(base, others) as editors:
        time.sleep(2)
        for attempt in range(8):
            summary = f"Publicado {attempt} {uuid.uuid4().hex[:6]}"
            data = {**edit_form(published, summary, publish_in_step=True)}
            data["csrfmiddlewaretoken"] = publisher.cookies["csrftoken"]
            response = publisher.post(
                url, data=data, headers={"Referer": url}, allow_redirects=False, timeout=60
            )
            assert response.status_code == 302, (attempt, response.status_code, response.text[:2000])
            assert summary in requests.get(base + published.url, timeout=60).text
            marks.append(in_step_marks(database, published.pk))
            assert marks[-1] != marks[-2], f"publication {attempt} went live without its in-step mark"

    errors = [status for status in editors.statuses if status >= 500]
    assert not errors, f"{len(errors)} of {len(editors.statuses)} autosaves and pings failed"
    assert len(editors.statuses) >= 20


@pytest.mark.browser
def test_the_button_in_the_page_editor_publishes_and_marks_in_step(sqlite_site, page):
    """In Chromium, through Wagtail's own editor and its action menu (the button posts to its own view)."""
    base, database = sqlite_site
    section = spanish_sections()[5]
    before = in_step_marks(database, section.pk)
    page.goto(base + "/admin/login/")
    page.get_by_label("Username").fill("in_step")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(base + reverse("wagtailadmin_pages:edit", args=[section.pk]))
    page.get_by_label("Kind of revision").select_option(RevisionKind.MINOR)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish, in step with English").click()
    expect(page.get_by_text(f"Page '{section.title}' has been published.")).to_be_visible()
    assert in_step_marks(database, section.pk) != before
