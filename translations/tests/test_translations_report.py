"""Reports → Translations and the "Translations to do" panel tell pages of the same name apart (the guide, the
Spanish title), mark out-of-date rows without relying on colour, and export ISO dates in the admin's
language; the Review dates export does the same."""

import csv
import io
import re

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.users.models import UserProfile

from pages.factories import GuideSectionPageFactory
from pages.models import GuidePage, GuideSectionPage, RevisionKind

pytestmark = pytest.mark.django_db
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture
def admin(client):
    user = get_user_model().objects.create_superuser("report-admin", "r@example.org", "a-long-password")
    client.force_login(user)
    return user


def working_in(user, language):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})


def spanish_version(section):
    return Page.objects.get(translation_key=section.translation_key, locale__language_code="es")


def make_out_of_date(section):
    """A substantive English publication after the Spanish page was marked in step."""
    page = GuideSectionPage.objects.get(pk=section.pk).get_latest_revision_as_object()
    page.revision_kind, page.change_summary = RevisionKind.SUBSTANTIVE, "New maintenance schedule."
    page.save_revision().publish()


def rows(html):
    return re.findall(r"<tr[^>]*>.*?</tr>", html, re.S)


def row_of(html, section):
    [row] = [row for row in rows(html) if f"/admin/pages/{section.pk}/edit/" in row]
    return row


def test_the_report_names_each_pages_guide_and_spanish_title(client, admin):
    html = client.get(reverse("translations_report")).content.decode()
    guide_of_row, guide = {}, None
    for row in rows(html):
        if heading := re.search(r'<th scope="colgroup"[^>]*>Guide: (.*?)</th>', row):
            guide = heading.group(1)
        elif edit := re.search(r'<a href="/admin/pages/(\d+)/edit/">', row):
            guide_of_row[int(edit.group(1))] = (guide, row)
    sections = GuideSectionPage.objects.filter(title="Phases of Treatment", locale__language_code="en")
    assert {guide_of_row[section.pk][0] for section in sections} == {
        section.get_parent().title for section in sections
    }
    assert len({section.get_parent().pk for section in sections}) == 2
    for section in sections:
        spanish = spanish_version(section)
        link = f'<a href="/admin/pages/{spanish.pk}/edit/">{spanish.draft_title}</a>'
        assert link in guide_of_row[section.pk][1]


def test_an_out_of_date_row_is_marked_by_an_icon_and_bold_words(client, admin):
    stale, current = GuideSectionPage.objects.filter(
        title="Phases of Treatment", locale__language_code="en"
    ).order_by("path")
    make_out_of_date(stale)
    html = client.get(reverse("translations_report")).content.decode()
    marked = row_of(html, stale)
    assert 'class="w-bg-warning-50"' in marked
    assert re.search(r"<strong[^>]*>\s*<svg[^>]*icon-warning.*?</svg>\s*Out of date</strong>", marked, re.S)
    unmarked = row_of(html, current)
    assert "icon-warning" not in unmarked and "<strong" not in unmarked and "In step" in unmarked


def csv_rows(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def xlsx_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows()]


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("en", ["Guide", "English page", "Spanish page", "Spanish version"]),
        ("es", ["Guía", "Página en inglés", "Página en español", "Versión en español"]),
    ],
)
def test_the_exports_carry_iso_dates_in_the_admins_language(client, admin, language, headings):
    stale = GuideSectionPage.objects.filter(title="Phases of Treatment", locale__language_code="en").first()
    make_out_of_date(stale)
    working_in(admin, language)
    url = reverse("translations_report")
    today = timezone.localdate()

    exported = csv_rows(client.get(url, {"export": "csv"}))
    assert exported[0][:4] == headings
    [row] = [row for row in exported[1:] if row[1] == stale.title and row[0] == stale.get_parent().title]
    assert row[2] == spanish_version(stale).draft_title
    assert row[5] == today.isoformat()  # out of date since
    assert ISO_DATE.match(row[6])  # in step since
    assert all(ISO_DATE.match(value) for line in exported[1:] for value in line[5:] if value)

    workbook = xlsx_rows(client.get(url, {"export": "xlsx"}))
    assert [cell.value for cell in workbook[0][:4]] == headings
    dates = [cell for line in workbook[1:] for cell in line[5:] if cell.value is not None]
    assert dates and all(cell.is_date and cell.number_format == "yyyy-mm-dd" for cell in dates)
    assert today.isoformat() in {cell.value.isoformat()[:10] for cell in dates}


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("en", ["Title", "Language", "Editorial board", "Updated", "Reviewed", "Next review due"]),
        ("es", ["Título", "Idioma", "Comité editorial", "Actualizada", "Revisada", "Próxima revisión"]),
    ],
)
def test_the_review_dates_export_carries_iso_dates_in_the_admins_language(client, admin, language, headings):
    working_in(admin, language)
    url = reverse("review_dates_report")
    exported = csv_rows(client.get(url, {"export": "csv"}))
    assert exported[0][:6] == headings
    assert all(ISO_DATE.match(value) for line in exported[1:] for value in line[3:6] if value)
    assert any(line[5] for line in exported[1:])

    workbook = xlsx_rows(client.get(url, {"export": "xlsx"}))
    assert [cell.value for cell in workbook[0][:6]] == headings
    dates = [cell for line in workbook[1:] for cell in line[3:6] if cell.value is not None]
    assert dates and all(cell.is_date and cell.number_format == "yyyy-mm-dd" for cell in dates)


def test_the_dashboard_panel_names_the_guide_and_the_spanish_title(client, admin):
    sections = GuideSectionPage.objects.filter(title="Phases of Treatment", locale__language_code="en")
    for section in sections:
        make_out_of_date(section)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = home[home.index('id="translations-to-do-heading"') :]
    for section in sections:
        spanish = spanish_version(section)
        link = f'<a href="{reverse("translation_status", args=[spanish.pk])}" lang="es">{spanish.draft_title}</a>'
        assert f"{link} ({section.get_parent().title} › {section.title})" in panel

    guide = GuidePage.objects.get(slug="childhood-all", locale__language_code="en")
    untranslated = GuideSectionPageFactory(parent=guide, title="Phases of Treatment", slug="phases-again")
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = home[home.index('id="translations-to-do-heading"') :]
    missing = panel[panel.index("Missing") :]
    translate = reverse("simple_translation:submit_page_translation", args=[untranslated.pk])
    assert f'<a href="{translate}">Phases of Treatment</a> ({guide.title})' in missing
