"""Reviewed work is never overwritten: neither a second demo load nor an import goes over what an editor
published in the admin, and an import that says what the site says adds nothing."""

import copy
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import PageLogEntry, Revision

from pages.models import GuidePage, GuideSectionPage, PublicationRecord
from translations.models import TranslationStatus
from translations.status import pages_with_translation_status

from .admin_forms import edit_form_data

pytestmark = pytest.mark.django_db
GUIDE = settings.DEMO_CONTENT_DIR / "guides" / "childhood-all"
EDITED_TEXT = "An editor's reviewed sentence, published in the admin."


def english_section():
    guide = GuidePage.objects.get(slug="childhood-all", locale__language_code="en")
    return GuideSectionPage.objects.child_of(guide).get(slug="phases-of-treatment")


def publish_in_admin(client, page, kind, summary="", **changes):
    """Sign in as the demo managing editor and publish `page` through its edit form."""
    client.force_login(get_user_model().objects.get(username="managing_editor"))
    data = edit_form_data(client, page, **changes)
    data.update({"revision_kind": kind, "change_summary": summary, "action-publish": "action-publish"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    client.logout()


def body_with_new_first_paragraph(page):
    body = copy.deepcopy(list(page.get_latest_revision_as_object().body.raw_data))
    first = next(block for block in body if block["type"] == "rich_text")
    first["value"] = f"<p>{EDITED_TEXT}</p>" + first["value"]
    return body


def site_state():
    """Everything a loader or an import could change about the pages' editorial record."""
    return {
        "pages": sorted(
            GuideSectionPage.objects.values_list(
                "pk",
                "live",
                "live_revision_id",
                "latest_revision_id",
                "has_unpublished_changes",
                "last_updated",
                "last_reviewed",
                "next_review_due",
            )
        ),
        "revisions": Revision.objects.count(),
        "records": sorted(PublicationRecord.objects.values_list("pk", "published_at", "kind", "summary")),
        "log": PageLogEntry.objects.count(),
        "marks": sorted(TranslationStatus.objects.values_list("page_id", "source_revision_id", "in_step_at")),
        "translation_status": sorted(pages_with_translation_status().values_list("pk", "translation_status")),
    }


@pytest.fixture
def edited_section(client):
    """A section whose text an editor changed and published in the admin as a substantive change."""
    page = english_section()
    publish_in_admin(
        client, page, "substantive", "Reworded the opening.", body=body_with_new_first_paragraph(page)
    )
    page = english_section()
    assert EDITED_TEXT in client.get(page.url).content.decode()
    return page


def test_loading_the_demo_again_leaves_an_edited_and_published_section_alone(client, edited_section):
    before = site_state()
    out = StringIO()

    call_command("load_demo_content", stdout=out)

    assert site_state() == before
    assert EDITED_TEXT in client.get(edited_section.url).content.decode()
    for line in out.getvalue().splitlines():
        assert ": 0 created, 0 updated as drafts, 0 unchanged, " in line, line
        assert "already there (left as they are)." in line, line


def test_import_with_publish_refuses_a_page_edited_in_the_admin_and_saves_nothing(client, edited_section):
    before = site_state()
    admin_revision = edited_section.latest_revision

    with pytest.raises(CommandError) as error:
        call_command("import_guide", str(GUIDE), "--publish", stdout=StringIO())

    message = str(error.value)
    assert "phases-of-treatment.md: not published" in message
    assert f"'{edited_section.title}' (page {edited_section.pk})" in message
    assert f"revision {admin_revision.pk} by managing_editor" in message
    assert "--force" in message and "Nothing was imported." in message
    assert site_state() == before
    assert EDITED_TEXT in client.get(edited_section.url).content.decode()


def test_import_without_publish_only_adds_a_draft_and_the_live_page_stays(client, edited_section):
    before = site_state()

    out = StringIO()
    call_command("import_guide", str(GUIDE), stdout=out)

    page = english_section()
    assert "0 created, 1 updated as drafts" in out.getvalue()
    assert page.live_revision_id == edited_section.live_revision_id
    assert page.has_unpublished_changes
    assert Revision.objects.count() == before["revisions"] + 1
    assert EDITED_TEXT in client.get(page.url).content.decode()
    assert EDITED_TEXT not in str(page.get_latest_revision_as_object().body)


def test_import_with_force_publishes_the_file_over_the_admin_edit(client, edited_section):
    call_command("import_guide", str(GUIDE), "--publish", "--force", stdout=StringIO())

    page = english_section()
    assert EDITED_TEXT not in client.get(page.url).content.decode()
    assert page.live_revision_id != edited_section.live_revision_id


def test_an_admin_round_trip_with_no_change_is_not_a_change_for_the_importer(client):
    """Saving through Draftail adds block keys and reflows the HTML; the importer compares content."""
    page = english_section()
    publish_in_admin(client, page, "minor")
    after_admin = site_state()
    assert english_section().live_revision_id != page.live_revision_id  # the admin did publish a revision

    out = StringIO()
    call_command("import_guide", str(GUIDE), "--publish", stdout=out)

    assert "0 created, 0 updated as drafts" in out.getvalue()
    assert site_state() == after_admin


def test_importing_the_demo_guide_as_it_is_creates_nothing(client):
    before = site_state()
    out = StringIO()

    call_command("import_guide", str(GUIDE), "--publish", stdout=out)

    assert "0 created, 0 updated as drafts" in out.getvalue()
    assert "published" not in out.getvalue()
    assert site_state() == before
