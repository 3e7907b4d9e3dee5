"""Editors work on guide pages in the Wagtail admin: forms for every page type, drafts, blocks."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.models import GuidePage, GuideSectionPage, HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser(
        "editor-admin", "editor@example.org", "a-long-test-password"
    )
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("model", "slug"),
    [(HomePage, "home"), (GuidePage, "childhood-all"), (GuideSectionPage, "phases-of-treatment")],
)
def test_edit_forms_open_for_every_page_type(admin_client, model, slug):
    page = model.objects.filter(slug=slug).first()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_editor_saves_a_new_section_as_a_draft_that_families_cannot_see(admin_client):
    guide = GuidePage.objects.get(slug="childhood-all")
    data = nested_form_data(
        {
            "title": "Nutrition during treatment",
            "slug": "nutrition",
            "summary": "Eating well helps your child cope with treatment.",
            "key_points": streamfield([("point", "Offer small meals often.")]),
            "body": streamfield(
                [
                    ("heading", {"text": "Eating well", "anchor": ""}),
                    ("rich_text", rich_text("<p>Small meals are easier.</p>")),
                    (
                        "questions",
                        {
                            "title": "Ask the dietitian",
                            "questions": streamfield([("item", "What should we avoid?")]),
                        },
                    ),
                ]
            ),
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["pages", "guidesectionpage", guide.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response

    section = GuideSectionPage.objects.get(slug="nutrition")
    assert not section.live and section.latest_revision is not None
    assert section.get_parent().pk == guide.pk
    admin_client.logout()
    assert admin_client.get("/en/childhood-all/nutrition/").status_code == 404


def test_publishing_a_section_without_body_is_refused_with_a_form_error(admin_client):
    guide = GuidePage.objects.get(slug="childhood-all")
    data = nested_form_data(
        {
            "title": "Empty",
            "slug": "empty",
            "summary": "Nothing.",
            "key_points": streamfield([]),
            "body": streamfield([]),
        }
    )
    data["action-publish"] = "action-publish"
    url = reverse("wagtailadmin_pages:add", args=["pages", "guidesectionpage", guide.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not GuideSectionPage.objects.filter(slug="empty").exists()


def test_editor_previews_a_draft_section_before_it_exists(admin_client):
    guide = GuidePage.objects.get(slug="childhood-all")
    data = nested_form_data(
        {
            "title": "Preview only",
            "slug": "preview-only",
            "summary": "Seen only in the preview.",
            "key_points": streamfield([("point", "A point.")]),
            "body": streamfield([("heading", {"text": "Preview heading", "anchor": ""})]),
        }
    )
    url = reverse("wagtailadmin_pages:preview_on_add", args=["pages", "guidesectionpage", guide.pk])
    assert admin_client.post(url, data).json()["is_valid"] is True
    html = admin_client.get(url).content.decode()
    assert "Preview heading" in html and 'aria-current="page"' in html
    assert not GuideSectionPage.objects.filter(slug="preview-only").exists()
