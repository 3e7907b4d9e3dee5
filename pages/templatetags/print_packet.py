"""The family print packet's questions for the care team: every section's, gathered in one list (the words
the sections use come from the glossary's own tag, glossary/templatetags/glossary_words.py)."""

from collections.abc import Iterable

from django import template

from pages.models import GuideSectionPage
from serving.memo import generation_memo

register = template.Library()


@register.simple_tag(takes_context=True)
def questions_in(
    context: template.Context, sections: Iterable[GuideSectionPage]
) -> list[tuple[GuideSectionPage, list[str]]]:
    """[(section, [question, …])] of the sections with "Questions to ask" blocks, in order: the packet's list.

    From the stored bodies: only the questions blocks are built, not the rest of each body. Building them
    was a sixth of the whole guide, so the questions of live sections are kept for the content generation
    (serving/memo.py), by section; a preview's are built each time.
    """
    sections = list(sections)
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        found = [section_questions(section) for section in sections]
    else:
        found = generation_memo(
            request,
            "guide-questions",
            tuple(section.pk for section in sections),
            lambda: [section_questions(section) for section in sections],
        )
    return [(section, questions) for section, questions in zip(sections, found, strict=True) if questions]


def section_questions(section: GuideSectionPage) -> list:
    block = GuideSectionPage.body.field.stream_block.child_blocks["questions"]
    return [
        question
        for raw in section.body.raw_data
        if raw["type"] == "questions"
        for question in block.to_python(raw["value"])["questions"]
    ]
