"""Keeping the Spanish guide in step: making a translation, its status, the notice families see, the admin tools."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.factories import GuideSectionPageFactory
from pages.models import GuidePage, GuideSectionPage, RevisionKind
from translations.models import TranslationStatus
from translations.status import pages_with_translation_status

pytestmark = pytest.mark.django_db

ENGLISH_TEXT = "<p>After induction, the care team tests for MRD in the bone marrow.</p>"
SPANISH_WITH_TERM = (
    "<p>Después de la inducción, el equipo busca la enfermedad residual mínima en la médula ósea.</p>"
)
SPANISH_WITHOUT_TERM = "<p>Después de la inducción, el equipo hace pruebas en la médula ósea.</p>"


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("translation-admin", "t@example.org", "a-long-password")
    client.force_login(user)
    return client


def publish(page, kind, summary="A change."):
    page = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    page.revision_kind, page.change_summary = kind, summary
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def english():
    guide = GuidePage.objects.get(slug="childhood-all", locale__language_code="en")
    section = GuideSectionPageFactory(
        parent=guide,
        live=False,
        title="Testing after induction",
        slug="testing-after-induction",
        body=[{"type": "rich_text", "value": ENGLISH_TEXT}],
    )
    return publish(section, RevisionKind.SUBSTANTIVE)


def translate(admin_client, page):
    """Make the Spanish version through simple_translation's admin form."""
    spanish = Locale.objects.get(language_code="es")
    url = reverse("simple_translation:submit_page_translation", args=[page.pk])
    response = admin_client.post(url, {"locales": [spanish.pk]})
    assert response.status_code == 302
    return GuideSectionPage.objects.get(translation_key=page.translation_key, locale=spanish)


def publish_in_admin(admin_client, page, body=SPANISH_WITH_TERM, in_step=True):
    data = nested_form_data(
        {
            "title": "Pruebas después de la inducción",
            "slug": page.slug,
            "summary": "Qué pruebas se hacen después de la inducción.",
            "key_points": streamfield([("point", "Un punto clave.")]),
            "body": streamfield([("rich_text", rich_text(body))]),
            "revision_kind": RevisionKind.SUBSTANTIVE,
            "change_summary": "Traducción actualizada.",
        }
    )
    data["action-publish"] = "in-step" if in_step else "action-publish"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return GuideSectionPage.objects.get(pk=page.pk)


def status_of(page):
    return pages_with_translation_status().get(translation_key=page.translation_key)


def test_a_translation_starts_as_a_draft_in_the_spanish_tree(admin_client, english):
    assert status_of(english).translation_status == "missing"
    spanish = translate(admin_client, english)
    assert not spanish.live
    assert spanish.get_parent().specific.locale.language_code == "es"
    assert status_of(english).translation_status == "draft"
    assert not TranslationStatus.objects.filter(page=spanish).exists()


def test_in_step_out_of_date_and_back_with_the_notice_families_see(admin_client, client, english):
    spanish = publish_in_admin(admin_client, translate(admin_client, english))
    assert status_of(english).translation_status == "in_step"
    assert "Estamos actualizando" not in client.get(spanish.url).content.decode()

    english = publish(english, RevisionKind.MINOR)
    assert status_of(english).translation_status == "in_step"  # minor corrections do not count

    english = publish(english, RevisionKind.SUBSTANTIVE)
    row = status_of(english)
    assert (row.translation_status, row.behind) == ("out_of_date", 1)
    html = client.get(spanish.url).content.decode()
    updated = english.last_updated
    months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
              "octubre", "noviembre", "diciembre"]  # fmt: skip
    spanish_date = f"{updated.day} de {months[updated.month - 1]} de {updated.year}"
    assert (
        f"La versión en inglés de esta página se actualizó el {spanish_date}. "
        "Estamos actualizando esta traducción."
    ) in html
    assert f'href="{english.url}"' in html

    publish(english, RevisionKind.SUBSTANTIVE)
    assert status_of(english).behind == 2
    publish_in_admin(admin_client, spanish, in_step=False)  # a plain publish keeps the old mark
    assert status_of(english).translation_status == "out_of_date"

    publish_in_admin(admin_client, spanish)
    assert status_of(english).translation_status == "in_step"
    assert "Estamos actualizando" not in client.get(spanish.url).content.decode()


