"""The view's cost does not grow with the section, and it is cached like every public page until either side
is published."""

import pytest
from django.core.cache import cache

from pages.factories import GuidePageFactory, GuideSectionPageFactory
from serving.tests import recording_backend

from .helpers import (
    GUIDE_SIDE_BY_SIDE,
    SIDE_BY_SIDE,
    demo_section,
    english_section,
    publish,
    side_by_side_url,
    translated,
)

pytestmark = pytest.mark.django_db
QUERY_BUDGET = 12  # SQL queries for an uncached side-by-side view: the section page's budget


def query_count(client, url, django_assert_max_num_queries):
    client.get(url)  # the first request warms per-process caches (site root paths)
    with django_assert_max_num_queries(QUERY_BUDGET) as queries:
        response = client.get(url)
    assert response.status_code == 200
    print(url, len(queries))  # shown with -s: the figures docs/side-by-side.md gives
    return len(queries)


@pytest.mark.parametrize("language", ["en", "es"])
def test_query_count_is_the_same_with_5_or_100_blocks(client, language, django_assert_max_num_queries):
    counts = []
    for blocks in (5, 100):
        english = english_section(blocks=blocks)
        page = english if language == "en" else translated(english)
        if language == "en":
            translated(english)
        counts.append(query_count(client, side_by_side_url(page, language), django_assert_max_num_queries))
    assert counts[0] == counts[1]


def translated_guide(home, sections):
    guide = GuidePageFactory(parent=home)
    translated(guide)
    for _ in range(sections):
        translated(GuideSectionPageFactory(parent=guide))
    return guide


@pytest.mark.parametrize("language", ["en", "es"])
def test_whole_guide_query_count_does_not_grow_with_sections(
    client, english_home, language, django_assert_max_num_queries
):
    counts = []
    for sections in (2, 8):
        guide = translated_guide(english_home, sections)
        if language == "es":
            guide = guide.get_translations().get()
        counts.append(query_count(client, side_by_side_url(guide, language), django_assert_max_num_queries))
    assert counts[0] == counts[1]


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response["X-Page-Cache"], response.content.decode()


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize("published", ["en", "es"])
def test_cached_until_either_side_is_published(client, published):
    url = SIDE_BY_SIDE["en"]
    assert fetch(client, url)[0] == "miss"
    state, html = fetch(client, url)
    assert state == "hit"
    section = demo_section(published)
    new_title = f"{section.title} (revised)"
    assert new_title not in html
    publish(section, title=new_title)
    state, html = fetch(client, url)
    assert state == "miss" and new_title in html


def test_a_cdn_is_purged_of_the_views_showing_a_published_section(
    settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "serving.tests.recording_backend.RecordingBackend"}
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    recording_backend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish(demo_section("es"))
    origin = demo_section("en").full_url.split("/en/", 1)[0]
    expected = {*SIDE_BY_SIDE.values(), *GUIDE_SIDE_BY_SIDE.values()}
    assert {origin + path for path in expected} <= set(recording_backend.purged)
