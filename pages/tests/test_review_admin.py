"""What editors and boards see about reviews: the report, the dashboard panel, reminders, the audit log."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from pages.models import GuidePage, GuideSectionPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def due_pages():
    """One pediatric section overdue, one due in 10 days, one adult section due in 20 days; nothing else due
    (the demo history has other pages due: they are moved out of the way)."""
    today = timezone.localdate()
    for model in (GuidePage, GuideSectionPage):
        model.objects.update(next_review_due=today + datetime.timedelta(days=200))
    overdue = GuideSectionPage.objects.get(slug="risk-groups", locale__language_code="en")
    soon = GuideSectionPage.objects.get(slug="follow-up", locale__language_code="en")
    adult = GuideSectionPage.objects.get(slug="recurrent-all", locale__language_code="en")
    for page, days in ((overdue, -3), (soon, 10), (adult, 20)):
        GuideSectionPage.objects.filter(pk=page.pk).update(
            next_review_due=today + datetime.timedelta(days=days)
        )
    return overdue, soon, adult


def login(client, username):
    user = get_user_model().objects.get(username=username)
    user.email = f"{username}@example.org"
    user.save()
    client.force_login(user)
    return user


def test_dashboard_shows_a_board_member_the_reviews_due_for_their_board(client, due_pages):
    overdue, soon, adult = due_pages
    login(client, "ped_reviewer1")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index('id="reviews-due-heading"') :]
    assert panel.index(overdue.title) < panel.index("Due in the next 30 days") < panel.index(soon.title)
    assert adult.title not in panel  # another board's page

    login(client, "adult_reviewer1")
    panel = client.get(reverse("wagtailadmin_home")).content.decode()
    assert adult.title in panel and overdue.title not in panel


def test_report_filters_by_board_language_and_status_and_exports(client, due_pages):
    overdue, soon, adult = due_pages
    login(client, "managing_editor")
    url = reverse("review_dates_report")
    everything = client.get(url).content.decode()
    assert overdue.title in everything and adult.title in everything

    board = GuidePage.objects.get(slug="adult-all").board
    by_board = client.get(url, {"board": board.pk}).content.decode()
    assert adult.title in by_board and overdue.title not in by_board

    overdue_only = client.get(url, {"review_status": "overdue"}).content.decode()
    assert overdue.title in overdue_only and soon.title not in overdue_only

    spanish = client.get(url, {"locale": overdue.locale.__class__.objects.get(language_code="es").pk})
    assert overdue.title not in spanish.content.decode()

    export = client.get(url, {"export": "csv", "review_status": "due_soon"})
    csv = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "Next review due" in csv.splitlines()[0]
    assert soon.title in csv and overdue.title not in csv


def test_board_member_sees_only_their_boards_pages_in_the_report(client, due_pages):
    overdue, soon, adult = due_pages
    login(client, "adult_reviewer2")
    html = client.get(reverse("review_dates_report")).content.decode()
    assert adult.title in html and overdue.title not in html


def test_reminders_go_once_a_day_to_each_member_listing_their_pages(due_pages, capsys):
    overdue, soon, adult = due_pages
    User = get_user_model()
    User.objects.filter(username="ped_reviewer3").update(email="")  # no address: cannot be emailed

    call_command("send_review_reminders", "--dry-run")
    assert "would be reminded of 2 page(s)" in capsys.readouterr().out
    assert mail.outbox == []

    call_command("send_review_reminders")
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == [
        "adult_reviewer1@example.org",
        "adult_reviewer2@example.org",
        "adult_reviewer3@example.org",
        "ped_reviewer1@example.org",
        "ped_reviewer2@example.org",
    ]
    pediatric = next(m for m in mail.outbox if m.to == ["ped_reviewer1@example.org"])
    assert (
        overdue.title in pediatric.body and soon.title in pediatric.body and adult.title not in pediatric.body
    )
    assert "OVERDUE" in pediatric.body and "1 overdue" in pediatric.subject

    call_command("send_review_reminders")
    assert len(mail.outbox) == 5  # nothing sent twice on the same day
    assert "already reminded today" in capsys.readouterr().out


def test_publishing_logs_the_new_dates(client):
    section = GuideSectionPage.objects.get(slug="what-is-all")
    GuideSectionPage.objects.filter(pk=section.pk).update(last_reviewed=None, next_review_due=None)
    section.publication_records.update(reviewed=False)
    page = GuideSectionPage.objects.get(pk=section.pk).get_latest_revision_as_object()
    page.revision_kind = "review"
    page.save_revision().publish()
    login(client, "managing_editor")
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Dates set by a review publication" in history


def test_a_long_overdue_list_does_not_hide_what_is_due_soon(client, due_pages):
    overdue, soon, adult = due_pages
    today = timezone.localdate()
    many = GuideSectionPage.objects.filter(locale__language_code="en").exclude(pk__in=[soon.pk, adult.pk])
    many.update(next_review_due=today - datetime.timedelta(days=1))
    login(client, "managing_editor")

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    panel = html[html.index('id="reviews-due-heading"') :]
    overdue_part = panel[: panel.index("Due in the next 30 days")]
    assert overdue_part.count("<li>") == 10
    assert f"All {many.count()} overdue reviews" in overdue_part
    assert soon.title in panel[panel.index("Due in the next 30 days") :]
