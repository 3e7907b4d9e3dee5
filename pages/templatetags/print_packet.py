"""The family print packet's last parts: the sections' questions for the care team, gathered in one list, and
the glossary words the sections use, with definitions."""

from django import template
from django.utils.translation import get_language

from glossary.models import TermOccurrence
from glossary.snapshot import current_glossary
from pages.models import GuideSectionPage

register = template.Library()


@register.simple_tag(takes_context=True)
def words_used_in(context, sections):
    """Entries, in the reader's language and dictionary order, of every term the sections use: one query.

    The occurrence index (glossary/occurrences.py) says which sections use which terms; the names and
    definitions come from the cached glossary snapshot.
    """
    term_ids = set(
        TermOccurrence.objects.filter(page_id__in=[section.pk for section in sections]).values_list(
            "term_id", flat=True
        )
    )
    glossary, language = current_glossary(context.get("request")), get_language()
    entries = (glossary.entry(term_id, language) for term_id in term_ids)
    return sorted((entry for entry in entries if entry), key=lambda entry: entry.sort_key)


@register.simple_tag
def questions_in(sections):
    """[(section, [question, …])] of the sections with "Questions to ask" blocks, in order: the packet's list.

    From the stored bodies: only the questions blocks are built, not the rest of each body.
    """
    block = GuideSectionPage.body.field.stream_block.child_blocks["questions"]
    groups = []
    for section in sections:
        questions = [
            question
            for raw in section.body.raw_data
            if raw["type"] == "questions"
            for question in block.to_python(raw["value"])["questions"]
        ]
        if questions:
            groups.append((section, questions))
    return groups
