"""Linking glossary terms costs no SQL per request once the matcher is warm, whatever the glossary's size."""

import pytest

from glossary.models import GlossaryTerm
from glossary.snapshot import glossary_changed
from pages.factories import GuidePageFactory, GuideSectionPageFactory, body_blocks
from pages.models import GuideSectionPage

from .helpers import paragraph, term_links

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 12  # the section page's budget (pages/tests/test_section_pages.py)
BULK_NAMES = {"en": "bulkterm {}", "es": "término masivo {}"}
DEMO_TERM = {"en": "bone marrow", "es": "médula ósea"}


@pytest.fixture
def measured(client, django_assert_max_num_queries):
    def measure(url):
        client.get(url)  # warm: site root paths and the glossary snapshot
        with django_assert_max_num_queries(QUERY_BUDGET) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), response.content.decode()

    return measure


def only_bulk_terms(count, start=0):
    """Make the live glossary exactly `count` made-up terms (the demo terms go offline for the test)."""
    if start == 0:
        GlossaryTerm.objects.update(live=False)
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(
            slug=f"bulk-term-{number}",
            name_en=BULK_NAMES["en"].format(number),
            definition_en="<p>A term that makes the glossary big.</p>",
            name_es=BULK_NAMES["es"].format(number),
            definition_es="<p>Un término que agranda el glosario.</p>",
            live=True,
        )
        for number in range(start, count)
    )
    glossary_changed()  # bulk_create and update send no signals


@pytest.fixture(params=["en", "es"])
def guide(request, english_home, spanish_home):
    home = english_home if request.param == "en" else spanish_home
    mrd = GlossaryTerm.objects.get(slug="minimal-residual-disease")
    guide = GuidePageFactory(parent=home, locale=home.locale)
    for _ in range(3):
        body = [
            *body_blocks(20),  # paragraphs about bone marrow
            paragraph(
                f'<p>A marked <a linktype="glossary" id="{mrd.pk}">MRD</a> test, '
                f"{DEMO_TERM[request.param]} and {BULK_NAMES[request.param].format(7)}.</p>"
            ),
        ]
        GuideSectionPageFactory(parent=guide, locale=home.locale, body=body)
    guide.language = request.param
    return guide


def test_section_page_queries_do_not_depend_on_glossary_linking(measured, guide):
    section = GuideSectionPage.objects.child_of(guide).first()
    GuideSectionPage.objects.filter(pk=section.pk).update(link_glossary_terms=False)
    without_linking, html = measured(section.url)
    assert [text for _href, text in term_links(html)] == ["MRD"]  # the editor's mark still renders

    GuideSectionPage.objects.filter(pk=section.pk).update(link_glossary_terms=True)
    with_linking, html = measured(section.url)
    assert {DEMO_TERM[guide.language], "MRD"} <= {text for _href, text in term_links(html)}
    assert without_linking == with_linking


def test_section_page_queries_are_the_same_with_10_or_5000_terms(measured, guide):
    section = GuideSectionPage.objects.child_of(guide).first()
    bulk_name = BULK_NAMES[guide.language].format(7)
    only_bulk_terms(10)
    small_glossary, html = measured(section.url)
    assert bulk_name in {text for _href, text in term_links(html)}

    only_bulk_terms(5000, start=10)
    large_glossary, html = measured(section.url)
    assert bulk_name in {text for _href, text in term_links(html)}
    assert small_glossary == large_glossary


def test_whole_guide_queries_do_not_depend_on_the_glossary_size(measured, guide):
    url = guide.whole_guide_url()
    only_bulk_terms(10)
    small, html = measured(url)
    assert len(term_links(html)) >= 3
    only_bulk_terms(5000, start=10)
    large, _html = measured(url)
    assert small == large
