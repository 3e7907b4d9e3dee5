"""Translators edit and submit Spanish pages only; they cannot publish or touch English pages."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.models import GuideSectionPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator_client(client):
    client.force_login(get_user_model().objects.get(username="translator"))
    return client


def section_form(page, **extra):
    return nested_form_data(
        {
            "title": page.title + " (revisada)",
            "slug": page.slug,
            "summary": page.summary,
            "key_points": streamfield([("point", "Un punto.")]),
            "body": streamfield([("rich_text", rich_text("<p>Texto revisado.</p>"))]),
            "revision_kind": "substantive",
            "change_summary": "Texto revisado.",
            **extra,
        }
    )


def test_translator_edits_and_submits_a_spanish_page(translator_client):
    spanish = GuideSectionPage.objects.get(slug="que-es-la-lla")
    url = reverse("wagtailadmin_pages:edit", args=[spanish.pk])
    assert translator_client.get(url).status_code == 200
    response = translator_client.post(url, section_form(spanish, **{"action-submit": "Submit"}))
    assert response.status_code == 302
    spanish.refresh_from_db()
    assert (
        spanish.has_unpublished_changes and spanish.title == "¿Qué es la leucemia linfoblástica aguda (LLA)?"
    )
    state = WorkflowState.objects.get(object_id=str(spanish.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == "Spanish review"


def test_translator_cannot_publish_a_spanish_page(translator_client):
    spanish = GuideSectionPage.objects.get(slug="que-es-la-lla")
    live_title = spanish.title
    url = reverse("wagtailadmin_pages:edit", args=[spanish.pk])
    translator_client.post(url, section_form(spanish, **{"action-publish": "Publish"}))
    spanish.refresh_from_db()
    assert spanish.title == live_title  # the live page is unchanged


def test_translator_cannot_edit_an_english_page(translator_client):
    english = GuideSectionPage.objects.get(slug="what-is-all")
    url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    response = translator_client.get(url)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    before = english.revisions.count()
    translator_client.post(url, section_form(english))
    assert english.revisions.count() == before
