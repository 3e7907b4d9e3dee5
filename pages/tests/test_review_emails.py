"""Review emails, sent through a real SMTP server: each in its recipient's preferred admin language (English
when they chose none, whatever the language of the person who acted) and every link at the address the site
is configured to be served at (WAGTAILADMIN_BASE_URL)."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from pages.models import GuideSectionPage

pytestmark = pytest.mark.django_db
SITE = "http://127.0.0.1:8100"


@pytest.fixture(autouse=True)
def site_address(settings):
    settings.WAGTAILADMIN_BASE_URL = SITE


def prefer(username, language):
    """A demo user with an email address and `language` as their preferred admin language ("": none)."""
    user = get_user_model().objects.get(username=username)
    user.email = f"{username}@example.org"
    user.save()
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return user


def in_language(language, text):
    with translation.override(language):
        return gettext(text)


def mail_to(smtp_server, username):
    """The one email `username` received (two would fail: each notice goes out once)."""
    [(subject, body)] = [
        (subject, body) for to, subject, body in smtp_server.received() if to == [f"{username}@example.org"]
    ]
    return subject, body


def assert_links_lead_to_the_site(body):
    links = re.findall(r"https?://\S+", body)
    assert links and all(link.startswith(f"{SITE}/admin/") for link in links), links


@pytest.fixture
def section():
    return GuideSectionPage.objects.get(slug="risk-groups", locale__language_code="en")


def submit_through_admin(client, user, section):
    client.force_login(user)
    data = nested_form_data(
        {
            "title": section.title,
            "slug": section.slug,
            "summary": "Who is at higher risk, and why it matters.",
            "key_points": streamfield([("point", "A point.")]),
            "body": streamfield([("rich_text", rich_text("<p>Revised text.</p>"))]),
            "revision_kind": "substantive",
            "change_summary": "Clearer risk groups.",
            "action-submit": "Submit",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[section.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response


def test_board_members_get_the_submission_in_their_own_language(client, smtp_server, section):
    prefer("ped_reviewer1", "es")
    prefer("ped_reviewer2", "")
    prefer("ped_reviewer3", "en")
    submit_through_admin(client, prefer("editor", "es"), section)  # from an admin in Spanish

    preview = {language: in_language(language, "You can preview the page here:") for language in ("en", "es")}
    assert preview["en"] != preview["es"]
    subject, body = mail_to(smtp_server, "ped_reviewer1")
    assert preview["es"] in body
    assert_links_lead_to_the_site(body)
    for username in ("ped_reviewer2", "ped_reviewer3"):
        english_subject, body = mail_to(smtp_server, username)
        assert preview["en"] in body and english_subject != subject
        assert_links_lead_to_the_site(body)


def test_changes_requested_reach_the_author_in_their_language_not_the_reviewers(client, smtp_server, section):
    author = prefer("editor", "")
    submit_through_admin(client, author, section)
    reviewer = prefer("ped_reviewer1", "es")
    client.force_login(reviewer)  # the admin works in Spanish for this reviewer
    state = GuideSectionPage.objects.get(pk=section.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[section.pk, "reject", state.pk])
    assert client.post(url, {"comment": "Please cite the trial."}).status_code == 302

    subject, body = mail_to(smtp_server, "editor")
    assert in_language("en", "You can edit the page here:") in body
    assert in_language("es", "You can edit the page here:") not in body
    assert "Please cite the trial." in body
    assert_links_lead_to_the_site(body)


def test_review_reminders_are_written_in_each_members_language(smtp_server, section):
    today = timezone.localdate()
    overdue_since = today - datetime.timedelta(days=3)
    GuideSectionPage.objects.filter(pk=section.pk).update(next_review_due=overdue_since)
    board = section.get_parent().specific.board
    prefer("ped_reviewer1", "es")
    prefer("ped_reviewer2", "")

    call_command("send_review_reminders")

    subject, body = mail_to(smtp_server, "ped_reviewer1")
    assert subject.startswith("Revisiones pendientes: ") and "vencidas: " in subject
    assert body.startswith("Hola, ") and "Estas páginas deben revisarse:" in body
    assert (
        f"- {section.title} (English, {board.name_es}): VENCIDA desde el {overdue_since.isoformat()}" in body
    )
    assert f"{SITE}/admin/pages/{section.pk}/edit/" in body
    assert_links_lead_to_the_site(body)

    subject, body = mail_to(smtp_server, "ped_reviewer2")
    assert subject.startswith("Reviews due: ") and " overdue" in subject
    assert f"- {section.title} (English, {board.name_en}): OVERDUE since {overdue_since.isoformat()}" in body
    assert_links_lead_to_the_site(body)
