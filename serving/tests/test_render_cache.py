"""The render caches under the full-page cache (RENDER_CACHE): section bodies in the shared cache
(glossary/linker_cache.py) and structure lookups in the process (serving/memo.py, serving/sites.py).

With the page cache off, so every request renders: what a reader gets must be what a fresh render gives,
in fewer queries, and every change must reach the next request (the kinds both cache layers share are in
test_invalidation.py).
"""

import pytest
from django.urls import reverse
from wagtail.models import Site

from glossary.models import GlossaryTerm
from glossary.snapshot import glossary_changed
from pages.models import GuideSectionPage
from serving.memo import MEMO_SIZE, _memos, generation_memo

from .helpers import SECTION, SPANISH_SECTION, WHOLE_GUIDE, publish

pytestmark = pytest.mark.django_db

PAGES = [SECTION, SPANISH_SECTION, WHOLE_GUIDE, "/es/lla-infantil/guia-completa/"]


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def warm(client, url):
    """The page as rendered from the warm caches (a first request fills them)."""
    first = html(client, url)
    second = html(client, url)
    assert second == first
    return second


def section(url):
    language, path = url.strip("/").split("/", 1)
    return GuideSectionPage.objects.get(url_path__endswith=f"/{path}/", locale__language_code=language)


@pytest.mark.parametrize("url", PAGES)
def test_a_page_from_the_warm_caches_is_the_page_a_fresh_render_gives(client, settings, render_cache, url):
    cached = warm(client, url)
    settings.RENDER_CACHE = False
    assert html(client, url) == cached


@pytest.mark.parametrize("url", [SECTION, SPANISH_SECTION])
def test_warm_caches_route_a_section_page_and_check_its_restrictions_without_a_query(
    client, render_cache, django_assert_num_queries, url
):
    """Routing keeps the pages it found for the generation (pages/routing.py), and those know that no view
    restriction applies to them until the generation changes (test_invalidation.py makes one private)."""
    warm(client, url)
    with django_assert_num_queries(0):
        html(client, url)


def test_a_new_body_is_shown_at_once(client, render_cache):
    assert "A sentence published a moment ago." not in warm(client, SECTION)
    page = section(SECTION)
    body = page.body.raw_data
    body.append({"type": "rich_text", "value": "<p>A sentence published a moment ago.</p>"})
    publish(page, body=page.body)
    assert "A sentence published a moment ago." in html(client, SECTION)
    assert "A sentence published a moment ago." in html(client, WHOLE_GUIDE)


def test_a_section_and_the_whole_guide_show_the_same_body_at_their_own_heading_level(client, render_cache):
    assert '<h2 id="' in warm(client, SECTION)
    whole = warm(client, WHOLE_GUIDE)
    assert '<h3 id="phases-of-treatment-' in whole


def test_a_glossary_changed_without_signals_is_linked_once_its_version_changes(client, render_cache):
    link = 'href="/en/glossary/bone-marrow/"'
    assert link in warm(client, WHOLE_GUIDE)
    GlossaryTerm.objects.filter(slug="bone-marrow").update(live=False)  # as a bulk import does
    assert link in html(client, WHOLE_GUIDE)  # cached until the import says the glossary changed
    glossary_changed()
    assert link not in html(client, WHOLE_GUIDE)


def test_a_changed_site_is_routed_by_the_next_request(client, render_cache):
    warm(client, SECTION)
    site = Site.objects.get(is_default_site=True)
    site.is_default_site, site.hostname = False, "elsewhere.example"
    site.save()
    assert client.get(SECTION).status_code == 404


def test_an_editor_previewing_a_draft_sees_the_draft_not_the_cached_body(admin_client, client, render_cache):
    warm(client, SECTION)
    page = section(SECTION)
    page.body.raw_data.append({"type": "rich_text", "value": "<p>DRAFT-ONLY-SENTENCE</p>"})
    page.save_revision()
    draft = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert "DRAFT-ONLY-SENTENCE" in draft.content.decode()
    assert "DRAFT-ONLY-SENTENCE" not in html(client, SECTION)


def test_each_kind_of_memo_keeps_its_most_recently_used_entries(rf, render_cache):
    request = rf.get("/")
    for number in range(MEMO_SIZE + 1):
        generation_memo(request, "test-kind", number, lambda number=number: number)
    entries = _memos["test-kind"][1]
    assert len(entries) == MEMO_SIZE and 0 not in entries and MEMO_SIZE in entries
