"""A section page as families get it: navigation around the content, the whole-guide view, and its cost."""

import re

import pytest
from wagtail.models import PageViewRestriction

from pages.factories import GuidePageFactory, GuideSectionPageFactory, body_blocks
from pages.models import GuidePage, GuideSectionPage

pytestmark = pytest.mark.django_db


QUERY_BUDGET = 12  # SQL queries for an uncached section page, whatever its length or its guide's size


def query_count(client, url, django_assert_max_num_queries):
    """Queries of a second, uncached request (the first warms per-process caches: site root paths)."""
    client.get(url)
    with django_assert_max_num_queries(QUERY_BUDGET) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response  # the full-page cache is off in tests: this is the real cost
    return len(queries)


@pytest.fixture(params=["en", "es"])
def home(request, english_home, spanish_home):
    """Each budget holds in both languages (Spanish pages also look up their English source)."""
    return english_home if request.param == "en" else spanish_home


def make_guide(home, sections, blocks_per_section=4):
    guide = GuidePageFactory(parent=home, locale=home.locale)
    pages = [
        GuideSectionPageFactory(parent=guide, locale=home.locale, body=body_blocks(blocks_per_section))
        for _ in range(sections)
    ]
    return guide, pages


def test_section_page_shows_breadcrumbs_contents_on_this_page_and_neighbours(client):
    response = client.get("/en/childhood-all/phases-of-treatment/")
    html = response.content.decode()
    guide = GuidePage.objects.get(slug="childhood-all")
    sections = list(guide.sections())
    position = [s.slug for s in sections].index("phases-of-treatment")

    breadcrumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert 'href="/en/"' in breadcrumbs and 'href="/en/childhood-all/"' in breadcrumbs
    contents = re.search(r'<nav class="guide-contents".*?</nav>', html, re.S).group(0)
    assert contents.count("<li>") == len(sections)
    assert re.search(r'href="/en/childhood-all/phases-of-treatment/" aria-current="page"', contents)
    on_this_page = re.search(r'<nav class="on-this-page".*?</nav>', html, re.S).group(0)
    anchors = re.findall(r'href="#([^"]+)"', on_this_page)
    assert anchors and all(f'id="{anchor}"' in html for anchor in anchors)
    assert f'rel="prev" href="{sections[position - 1].url}"' in html
    assert f'rel="next" href="{sections[position + 1].url}"' in html


def test_first_and_last_sections_have_one_neighbour(client, english_home):
    guide, (first, middle, last) = make_guide(english_home, sections=3)
    first_html = client.get(first.url).content.decode()
    last_html = client.get(last.url).content.decode()
    assert 'rel="prev"' not in first_html and f'rel="next" href="{middle.url}"' in first_html
    assert 'rel="next"' not in last_html and f'rel="prev" href="{middle.url}"' in last_html


def test_guide_page_lists_its_live_sections_in_order(client, english_home):
    guide, sections = make_guide(english_home, sections=3)
    draft = GuideSectionPageFactory(parent=guide, live=False, title="Unpublished draft section")
    html = client.get(guide.url).content.decode()
    positions = [html.index(section.title) for section in sections]
    assert positions == sorted(positions)
    assert draft.title not in html
    assert f'href="{guide.url}whole-guide/"' in html


def test_whole_guide_renders_every_section_in_order_with_unique_ids(client):
    guide = GuidePage.objects.get(slug="childhood-all")
    response = client.get("/en/childhood-all/whole-guide/")
    html = response.content.decode()
    titles = [section.title for section in guide.sections()]
    assert len(titles) >= 12
    positions = [html.index(f'class="section-title">{title}<') for title in titles]
    assert positions == sorted(positions)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "heading anchors of different sections must not collide"


def test_whole_guide_path_is_in_the_readers_language(client):
    assert client.get("/es/lla-infantil/guia-completa/").status_code == 200
    assert client.get("/es/lla-infantil/whole-guide/").status_code == 404
    assert client.get("/en/childhood-all/guia-completa/").status_code == 404


@pytest.mark.parametrize(
    "url", ["/en/childhood-all/phases-of-treatment/", "/es/lla-infantil/fases-del-tratamiento/"]
)
def test_demo_section_pages_keep_the_query_budget(client, url, django_assert_max_num_queries):
    query_count(client, url, django_assert_max_num_queries)


def test_section_query_count_is_the_same_with_5_or_100_blocks(client, home, django_assert_max_num_queries):
    _, (short,) = make_guide(home, sections=1, blocks_per_section=5)
    _, (long,) = make_guide(home, sections=1, blocks_per_section=100)
    short_count = query_count(client, short.url, django_assert_max_num_queries)
    assert query_count(client, long.url, django_assert_max_num_queries) == short_count


def test_section_query_count_is_the_same_with_2_or_50_sections(client, home, django_assert_max_num_queries):
    _, small = make_guide(home, sections=2)
    _, large = make_guide(home, sections=50)
    small_count = query_count(client, small[1].url, django_assert_max_num_queries)
    assert query_count(client, large[25].url, django_assert_max_num_queries) == small_count


def test_whole_guide_query_count_does_not_grow_with_sections(client, home, django_assert_max_num_queries):
    small, _ = make_guide(home, sections=2)
    large, _ = make_guide(home, sections=50)
    small_count = query_count(client, small.whole_guide_url(), django_assert_max_num_queries)
    assert query_count(client, large.whole_guide_url(), django_assert_max_num_queries) == small_count


def test_private_sections_stay_out_of_the_contents(client, english_home):
    guide, (first, hidden, last) = make_guide(english_home, sections=3)
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(first.url).content.decode()
    assert hidden.title not in html
    assert f'rel="next" href="{last.url}"' in html


def test_page_types_only_nest_as_designed():
    assert GuidePage.allowed_parent_page_models() == [GuidePage._meta.apps.get_model("pages", "HomePage")]
    assert GuideSectionPage.allowed_parent_page_models() == [GuidePage]
    assert GuideSectionPage.allowed_subpage_models() == []
