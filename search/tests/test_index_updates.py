"""Only live, public content is ever found, and what editors publish, unpublish, move or delete shows at once."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from glossary.models import GlossaryTerm
from pages.factories import GuidePageFactory
from pages.models import GuidePage, GuideSectionPage

from .helpers import published_section, result_urls

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=[False, True], ids=["render caches off", "render caches on"])
def each_way(request):
    """Every case also with searches' rankings kept for the content generation (search/query.py): each
    change must show at once there too."""
    if request.param:
        request.getfixturevalue("render_cache")


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser(
        "search-admin", "search@example.org", "a-long-test-password"
    )
    client.force_login(user)
    return client


def test_an_editor_publishes_unpublishes_and_deletes_a_section_in_the_admin(admin_client, client):
    guide = GuidePage.objects.get(slug="childhood-all")
    data = nested_form_data(
        {
            "title": "Quorbic diets",
            "slug": "quorbic-diets",
            "summary": "Eating quorbically during treatment.",
            "key_points": streamfield([("point", "Offer small meals often.")]),
            "body": streamfield([("rich_text", rich_text("<p>Small zephyrquorb meals are easier.</p>"))]),
            "revision_kind": "substantive",
            "change_summary": "New section on diets.",
        }
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=["pages", "guidesectionpage", guide.pk]), data
    )
    assert response.status_code == 302
    section = GuideSectionPage.objects.get(slug="quorbic-diets")
    assert result_urls(client, "en", "zephyrquorb") == ["/en/childhood-all/quorbic-diets/"]

    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[section.pk]))
    assert response.status_code == 302
    assert result_urls(client, "en", "zephyrquorb") == []

    section.save_revision().publish()
    assert result_urls(client, "en", "zephyrquorb") == ["/en/childhood-all/quorbic-diets/"]
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[section.pk]))
    assert response.status_code == 302
    assert not GuideSectionPage.objects.filter(pk=section.pk).exists()
    assert result_urls(client, "en", "zephyrquorb") == []


def test_a_draft_is_never_found_until_it_is_published(client, english_home):
    section = published_section(english_home, "The first quorbwalrus text.")
    section.body = [{"type": "rich_text", "value": "<p>The draft quorbnarwhal text.</p>"}]
    section.title = "Quorbnarwhal title"
    section.save_revision()
    assert result_urls(client, "en", "quorbnarwhal") == []
    assert result_urls(client, "en", "quorbwalrus") == [section.url]

    section.get_latest_revision().publish()
    assert result_urls(client, "en", "quorbnarwhal") == [section.url]
    assert result_urls(client, "en", "quorbwalrus") == []


def test_a_page_never_published_is_never_found(client, english_home):
    guide = GuidePageFactory(parent=english_home, live=False)
    draft = GuideSectionPage(
        title="Quorbdraft", slug="quorbdraft", summary="A quorbdraft.", live=False, body=[]
    )
    guide.add_child(instance=draft)
    draft.save_revision()
    assert result_urls(client, "en", "quorbdraft") == []


def test_private_pages_are_not_found_until_they_are_public_again(client, english_home):
    section = published_section(english_home, "A quorbsecret paragraph.")
    restriction = PageViewRestriction.objects.create(
        page=section.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="a-secret-password"
    )
    assert result_urls(client, "en", "quorbsecret") == []
    restriction.delete()
    assert result_urls(client, "en", "quorbsecret") == [section.url]


def test_a_moved_section_is_found_at_its_new_address_under_its_new_guide(client, english_home):
    section = published_section(english_home, "A quorbmoving paragraph.")
    new_guide = GuidePageFactory(parent=english_home, title="Quorb guide two", slug="quorb-guide-two")
    new_guide.save_revision().publish()
    section.move(new_guide, pos="last-child")
    section.refresh_from_db()
    html = client.get("/en/search/?q=quorbmoving").content.decode()
    assert f'href="/en/quorb-guide-two/{section.slug}/"' in html
    assert '<a href="/en/quorb-guide-two/">Quorb guide two</a>' in html


def test_a_renamed_guide_is_named_on_its_sections_results(client, english_home):
    section = published_section(english_home, "A quorbrename paragraph.")
    guide = section.get_parent().specific
    guide.title = "Quorb renamed guide"
    guide.save_revision().publish()
    assert ">Quorb renamed guide</a>" in client.get("/en/search/?q=quorbrename").content.decode()


def test_glossary_terms_are_found_once_published_and_not_after(client):
    term = GlossaryTerm(
        name_en="quorbitis",
        definition_en="<p>An inflammation of the quorb.</p>",
        name_es="quorbitis aguda",
        abbreviations_es="QBA",
        definition_es="<p>Una inflamación del quorb.</p>",
        live=False,
    )
    term.save()
    term.save_revision()
    assert result_urls(client, "en", "quorbitis") == []

    term.get_latest_revision().publish()
    assert result_urls(client, "en", "quorbitis") == ["/en/glossary/quorbitis/"]
    assert result_urls(client, "es", "QBA") == ["/es/glosario/quorbitis-aguda/"]

    term.refresh_from_db()
    term.unpublish()
    assert result_urls(client, "en", "quorbitis") == []
    assert result_urls(client, "es", "QBA") == []


def test_a_deleted_term_disappears(client):
    term = GlossaryTerm(name_en="quorbosis", definition_en="<p>Too much quorb.</p>", live=False)
    term.save()
    term.save_revision().publish()
    assert result_urls(client, "en", "quorbosis") == ["/en/glossary/quorbosis/"]
    term.delete()
    assert result_urls(client, "en", "quorbosis") == []
