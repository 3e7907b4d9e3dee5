"""Every kind of change a page shows reaches the next reader, through each cache layer: the full-page cache
(serving/middleware.py) and, with it off, the render caches (RENDER_CACHE)."""

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from glossary.models import GlossaryTerm
from pages.models import GuidePage, GuideSectionPage

from .helpers import SECTION, SPANISH_SECTION, WHOLE_GUIDE, contents, publish

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["page_cache", "render_cache"])
def layer(request):
    request.getfixturevalue(request.param)
    return request.param


def fresh(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def warm(client, url, layer):
    """The page as the layer now holds it: the first request fills it, the second must come from it."""
    first = client.get(url)
    second = client.get(url)
    if layer == "page_cache":
        assert second["X-Page-Cache"] == "hit"
    assert second.status_code == 200 and second.content == first.content
    return second.content.decode()


def test_a_new_title_reaches_the_guide_contents_of_other_sections(client, layer):
    page = GuideSectionPage.objects.get(url_path__endswith="/childhood-all/phases-of-treatment/")
    sibling = GuideSectionPage.objects.sibling_of(page, inclusive=False).live().first()
    assert sibling.title in contents(warm(client, SECTION, layer))
    publish(sibling, title="A renamed sibling section")
    assert "A renamed sibling section" in contents(fresh(client, SECTION))


def test_unpublishing_moving_and_deleting_a_section_leave_the_contents(client, layer):
    guide = GuidePage.objects.get(slug="childhood-all")
    first, second, third = list(guide.sections())[-3:]
    other_guide = GuidePage.objects.get(slug="adult-all")
    url = guide.sections().first().url
    for page, change in ((first, "unpublish"), (second, "move"), (third, "delete")):
        assert page.title in contents(warm(client, url, layer))
        if change == "unpublish":
            page.unpublish()
        elif change == "move":
            page.move(other_guide, pos="last-child")
        else:
            page.delete()
        assert page.title not in contents(fresh(client, url)), change


def test_a_page_made_private_leaves_readers_and_the_contents_and_comes_back(client, layer):
    page = GuideSectionPage.objects.get(url_path__endswith="/childhood-all/phases-of-treatment/")
    sibling = GuideSectionPage.objects.sibling_of(page, inclusive=False).live().first()
    assert sibling.title in contents(warm(client, SECTION, layer))
    warm(client, sibling.url, layer)
    restriction = PageViewRestriction.objects.create(page=sibling, restriction_type=PageViewRestriction.LOGIN)
    assert sibling.title not in contents(fresh(client, SECTION))
    response = client.get(sibling.url)
    assert response.status_code == 302 and "login" in response["Location"]
    restriction.delete()
    assert sibling.title in contents(fresh(client, SECTION))
    assert client.get(sibling.url).status_code == 200


def test_a_glossary_term_taken_offline_stops_being_linked(client, layer):
    link = 'href="/en/glossary/bone-marrow/"'
    assert link in warm(client, WHOLE_GUIDE, layer)
    GlossaryTerm.objects.get(slug="bone-marrow").unpublish()
    assert link not in fresh(client, WHOLE_GUIDE)


def test_a_translation_status_change_shows_or_hides_the_out_of_date_notice(
    client, layer, spanish_section_out_of_date
):
    status = spanish_section_out_of_date
    assert "translation-notice" in warm(client, SPANISH_SECTION, layer)
    status.in_step_at = timezone.now()
    status.save()
    assert "translation-notice" not in fresh(client, SPANISH_SECTION)


def test_a_renamed_editorial_board_shows_on_its_guide(client, layer):
    guide = GuidePage.objects.select_related("board").get(slug="childhood-all")
    assert guide.board.name_en in warm(client, guide.url, layer)
    guide.board.name_en = "Renamed Pediatric Board"
    guide.board.save()
    assert "Renamed Pediatric Board" in fresh(client, guide.url)
