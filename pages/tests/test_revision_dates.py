"""The dates families see: set by publications of each kind, kept across reverts, shown in both languages."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from pages.factories import GuidePageFactory, GuideSectionPageFactory
from pages.models import GuidePage, GuideSectionPage, PublicationRecord
from pages.models.review_dates import add_months

pytestmark = pytest.mark.django_db
SPANISH_MONTHS = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]


@pytest.fixture
def section(english_home):
    board = GuidePage.objects.get(slug="childhood-all").board
    guide = GuidePageFactory(parent=english_home, board=board)
    return GuideSectionPageFactory(parent=guide, live=False)


def publish(page, kind, summary=""):
    page = GuideSectionPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    page.revision_kind, page.change_summary = kind, summary
    revision = page.save_revision()
    revision.publish()
    return GuideSectionPage.objects.get(pk=page.pk)


def age_records(page, days):
    """Pretend everything published so far happened `days` ago."""
    PublicationRecord.objects.filter(page=page).update(
        published_at=F("published_at") - datetime.timedelta(days=days)
    )


def test_each_kind_of_revision_moves_only_its_dates(section):
    today = timezone.localdate()
    page = publish(section, "substantive", "First version.")
    assert (page.last_updated, page.last_reviewed, page.next_review_due) == (today, None, None)

    age_records(page, 40)
    page = publish(page, "minor")
    assert page.last_updated == today - datetime.timedelta(days=40)  # minor corrections move nothing
    assert page.last_reviewed is None

    page = publish(page, "review")
    assert page.last_updated == today - datetime.timedelta(days=40)  # review only moves Reviewed
    assert page.last_reviewed == today
    assert page.next_review_due == add_months(today, 12)

    page = publish(page, "substantive", "New drug added.")
    assert page.last_updated == today


def test_dates_survive_republishing_and_reverting(section):
    today = timezone.localdate()
    first = publish(section, "substantive", "First version.")
    first_revision = first.live_revision
    age_records(first, 10)
    later = publish(first, "review")
    assert (later.last_updated, later.last_reviewed) == (today - datetime.timedelta(days=10), today)

    first_revision.publish()  # an old revision, saved before any dates existed, goes live again
    reverted = GuideSectionPage.objects.get(pk=section.pk)
    assert (reverted.last_updated, reverted.last_reviewed) == (today - datetime.timedelta(days=10), today)
    assert reverted.next_review_due is not None


def test_a_new_review_cycle_moves_next_review_due(section):
    page = publish(section, "review")
    board = page.get_parent().specific.board
    board.review_cycle_months = 6
    board.save()
    page.refresh_from_db()
    assert page.next_review_due == add_months(page.last_reviewed, 6)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [("2026-01-31", 1, "2026-02-28"), ("2028-01-31", 1, "2028-02-29"), ("2026-12-03", 12, "2027-12-03")],
)
def test_review_cycles_end_on_real_days(day, months, expected):
    assert add_months(datetime.date.fromisoformat(day), months) == datetime.date.fromisoformat(expected)


def test_the_guide_lists_its_substantive_changes_newest_first(client, section):
    publish(section, "substantive", "Explains the new drug.")
    age_records(section, 5)
    publish(section, "minor")
    publish(section, "substantive", "Adds the maintenance schedule.")
    guide = section.get_parent()
    html = client.get(guide.url).content.decode()
    changes = html[html.index('class="changes"') :]
    assert changes.index("Adds the maintenance schedule.") < changes.index("Explains the new drug.")
    assert f'<a href="{section.url}">{section.title}</a>' in changes


def test_public_pages_show_the_dates_in_the_readers_language(client):
    english = GuideSectionPage.objects.get(slug="what-is-all")
    spanish = GuideSectionPage.objects.get(slug="que-es-la-lla")
    board = GuidePage.objects.get(slug="childhood-all").board
    english_html = client.get(english.url).content.decode()
    spanish_html = client.get(spanish.url).content.decode()
    day, spanish_day = english.last_updated, spanish.last_updated
    english_date = day.strftime("%B ") + f"{day.day}, {day.year}"
    spanish_date = f"{spanish_day.day} de {SPANISH_MONTHS[spanish_day.month - 1]} de {spanish_day.year}"
    assert f'Updated: <time datetime="{day:%Y-%m-%d}">{english_date}</time>' in english_html
    assert f"Reviewed by the {board.name_en}" in english_html
    assert f'Actualizada: <time datetime="{spanish_day:%Y-%m-%d}">{spanish_date}</time>' in spanish_html
    assert f"Revisada por el {board.name_es}" in spanish_html


def test_guide_offers_a_citation_with_the_updated_date_and_url(client):
    guide = GuidePage.objects.get(slug="childhood-all")
    html = client.get(guide.url).content.decode()
    citation = html[html.index('class="citation"') :][:400]
    assert guide.title.replace("(", "").split()[0] in citation
    assert f"http://testserver{guide.url}" in citation
    assert guide.board.name_en in citation


def test_scheduled_publishing_records_the_publication(section):
    page = GuideSectionPage.objects.get(pk=section.pk).get_latest_revision_as_object()
    page.revision_kind, page.change_summary = "substantive", "Scheduled update."
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    page.save_revision(approved_go_live_at=page.go_live_at)
    assert not GuideSectionPage.objects.get(pk=section.pk).live

    call_command("publish_scheduled")
    page = GuideSectionPage.objects.get(pk=section.pk)
    assert page.live and page.last_updated == timezone.localdate()
    assert PublicationRecord.objects.get(page=page).summary == "Scheduled update."


def test_the_first_publication_is_listed_once(client):
    """The demo guide and its sections were first published together: one line, not one per section."""
    guide = GuidePage.objects.get(slug="lla-infantil")
    first_line = "Primera publicación."

    def changes():
        html = client.get(guide.url).content.decode()
        return re.findall(
            r"<li><time[^>]*>[^<]*</time>: (.*?)</li>", html.split('class="changes"', 1)[1].split("</ul>")[0]
        )

    before = changes()  # the demo history's later changes, then the first publication, once, last
    assert before.count(first_line) == 1 and before[-1] == first_line
    section = guide.sections().first()
    publish(section, "substantive", "Explica un medicamento nuevo.")
    after = [change.split(" (")[0] for change in changes()]
    assert after[0] == "Explica un medicamento nuevo." and after.count(first_line) == 1
    assert len(after) == len(before) + 1

    GuidePage.objects.filter(pk=guide.pk).update(
        first_published_at=F("first_published_at") - datetime.timedelta(days=3)
    )
    added = GuideSectionPageFactory(parent=guide, locale=guide.locale, live=False, title="Sección nueva")
    publish(added, "substantive", "Sección nueva sobre la escuela.")
    assert "Sección nueva sobre la escuela." in changes()[0]  # a section added later is a change
