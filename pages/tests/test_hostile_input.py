"""Hostile input in pages: markup in titles and text is shown as text, odd URLs are 404s, drafts stay private."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import nested_form_data, streamfield

from pages.models import GuidePage, GuideSectionPage

pytestmark = pytest.mark.django_db
SECTION = "/en/childhood-all/phases-of-treatment/"
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE wagtailcore_page; --",
    "\u202eevil\u202c \u200b zero-width \U0001f600",
    "{{ request }} {% debug %}",
]


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("hostile-admin", "h@example.org", "a-long-test-password")
    client.force_login(user)
    return client


def typed_text(text, link=None):
    """What Draftail posts when someone types (or pastes) text, optionally as one link."""
    entities = {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link}}} if link else {}
    ranges = [{"offset": 0, "length": len(text), "key": 0}] if link else []
    block = {"key": "a1b2c", "type": "unstyled", "text": text, "depth": 0}
    block |= {"inlineStyleRanges": [], "entityRanges": ranges, "data": {}}
    return json.dumps({"blocks": [block], "entityMap": entities})


def section_form(title, body, slug="hostile"):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": title,
            "key_points": streamfield([("point", title)]),
            "body": streamfield([("heading", {"text": title, "anchor": ""}), ("rich_text", body)]),
            "revision_kind": "substantive",
            "change_summary": title,
            "action-publish": "publish",
        }
    )


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_titles_and_text_is_shown_as_text(admin_client, payload):
    client = Client()
    guide = GuidePage.objects.get(slug="childhood-all", locale__language_code="en")
    url = reverse("wagtailadmin_pages:add", args=["pages", "guidesectionpage", guide.pk])
    response = admin_client.post(url, section_form(payload, typed_text(payload, link="javascript:alert(1)")))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = GuideSectionPage.objects.get(slug="hostile")
    assert page.live

    public = client.get(page.url)
    html = public.content.decode()
    assert public.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "javascript:" not in html
    assert "{% debug %}" in html or "{% debug %}" not in payload
    assert GuideSectionPage.objects.filter(slug="phases-of-treatment").exists()
    # The guide's other pages still render with the hostile title in their contents and the print view.
    assert client.get(guide.url).status_code == 200
    assert client.get(guide.url + "whole-guide/").status_code == 200


def test_a_title_longer_than_the_field_is_a_form_error(admin_client):
    guide = GuidePage.objects.get(slug="childhood-all", locale__language_code="en")
    url = reverse("wagtailadmin_pages:add", args=["pages", "guidesectionpage", guide.pk])
    response = admin_client.post(url, section_form("x" * 300, typed_text("text")))
    assert response.status_code == 200
    assert "at most 255 characters" in str(response.context["form"].errors)
    assert not GuideSectionPage.objects.filter(slug="hostile").exists()


@pytest.mark.parametrize(
    "path",
    [
        "/en/%00/",
        "/en/childhood-all/%ED%A0%80/",
        "/en/" + "a" * 5000 + "/",
        "/es/lla-infantil/%F0%9F%98%80/",
        "/en/childhood-all/whole-guide/extra/",
        "/en/../../etc/passwd",
        "/en/childhood-all/?q=%00&page=-1&lang=<script>",
    ],
)
def test_odd_urls_are_answered_without_error(client, path):  # an anonymous reader
    response = client.get(path)
    assert response.status_code in (200, 301, 302, 404)
    assert b"<script>" not in response.content


def test_drafts_and_previews_are_never_shown_to_anonymous_readers(admin_client):
    client = Client()
    page = GuideSectionPage.objects.filter(slug="phases-of-treatment", locale__language_code="en").first()
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    draft = page.specific
    draft.summary = "SECRET-DRAFT-WORDING"
    draft.save_revision(user=None)

    assert "SECRET-DRAFT-WORDING" not in client.get(page.url).content.decode()
    for url in (
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[page.pk]),
        edit,
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url
        assert "SECRET-DRAFT-WORDING" not in response.content.decode()
    # The editor, signed in, does see it.
    assert (
        "SECRET-DRAFT-WORDING"
        in admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk])).content.decode()
    )


def upload(admin_client, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return admin_client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def png_bytes(size=(4, 4)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_uploaded_images_are_checked_by_type_and_size(admin_client, settings):
    images = get_image_model().objects
    before = images.count()

    def refused(response):
        assert response.status_code == 200
        return " ".join(response.context["form"].errors["file"])

    assert "does not match the file format" in refused(
        upload(admin_client, "fake.png", b"<script>alert(1)</script>")
    )
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert "Not a supported image format" in refused(upload(admin_client, "drawing.svg", svg))
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    assert "too big" in refused(upload(admin_client, "big.png", png_bytes((600, 600)) + b"\0" * 2048))
    assert images.count() == before

    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
    good = upload(admin_client, "good.png", png_bytes())
    assert good.status_code == 302
    assert images.count() == before + 1
