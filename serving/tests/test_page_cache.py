"""The full-page cache as readers meet it: hits, headers, 304s, what is never cached, and invalidation by
every kind of change a page shows."""

import re

import pytest
from django.utils import timezone

from glossary.models import GlossaryTerm
from pages.models import GuidePage, GuideSectionPage, RevisionKind

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

SECTION = "/en/childhood-all/phases-of-treatment/"
SPANISH_SECTION = "/es/lla-infantil/fases-del-tratamiento/"


def read(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code in (200, 304)
    return response


def cached_html(client, url):
    """The page as the cache now holds it: a first request stores it, the second must be a hit."""
    read(client, url)
    response = read(client, url)
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.revision_kind = RevisionKind.MINOR
    page.save_revision().publish()


def contents(html):
    return re.search(r'<nav class="guide-contents".*?</nav>', html, re.S).group(0)


def sibling_of(url):
    page = GuideSectionPage.objects.get(url_path__endswith=url.removeprefix("/en"))
    return GuideSectionPage.objects.sibling_of(page, inclusive=False).live().first()


def test_second_anonymous_request_is_served_from_the_cache_with_public_headers(client):
    first = read(client, SECTION)
    second = read(client, SECTION)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    cache_control = {part.strip() for part in second["Cache-Control"].split(",")}
    assert {"public", "max-age=60", "s-maxage=300"} <= cache_control
    assert "Cookie" in second["Vary"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["ETag"] == first["ETag"]


def test_a_matching_etag_gets_304_without_a_body(client):
    etag = read(client, SECTION)["ETag"]
    for _attempt in range(2):  # on the miss that stores the page and on a hit
        response = read(client, SECTION, if_none_match=etag)
        assert response.status_code == 304 and response.content == b""
    assert read(client, SECTION, if_none_match='"something-else"').status_code == 200


def test_signed_in_readers_are_never_cached(client, django_user_model):
    read(client, SECTION)  # an anonymous copy exists
    user = django_user_model.objects.create_user("reader", password="unused-password-1234")
    client.force_login(user)
    response = read(client, SECTION)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_admin_and_previews_are_never_cached(admin_client):
    page = GuideSectionPage.objects.get(url_path__endswith="/childhood-all/phases-of-treatment/")
    client_response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert "X-Page-Cache" not in client_response
    admin_client.logout()
    assert "X-Page-Cache" not in admin_client.get("/admin/login/")


def test_unknown_query_parameters_bypass_the_cache(client):
    assert "X-Page-Cache" not in read(client, SECTION + "?utm_source=x")
    assert read(client, SECTION + "?untranslated=1")["X-Page-Cache"] == "miss"


def test_not_found_pages_are_not_cached(client):
    assert "X-Page-Cache" not in client.get("/en/no-such-page/")


def test_publishing_the_page_itself_shows_at_once(client):
    cached_html(client, SECTION)
    page = GuideSectionPage.objects.get(url_path__endswith="/childhood-all/phases-of-treatment/")
    publish(page, summary="A summary published a moment ago.")
    assert "A summary published a moment ago." in read(client, SECTION).content.decode()


def test_a_new_title_reaches_the_guide_contents_of_other_sections(client):
    sibling = sibling_of(SECTION)
    assert sibling.title in contents(cached_html(client, SECTION))
    publish(sibling, title="A renamed sibling section")
    assert "A renamed sibling section" in contents(read(client, SECTION).content.decode())


def test_unpublishing_moving_and_deleting_a_section_leave_the_contents(client):
    guide = GuidePage.objects.get(slug="childhood-all")
    first, second, third = list(guide.sections())[-3:]
    other_guide = GuidePage.objects.get(slug="adult-all")
    url = guide.sections().first().url

    for page, change in ((first, "unpublish"), (second, "move"), (third, "delete")):
        assert page.title in contents(cached_html(client, url))
        if change == "unpublish":
            page.unpublish()
        elif change == "move":
            page.move(other_guide, pos="last-child")
        else:
            page.delete()
        assert page.title not in contents(read(client, url).content.decode()), change


def test_a_glossary_term_taken_offline_stops_being_linked(client):
    term = GlossaryTerm.objects.get(slug="bone-marrow")
    link = 'href="/en/glossary/bone-marrow/"'
    pages_linking = [SECTION, "/en/childhood-all/"]
    url = next(url for url in pages_linking if link in read(client, url).content.decode())
    assert link in cached_html(client, url)
    term.unpublish()
    assert link not in read(client, url).content.decode()


def test_a_translation_status_change_shows_or_hides_the_out_of_date_notice(
    client, spanish_section_out_of_date
):
    status = spanish_section_out_of_date
    assert "translation-notice" in cached_html(client, SPANISH_SECTION)
    status.in_step_at = timezone.now()
    status.save()
    assert "translation-notice" not in read(client, SPANISH_SECTION).content.decode()


def test_a_renamed_editorial_board_shows_on_its_guide(client):
    guide = GuidePage.objects.select_related("board").get(slug="childhood-all")
    assert guide.board.name_en in cached_html(client, guide.url)
    guide.board.name_en = "Renamed Pediatric Board"
    guide.board.save()
    assert "Renamed Pediatric Board" in read(client, guide.url).content.decode()
