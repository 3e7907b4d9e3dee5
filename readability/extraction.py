"""The text families read in a guide section, as the passages the scores are computed on.

What counts, in page order:
- the summary (shown under the title) and each key point;
- rich text: each paragraph and each list item is a passage of its own (so a list item ends a sentence);
- callouts' text, image captions, timeline phase descriptions, each question to ask, related links'
  descriptions.

What does not, on purpose:
- headings: the page title, heading blocks and the titles of callouts, timelines, question lists and
  link lists, and timeline phase names and durations. They are labels, not sentences: without a full stop
  they would run into the next sentence, or count as very short sentences that flatter the score;
- tables: cells are fragments and figures, not prose. A section that is only a table has nothing to score;
- image alternative text, which screen readers say but the page does not show, and link labels;
- the definitions that open from glossary links: they belong to the glossary, reviewed on their own, and
  are the same on every page. The linked words themselves are prose and count.

Words inside an editor's "Glossary term" mark are kept with each passage (`marked`): they are glossary
terms even when inflected ("transplants" marked as "transplant").

The stored block data is read directly (no blocks are built), so extraction costs no query and little time.
"""

import re
from dataclasses import dataclass
from html import unescape

from wagtail.models import Page

BLOCK_TAG = re.compile(r"<(?:/?(?:p|li|ul|ol|h[1-6]|blockquote|div|table|tr|td|th)\b[^>]*|br\s*/?)>", re.I)
TAG = re.compile(r"<[^>]*>")
GLOSSARY_MARK = re.compile(r"<a\b[^>]*\blinktype=\"glossary\"[^>]*>(.*?)</a>", re.I | re.S)


@dataclass(frozen=True)
class Passage:
    text: str
    marked: tuple = ()  # texts an editor marked as glossary terms in this passage


def page_passages(page: Page) -> list[Passage]:
    """Passages of a guide section, in the order the page shows them."""
    passages = plain(getattr(page, "summary", ""))
    for point in page.key_points.raw_data if getattr(page, "key_points", None) else ():
        passages += plain(point.get("value"))
    for block in page.body.raw_data if getattr(page, "body", None) else ():
        passages += block_passages(block["type"], block.get("value"))
    return passages


def block_passages(kind: str, value: dict | list | str | None) -> list[Passage]:
    """Passages of one body block from its stored value; headings and tables give none."""
    value = value or {}
    if kind == "rich_text":
        return rich_text(value)
    if kind == "callout":
        return rich_text(value.get("body"))
    if kind == "image":
        return plain(value.get("caption"))
    if kind == "timeline":
        return [p for phase in list_items(value.get("phases")) for p in plain(phase.get("description"))]
    if kind == "questions":
        return [p for question in list_items(value.get("questions")) for p in plain(question)]
    if kind == "related_links":
        return [p for link in list_items(value.get("links")) for p in plain(link.get("description"))]
    return []  # heading, table: see the module's docstring


def list_items(value: list | None) -> list:
    """A ListBlock's stored items: dicts with "type": "item" (current format) or bare values (older)."""
    items = []
    for item in value or ():
        is_wrapped = isinstance(item, dict) and item.get("type") == "item" and "value" in item
        items.append(item["value"] if is_wrapped else item)
    return items


def plain(text: str | None) -> list[Passage]:
    text = " ".join(str(text or "").split())
    return [Passage(text)] if text else []


def rich_text(html: str | None) -> list[Passage]:
    """One passage per paragraph, list item or line of stored rich text, with its glossary marks."""
    passages = []
    for piece in BLOCK_TAG.split(html or ""):
        text = " ".join(unescape(TAG.sub("", piece)).split())
        if text:
            marked = ()
            if "glossary" in piece:
                marked = tuple(
                    " ".join(unescape(TAG.sub("", found)).split()) for found in GLOSSARY_MARK.findall(piece)
                )
            passages.append(Passage(text, marked))
    return passages
