"""The family print packet's questions for the care team: every section's, gathered in one list (the words
the sections use come from the glossary's own tag, glossary/templatetags/glossary_words.py)."""

from collections.abc import Iterable

from django import template

from pages.models import GuideSectionPage

register = template.Library()


@register.simple_tag
def questions_in(sections: Iterable[GuideSectionPage]) -> list[tuple[GuideSectionPage, list[str]]]:
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