def test_the_notice_costs_no_query_of_its_own(admin_client, client, english):
    spanish = publish_in_admin(admin_client, translate(admin_client, english))
    client.get(spanish.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(spanish.url)
    query_count_in_step = len(queries)
    publish(english, RevisionKind.SUBSTANTIVE)
    client.get(spanish.url)
    with CaptureQueriesContext(connection) as queries:
        assert "Estamos actualizando" in client.get(spanish.url).content.decode()
    assert len(queries) == query_count_in_step


def test_every_demo_page_has_a_live_spanish_translation():
    """Each is in step, but for the one the demo history leaves behind its English page (demo/tests)."""
    statuses = {row.slug: row.translation_status for row in pages_with_translation_status()}
    assert statuses and set(statuses.values()) <= {"in_step", "out_of_date"}


def test_report_lists_filters_and_exports_every_english_page(admin_client, english):
    spanish = publish_in_admin(admin_client, translate(admin_client, english))
    publish(english, RevisionKind.SUBSTANTIVE)
    url = reverse("translations_report")
    everything = admin_client.get(url).content.decode()
    assert english.title in everything and "Phases of Treatment" in everything

    stale = admin_client.get(url, {"translation_status": "out_of_date"}).content.decode()
    assert english.title in stale and "Phases of Treatment" not in stale
    assert reverse("translation_status", args=[spanish.pk]) in stale

    export = admin_client.get(url, {"translation_status": "out_of_date", "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert [english.title, "Out of date", "1"] in [row[:3] for row in rows[1:]]
    assert admin_client.get(url, {"export": "xlsx"}).status_code == 200


def test_dashboard_panel_lists_missing_and_out_of_date_pages(admin_client, english):
    home = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    panel = home[home.index('id="translations-to-do-heading"') :]
    assert english.title in panel[panel.index("Missing") :]

    publish_in_admin(admin_client, translate(admin_client, english))
    publish(english, RevisionKind.SUBSTANTIVE)
    home = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    panel = home[home.index('id="translations-to-do-heading"') :]
    assert english.title in panel[: panel.index("</ul>")]
    assert "1 substantive English change since" in panel


def test_status_page_links_to_the_english_revision_comparison(admin_client, english):
    spanish = publish_in_admin(admin_client, translate(admin_client, english))
    translated_from = english.live_revision_id
    english = publish(english, RevisionKind.SUBSTANTIVE)
    html = admin_client.get(reverse("translation_status", args=[spanish.pk])).content.decode()
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[english.pk, translated_from, "live"])
    assert compare in html
    assert admin_client.get(compare).status_code == 200
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[spanish.pk])).content.decode()
    assert reverse("translation_status", args=[spanish.pk]) in edit
    assert "Publish, in step with English" in edit


def test_glossary_check_warns_of_a_missing_spanish_term_and_is_quiet_when_present(admin_client, english):
    spanish = publish_in_admin(admin_client, translate(admin_client, english), body=SPANISH_WITHOUT_TERM)
    url = reverse("translation_status", args=[spanish.pk])
    html = admin_client.get(url).content.decode()
    assert (
        "minimal residual disease (MRD) appears in English; “enfermedad residual mínima” not found." in html
    )

    publish_in_admin(admin_client, spanish, body=SPANISH_WITH_TERM)
    html = admin_client.get(url).content.decode()
    assert "enfermedad residual mínima” not found" not in html
    assert "Every glossary term of the English page is in this translation." in html


def test_status_page_is_refused_to_users_who_cannot_edit_the_page(client):
    user = get_user_model().objects.create_user("someone", password="a-long-password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    spanish = GuideSectionPage.objects.filter(locale__language_code="es").first()
    response = client.get(reverse("translation_status", args=[spanish.pk]))
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))  # Wagtail's refusal


def test_a_publisher_marks_a_workflow_published_translation_in_step_from_its_status(admin_client, english):
    spanish = publish_in_admin(admin_client, translate(admin_client, english))
    publish(english, RevisionKind.SUBSTANTIVE)
    url = reverse("translation_status", args=[spanish.pk])
    assert "mark it in step" in admin_client.get(url).content.decode()
    assert admin_client.post(url).status_code == 302
    assert status_of(english).translation_status == "in_step"
    assert "mark it in step" not in admin_client.get(url).content.decode()


def test_a_substantive_change_to_an_english_guide_flags_only_its_spanish_guide_page(client):
    guide = GuidePage.objects.get(slug="childhood-all", locale__language_code="en")
    spanish_guide = guide.get_translation(Locale.objects.get(language_code="es"))
    publish(guide, RevisionKind.SUBSTANTIVE)
    html = client.get(spanish_guide.url).content.decode()
    assert "Estamos actualizando esta traducción." in html and f'href="{guide.url}"' in html
    section = GuideSectionPage.objects.live().child_of(spanish_guide).first()
    assert "Estamos actualizando" not in client.get(section.url).content.decode()
    assert "Estamos actualizando" not in client.get(guide.url).content.decode()
