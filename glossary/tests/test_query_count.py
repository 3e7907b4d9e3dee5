"""Linking glossary terms costs no SQL per request once the matcher is warm, whatever the glossary's size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glossary.models import GlossaryTerm
from glossary.snapshot import glossary_changed
from pages.factories import GuidePageFactory, GuideSectionPageFactory, body_blocks
from pages.models import GuideSectionPage

from .helpers import paragraph, term_links

pytestmark = pytest.mark.django_db


def measured(client, url):
    client.get(url)  # warm: site root paths and the glossary snapshot
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def add_terms(count):
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(
            slug=f"bulk-term-{number}",
            name_en=f"bulkterm {number}",
            definition_en="<p>A term that makes the glossary big.</p>",
            name_es=f"término masivo {number}",
            definition_es="<p>Un término que agranda el glosario.</p>",
            live=True,
        )
        for number in range(count)
    )
    glossary_changed()  # bulk_create sends no signals


@pytest.fixture
def guide(english_home):
    mrd = GlossaryTerm.objects.get(slug="minimal-residual-disease")
    guide = GuidePageFactory(parent=english_home)
    for _ in range(3):
        body = [
            *body_blocks(20),  # paragraphs about bone marrow
            paragraph(f'<p>A marked <a linktype="glossary" id="{mrd.pk}">MRD</a> test, and bulkterm 7.</p>'),
        ]
        GuideSectionPageFactory(parent=guide, body=body)
    return guide


def test_section_page_queries_do_not_depend_on_glossary_linking_or_its_size(client, guide):
    section = GuideSectionPage.objects.child_of(guide).first()
    GuideSectionPage.objects.filter(pk=section.pk).update(link_glossary_terms=False)
    without_linking, html = measured(client, section.url)
    assert [text for _href, text in term_links(html)] == ["MRD"]  # the editor's mark still renders

    GuideSectionPage.objects.filter(pk=section.pk).update(link_glossary_terms=True)
    with_linking, html = measured(client, section.url)
    assert {"bone marrow", "MRD"} <= {text for _href, text in term_links(html)}

    add_terms(2000)
    large_glossary, html = measured(client, section.url)
    assert "bulkterm 7" in {text for _href, text in term_links(html)}

    assert without_linking == with_linking == large_glossary <= 15


def test_whole_guide_queries_do_not_depend_on_the_glossary_size(client, guide):
    url = guide.whole_guide_url()
    small, html = measured(client, url)
    assert len(term_links(html)) >= 3 * 2
    add_terms(2000)
    large, _html = measured(client, url)
    assert small == large
