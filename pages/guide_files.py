"""Parse guide content files (Markdown + YAML front matter) into page data, or fail naming file and line.

Parsing touches no database: the importer parses a whole guide first and writes only if every file is
good, so a bad file never leaves half an import behind. The format is described in docs/content-format.md.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from content_files.errors import ContentError
from content_files.front_matter import read_front_matter, read_lines
from content_files.rich_text import markdown_to_rich_text
from content_files.slugs import is_slug

# English pages are the sources; a page in any other language names the English page it translates.
SOURCE_LANGUAGE = "en"

HEADING_PATTERN = re.compile(r"^##\s+(?P<text>.+?)(?:\s+\{#(?P<anchor>[a-z0-9][a-z0-9-]*)\})?\s*$")
OTHER_HEADING_PATTERN = re.compile(r"^#{1,6}(\s|$)")
DIRECTIVE_PATTERN = re.compile(r"^:::\s*(?P<kind>[A-Za-z_-]+)?\s*(?P<rest>.*)$")
LIST_ITEM_PATTERN = re.compile(r"^[-*]\s+(?P<text>.+)$")
LINK_ITEM_PATTERN = re.compile(
    r"^\[(?P<label>[^\]]+)\]\((?P<url>https?://[^\s)]+)\)\s*(?:\|\s*(?P<description>.*))?$"
)
TABLE_SEPARATOR_PATTERN = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")

CALLOUT_KINDS = ("info", "warning", "tip")
DIRECTIVES = ("callout", "timeline", "questions", "links", "table", "image")
GUIDE_KEYS = {"title", "slug", "summary", "audience", "board", "translation_of"}
SECTION_KEYS = {"title", "slug", "summary", "key_points", "translation_of"}
HOME_KEYS = {"title", "slug", "summary", "translation_of"}
ALLOWED_KEYS = {"home": HOME_KEYS, "guide": GUIDE_KEYS, "section": SECTION_KEYS}
ALLOWED_TAGS = {"p", "ul", "ol", "li", "b", "i", "a", "br"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp"}


@dataclass
class ContentPage:
    """One page's worth of content as read from a file; `body` is StreamField raw data without ids."""

    path: Path
    language: str
    kind: str  # "home", "guide" or "section"
    title: str
    slug: str
    summary: str
    translation_of: str | None = None
    audience: str = ""
    board: str = ""  # the English name of the guide's editorial board
    intro: str = ""
    key_points: list = field(default_factory=list)
    body: list = field(default_factory=list)
    images: list = field(default_factory=list)  # (block index, image file path) to resolve when writing
    key_lines: dict = field(default_factory=dict)  # front matter key -> line number, for later errors

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


def parse_file(path: str | Path, language: str, kind: str) -> ContentPage:
    """Read one content file of a kind: "home", "guide" or "section". Raises ContentError if it is bad."""
    lines = read_lines(path)
    front_matter = read_front_matter(path, lines)
    meta, key_lines, body_start = front_matter.meta, front_matter.key_lines, front_matter.body_start

    unknown = sorted(set(meta) - ALLOWED_KEYS[kind])
    if unknown:
        raise ContentError(path, key_lines.get(unknown[0], 1), f"unknown front matter key '{unknown[0]}'")
    required = ["title", "slug", "summary"] + (["key_points"] if kind == "section" else [])
    if language != SOURCE_LANGUAGE:
        required.append("translation_of")
    for key in required:
        if meta.get(key) in (None, "", []):
            raise ContentError(
                path, key_lines.get(key, 1), f"missing {key.replace('_', ' ')} in the front matter"
            )
    for key in ("title", "slug", "summary", "audience", "board", "translation_of"):
        if key in meta and not isinstance(meta[key], str):
            raise ContentError(path, key_lines[key], f"'{key}' must be text")
    for key in ("slug", "translation_of"):
        if key in meta and not is_slug(meta[key]):
            raise ContentError(
                path,
                key_lines[key],
                f"'{key}' must be lowercase letters, digits and hyphens, not {meta[key]!r}",
            )
    if language == SOURCE_LANGUAGE and meta.get("translation_of"):
        raise ContentError(
            path, key_lines["translation_of"], "English pages are sources; they translate nothing"
        )
    if len(meta["title"]) > 255:
        raise ContentError(path, key_lines["title"], "the title is longer than 255 characters")

    page = ContentPage(
        path=Path(path),
        language=language,
        kind=kind,
        title=meta["title"].strip(),
        slug=meta["slug"],
        summary=" ".join(meta["summary"].split()),
        translation_of=meta.get("translation_of"),
        audience=(meta.get("audience") or "").strip(),
        board=(meta.get("board") or "").strip(),
        key_lines=key_lines,
    )
    if kind == "section":
        points = meta["key_points"]
        if not isinstance(points, list) or not all(isinstance(p, str) and p.strip() for p in points):
            raise ContentError(
                path, key_lines["key_points"], "'key_points' must be a list of short sentences"
            )
        page.key_points = [{"type": "point", "value": " ".join(p.split())} for p in points]
        page.body = _BodyParser(path, lines, body_start, page).parse()
        if not page.body:
            raise ContentError(path, body_start + 1, "the section has no body text")
    else:
        prose = "\n".join(lines[body_start:]).strip()
        page.intro = _rich_text(path, body_start + 1, prose) if prose else ""
    return page


