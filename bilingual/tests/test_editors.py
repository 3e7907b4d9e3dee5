"""For editors and translators: "Translate" keeps block ids, the importer shares them, the status page's coverage."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from bilingual.alignment import coverage, slots
from pages.importer import read_guide_folder, share_block_ids
from pages.models import GuidePage, GuideSectionPage

from .helpers import english_section, publish, side_by_side_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("side-by-side-admin", "s@example.org", "a-long-password")
    client.force_login(user)
    return client


@pytest.fixture
def translator_client():
    translator = Client()
    translator.force_login(get_user_model().objects.get(username="translator"))
    return translator


def translate_in_admin(client, english):
    """The admin's "Translate" (wagtail.contrib.simple_translation)."""
    spanish = Locale.objects.get(language_code="es")
    url = reverse("simple_translation:submit_page_translation", args=[english.pk])
    response = client.post(url, {"locales": [spanish.pk]})
    assert response.status_code == 302
    return GuideSectionPage.objects.get(translation_key=english.translation_key, locale=spanish)


def test_a_spanish_draft_made_with_translate_keeps_every_block_id(admin_client):
    english = english_section(blocks=6)
    spanish = translate_in_admin(admin_client, english)
    draft = spanish.get_latest_revision_as_object()
    ids = [block.id for block in english.body]
    assert len(set(ids)) == 6
    assert [block.id for block in draft.body] == ids


def test_the_status_page_shows_coverage_what_is_missing_and_links_to_the_view(
    admin_client, translator_client
):
    english = english_section(blocks=6)
    spanish = translate_in_admin(admin_client, english)
    status_url = reverse("translation_status", args=[spanish.pk])
    html = translator_client.get(status_url).content.decode()
    assert "100% of the English blocks have a matching block in this translation (6 of 6)." in html
    assert "Read it beside the English page" not in html  # a draft: nothing to read side by side yet

    blocks = list(spanish.get_latest_revision_as_object().body.raw_data)
    publish(spanish, body=blocks[:5])  # the translator left out the last paragraph
    html = translator_client.get(status_url).content.decode()
    assert "83% of the English blocks have a matching block in this translation (5 of 6)." in html
    assert '<li><strong>Text</strong>: <span lang="en">Paragraph 5 about bone marrow.</span></li>' in html
    view_url = side_by_side_url(GuideSectionPage.objects.get(pk=spanish.pk), "es")
    assert f'href="{view_url}"' in html
    assert Client().get(view_url).status_code == 200


@pytest.mark.parametrize("guide_slug", ["childhood-all", "adult-all"])
def test_the_demo_guides_align_fully(guide_slug):
    """The importer gives both languages of every demo section the same block ids."""
    english_guide = GuidePage.objects.get(slug=guide_slug, locale__language_code="en")
    spanish_guide = english_guide.get_translation(Locale.objects.get(language_code="es"))
    spanish = {page.translation_key: page for page in spanish_guide.sections()}
    sections = list(english_guide.sections())
    assert sections and len(spanish) == len(sections)
    for section in sections:
        assert coverage(slots(section.body), slots(spanish[section.translation_key].body)) == 1, section.slug


def test_imported_block_ids_are_the_same_on_every_import_and_differ_between_sections(settings):
    folder = settings.BASE_DIR / "content" / "guides" / "childhood-all"
    first, second = read_guide_folder(folder), read_guide_folder(folder)
    share_block_ids(first)
    share_block_ids(second)
    ids = [block["id"] for content in first["en"][1:] for block in content.body]
    assert ids == [block["id"] for content in second["en"][1:] for block in content.body]
    assert len(set(ids)) == len(ids)


def test_a_translation_file_with_another_structure_gets_ids_of_its_own(settings):
    languages = read_guide_folder(settings.BASE_DIR / "content" / "guides" / "childhood-all")
    spanish = languages["es"][1]
    spanish.body = spanish.body[1:]  # the first block left out
    share_block_ids(languages)
    english = next(content for content in languages["en"] if content.slug == spanish.translation_of)
    assert not {block["id"] for block in english.body} & {block["id"] for block in spanish.body}
    untouched = languages["es"][2]
    source = next(content for content in languages["en"] if content.slug == untouched.translation_of)
    assert [block["id"] for block in untouched.body] == [block["id"] for block in source.body]
