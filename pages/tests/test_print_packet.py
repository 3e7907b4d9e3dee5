"""The whole-guide view is the family print packet: every section, then the glossary words the guide uses."""

import re

import pytest
from django.utils.html import escape

from glossary.models import GlossaryTerm, TermOccurrence
from glossary.snapshot import current_glossary
from pages.factories import GuidePageFactory, GuideSectionPageFactory
from pages.models import GuidePage

pytestmark = pytest.mark.django_db


def words_part(html):
    return html.split('<section class="guide-words"', 1)[1]


def test_the_packet_ends_with_the_words_its_sections_use_in_the_readers_language(client):
    guide = GuidePage.objects.get(slug="lla-infantil")
    used = set(TermOccurrence.objects.filter(page__in=guide.sections()).values_list("term_id", flat=True))
    glossary = current_glossary()
    expected = sorted((glossary.entry(term_id, "es") for term_id in used), key=lambda entry: entry.sort_key)
    assert len(expected) >= 20

    html = client.get(guide.whole_guide_url()).content.decode()
    words = words_part(html)
    assert "Palabras que se usan en esta guía" in words
    assert re.findall(r"<dt>([^<]*?)\s*(?:<span|</dt>)", words) == [escape(entry.name) for entry in expected]
    assert all(entry.definition_html in words for entry in expected)
    last_section = list(guide.sections())[-1]
    assert html.index(f'id="{last_section.slug}-title"') < html.index('class="guide-words"')


def test_only_live_sections_of_this_guide_count(client, english_home):
    guide = GuidePageFactory(parent=english_home)
    section = GuideSectionPageFactory(parent=guide)
    draft = GuideSectionPageFactory(parent=guide, live=False)
    remission, spleen = GlossaryTerm.objects.get(slug="remission"), GlossaryTerm.objects.get(slug="spleen")
    TermOccurrence.objects.create(term=remission, page=section)
    TermOccurrence.objects.create(term=spleen, page=draft)

    words = words_part(client.get(guide.whole_guide_url()).content.decode())
    assert re.findall(r"<dt>([^<]*?)\s*(?:<span|</dt>)", words) == [remission.name_en]

    TermOccurrence.objects.filter(page=section).delete()
    words = words_part(client.get(guide.whole_guide_url()).content.decode())
    assert "<dt>" not in words and "This guide does not use any glossary words yet." in words