class _BodyParser:
    """Splits a section body into heading, rich text and directive blocks."""

    def __init__(self, path, lines, start, page):
        self.path, self.lines, self.start, self.page = path, lines, start, page
        self.blocks = []
        self.prose, self.prose_line = [], None

    def parse(self):
        index = self.start
        while index < len(self.lines):
            line, number = self.lines[index], index + 1
            if line.startswith(":::"):
                self._flush_prose()
                index = self._directive(index)
                continue
            heading = HEADING_PATTERN.match(line)
            if heading:
                self._flush_prose()
                self.blocks.append(
                    {
                        "type": "heading",
                        "value": {"text": heading["text"].strip(), "anchor": heading["anchor"] or ""},
                    }
                )
            elif OTHER_HEADING_PATTERN.match(line):
                raise ContentError(self.path, number, "only '## ' headings are allowed in a section body")
            else:
                if self.prose_line is None and line.strip():
                    self.prose_line = number
                if self.prose_line is not None:
                    self.prose.append(line)
            index += 1
        self._flush_prose()
        return self.blocks

    def _flush_prose(self):
        text = "\n".join(self.prose).strip()
        if text:
            self.blocks.append({"type": "rich_text", "value": _rich_text(self.path, self.prose_line, text)})
        self.prose, self.prose_line = [], None

    def _directive(self, index):
        open_number = index + 1
        match = DIRECTIVE_PATTERN.match(self.lines[index])
        kind, rest = match["kind"], match["rest"].strip()
        if not kind:
            raise ContentError(self.path, open_number, "a ':::' closing line with no block open")
        if kind not in DIRECTIVES:
            raise ContentError(
                self.path, open_number, f"unknown block '{kind}' (known blocks: {', '.join(DIRECTIVES)})"
            )
        end = next((i for i in range(index + 1, len(self.lines)) if self.lines[i].startswith(":::")), None)
        if end is None or self.lines[end].strip() != ":::":
            raise ContentError(
                self.path, open_number, f"the '{kind}' block opened here is never closed with ':::'"
            )
        content = [(i + 1, self.lines[i]) for i in range(index + 1, end) if self.lines[i].strip()]
        self.blocks.append(getattr(self, f"_{kind}")(open_number, rest, content))
        return end + 1

    def _require_title(self, number, rest, kind):
        if not rest:
            raise ContentError(self.path, number, f"the '{kind}' block needs a title after '::: {kind}'")
        return rest

    def _list_items(self, content, kind):
        items = []
        for number, line in content:
            item = LIST_ITEM_PATTERN.match(line.strip())
            if not item:
                raise ContentError(self.path, number, f"each line of a '{kind}' block must start with '- '")
            items.append((number, item["text"].strip()))
        if not items:
            raise ContentError(self.path, content[0][0] if content else 1, f"the '{kind}' block is empty")
        return items

    def _callout(self, number, rest, content):
        callout_kind, _, title = rest.partition(" ")
        if callout_kind not in CALLOUT_KINDS:
            raise ContentError(
                self.path,
                number,
                f"a callout starts with its kind ({', '.join(CALLOUT_KINDS)}), not {callout_kind!r}",
            )
        title = self._require_title(number, title.strip(), "callout")
        if not content:
            raise ContentError(self.path, number, "the callout has no text")
        # The body keeps its blank lines: Markdown needs them between a paragraph and a list.
        first, last = content[0][0], content[-1][0]
        body = _rich_text(self.path, first, "\n".join(self.lines[first - 1 : last]))
        return {"type": "callout", "value": {"kind": callout_kind, "title": title, "body": body}}

    def _timeline(self, number, rest, content):
        title = self._require_title(number, rest, "timeline")
        phases = []
        for line_number, text in self._list_items(content, "timeline"):
            parts = [part.strip() for part in text.split("|")]
            if len(parts) not in (2, 3) or not all(parts[:2]):
                raise ContentError(
                    self.path, line_number, "a timeline phase is 'name | typical duration | description'"
                )
            phases.append(
                {"name": parts[0], "duration": parts[1], "description": parts[2] if len(parts) == 3 else ""}
            )
        return {"type": "timeline", "value": {"title": title, "phases": phases}}

    def _questions(self, number, rest, content):
        title = self._require_title(number, rest, "questions")
        questions = [text for _, text in self._list_items(content, "questions")]
        return {"type": "questions", "value": {"title": title, "questions": questions}}

    def _links(self, number, rest, content):
        title = self._require_title(number, rest, "links")
        links = []
        for line_number, text in self._list_items(content, "links"):
            link = LINK_ITEM_PATTERN.match(text)
            if not link:
                raise ContentError(
                    self.path, line_number, "a link line is '- [label](https://address) | description'"
                )
            links.append(
                {
                    "label": link["label"].strip(),
                    "page": None,
                    "url": link["url"],
                    "description": (link["description"] or "").strip(),
                }
            )
        return {"type": "related_links", "value": {"title": title, "links": links}}

    def _table(self, number, rest, content):
        caption = self._require_title(number, rest, "table")
        if len(content) < 3 or not TABLE_SEPARATOR_PATTERN.match(content[1][1].strip()):
            raise ContentError(
                self.path, number, "a table needs a header row, a '|---|' line and at least one row"
            )
        rows = []
        for line_number, line in [content[0], *content[2:]]:
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if rows and len(cells) != len(rows[0]):
                raise ContentError(
                    self.path, line_number, f"this row has {len(cells)} cells; the header has {len(rows[0])}"
                )
            rows.append(cells)
        return {
            "type": "table",
            "value": {
                "data": rows,
                "table_caption": caption,
                "table_header_choice": "row",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        }

    def _image(self, number, rest, content):
        parts = [part.strip() for part in rest.split("|")]
        if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
            raise ContentError(self.path, number, "an image is '::: image path | alternative text | caption'")
        if content:
            raise ContentError(
                self.path, content[0][0], "an image block takes nothing between its ':::' lines"
            )
        image_path = (self.path.parent.parent / parts[0]).resolve()
        if image_path.suffix.lower() not in IMAGE_SUFFIXES or not image_path.is_file():
            raise ContentError(self.path, number, f"no image file at {parts[0]}")
        self.page.images.append((len(self.blocks), image_path))
        caption = parts[2] if len(parts) == 3 else ""
        return {"type": "image", "value": {"image": None, "alt_text": parts[1], "caption": caption}}


class _TagChecker(HTMLParser):
    """Finds the first tag, attribute or link the guide's rich text does not allow.

    `problem` says what is wrong; `clue` is a piece of the source text to find its line by.
    """

    def __init__(self):
        super().__init__()
        self.problem = self.clue = None

    def handle_starttag(self, tag, attrs):
        if self.problem:
            return
        attributes = dict(attrs)
        extra = sorted(set(attributes) - ({"href"} if tag == "a" else set()))
        href = attributes.get("href") or ""
        if tag not in ALLOWED_TAGS:
            self.problem = (
                f"<{tag}> is not allowed here (use paragraphs, lists, **bold**, *italic* and links)"
            )
            self.clue = f"<{tag}"
        elif extra:
            self.problem, self.clue = f"the attribute '{extra[0]}' is not allowed on <{tag}>", extra[0]
        elif tag == "a" and not re.match(r"^(https?://|mailto:|tel:)", href):
            self.problem = f"links must be absolute https:// addresses, not {href!r}"
            self.clue = href or "]("


def _rich_text(path, line, text):
    """Markdown prose as rich text, or a ContentError on the line of the first thing guides do not allow."""
    html = markdown_to_rich_text(text)
    checker = _TagChecker()
    checker.feed(html)
    if checker.problem:
        offset = next(
            (i for i, source in enumerate(text.splitlines()) if checker.clue.lower() in source.lower()), 0
        )
        raise ContentError(path, line + offset, checker.problem)
    return html
