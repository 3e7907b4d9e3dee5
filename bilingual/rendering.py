"""Each side of the view: a section's blocks rendered as the section page renders them, one HTML piece per block.

The body goes through the glossary linker whole, as on the section page (the first use of each term in the
section is linked, and the linked body is kept in the render cache), with a marker before each block; the
linked HTML is then cut at the markers. Each term link also carries the term's name in the other language,
which glossary.js shows in the definition it opens.
"""

import re

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from glossary.snapshot import current_glossary
from pages.models import GuideSectionPage

BLOCK_MARKER = "<!--side-by-side-block-->"
TERM_LINK = re.compile(r'data-glossary-id="(\d+)"')


def block_pieces(
    request: HttpRequest,
    section: GuideSectionPage,
    language: str,
    other_language: str,
    anchor_prefix: str,
    heading_level: int,
) -> list[SafeString]:
    """[HTML of each block of `section.body`], glossary terms linked in `language`."""
    with translation.override(language):
        html = render_to_string(
            "bilingual/body_blocks.html",
            {
                "section": section,
                "request": request,
                "anchor_prefix": anchor_prefix,
                "heading_level": heading_level,
                "marker": mark_safe(BLOCK_MARKER),  # noqa: S308 (a constant)
            },
        )
        label = gettext("In English:") if other_language == "en" else gettext("In Spanish:")
    glossary = current_glossary(request)
    pieces = html.split(BLOCK_MARKER)[1:]
    return [mark_safe(_with_other_names(piece, glossary, other_language, label)) for piece in pieces]  # noqa: S308


def _with_other_names(html, glossary, other_language, label):
    def add(match):
        entry = glossary.entry(int(match.group(1)), other_language)
        if entry is None:
            return match.group(0)
        return (
            f'{match.group(0)} data-glossary-other-name="{escape(entry.name)}" '
            f'data-glossary-other-lang="{other_language}" data-glossary-other-label="{escape(label)}"'
        )

    return TERM_LINK.sub(add, html)
