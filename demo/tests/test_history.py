"""The demo site's editorial history: loaded once with the demo guides, it shows every date feature."""

import re
import shutil
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page

from pages.models import GuidePage, GuideSectionPage
from pages.review_status import pages_with_review_dates, with_status
from pages.tests.test_importer import EN_GUIDE_URL, guide_files, write_guide
from translations.status import OUT_OF_DATE, pages_with_translation_status

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("status", ["overdue", "due_soon", "current"])
def test_the_demo_has_pages_in_every_review_status(status):
    assert with_status(pages_with_review_dates(), status).exists()


def test_the_dashboard_shows_overdue_and_due_soon_reviews(client):
    client.force_login(get_user_model().objects.get(username="managing_editor"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index('id="reviews-due-heading"') :]
    assert "<h3>Overdue</h3>" in panel and "<h3>Due in the next 30 days</h3>" in panel


def test_one_spanish_section_is_out_of_date_and_says_so(client):
    behind = [page for page in pages_with_translation_status() if page.translation_status == OUT_OF_DATE]
    assert len(behind) == 1
    spanish = Page.objects.get(pk=behind[0].translation_id)
    html = client.get(spanish.url).content.decode()
    assert "La versión en inglés de esta página se actualizó" in html


def test_changes_to_the_guide_span_several_dates(client):
    guide = GuidePage.objects.get(slug="childhood-all")
    html = client.get(guide.url).content.decode()
    changes = html[html.index('class="changes"') :]
    dates = set(re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})">', changes))
    assert len(dates) >= 4


def test_the_admin_history_of_a_section_is_dated_like_its_publications(client):
    section = GuideSectionPage.objects.child_of(GuidePage.objects.get(slug="childhood-all")).get(
        slug="phases-of-treatment"
    )
    client.force_login(get_user_model().objects.get(username="managing_editor"))
    history = client.get(reverse("wagtailadmin_pages:history", args=[section.pk])).content.decode()
    for day in (section.first_published_at, section.last_published_at):
        assert day.strftime("%Y-%m-%d") in history or day.strftime("%-d %b %Y") in history


def test_a_history_naming_an_unknown_page_stops_the_load_and_saves_nothing(tmp_path, client):
    content = tmp_path / "content"
    shutil.copytree(settings.DEMO_CONTENT_DIR / "home", content / "home")
    write_guide(content / "guides" / "test-import-guide", guide_files())
    (content / "demo-history.yaml").write_text(
        "first_published:\n  test-import-guide/en: 40\nevents:\n"
        "  - {page: test-import-guide/en/no-such-section, days_ago: 3, kind: review}\n",
        encoding="utf-8",
    )
    before = Page.objects.count()

    with pytest.raises(CommandError) as caught:
        call_command("load_demo_content", "--content-dir", str(content), stdout=StringIO())

    assert str(caught.value).startswith(
        f"{content / 'demo-history.yaml'}:4: no page 'test-import-guide/en/no-such-section'"
    )
    assert Page.objects.count() == before
    assert client.get(EN_GUIDE_URL).status_code == 404
