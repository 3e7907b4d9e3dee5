"""Find glossary terms in text and link the first use of each concept in a section's HTML.

One Aho-Corasick automaton per language holds every name, other name and abbreviation. Keys and text are
folded (lowercase, no accents) and every non-word character becomes a space, so a key written as
" " + form only matches where a word starts; the word's end is checked per match. Abbreviations must
also match with the same capitals, so "ALL" is linked and "all children" is not.
"""

import re
from collections.abc import Callable
from html import escape, unescape

import ahocorasick

from .text import NON_WORD, match_form, searchable, strip_accents

# Never link inside these: headings, links (including terms already marked), and non-prose elements.
SKIP_TAGS = frozenset(
    {"a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "script", "style", "code", "pre", "textarea",
     "select", "option", "label", "summary", "svg", "math", "template", "title"}
)  # fmt: skip
TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)")
MARKED_TERM = re.compile(r'data-glossary-id="(\d+)"')


class Matcher:
    """Every form of every term of one language, ready to search text with."""

    def __init__(self, forms):
        """`forms`: (term id, text, is_abbreviation) for every name, other name and abbreviation."""
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
        keys = {}
        for term_id, text, is_abbreviation in forms:
            # Punctuation at either end ("Ph+") is not part of what is matched.
            key = " " + match_form(text).strip()
            exact = NON_WORD.sub(" ", strip_accents(text)).strip() if is_abbreviation else None
            if key.strip():
                keys.setdefault(key, []).append((term_id, exact))
        for key, options in keys.items():
            # Most keys name one term and need no case check: store its id; else check each option.
            if len(options) == 1 and options[0][1] is None:
                self.automaton.add_word(key, (len(key), options[0][0], None))
            else:
                self.automaton.add_word(key, (len(key), None, tuple(options)))
        self.empty = not keys
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, term id) of non-overlapping matches in `text`: leftmost, then longest, first."""
        if self.empty or not text:
            return []
        searched = f" {searchable(text)} "
        candidates = []
        for last, (key_length, term_id, options) in self.automaton.iter(searched):
            if searched[last + 1] != " ":
                continue  # the text's word goes on ("transplants" is not "transplant")
            # `searched` is `text` between two spaces: the match is text[start:last].
            start = last + 1 - key_length
            if options is not None:
                term_id = _pick(options, text, start, last)
                if term_id is None:
                    continue
            candidates.append((start, start - last, term_id))
        candidates.sort()
        matches, taken_until = [], 0
        for start, negative_length, term_id in candidates:
            if start >= taken_until:
                taken_until = start - negative_length
                matches.append((start, taken_until, term_id))
        return matches


def _pick(options, text, start, end):
    for term_id, exact in options:
        if exact is None or NON_WORD.sub(" ", strip_accents(text[start:end])) == exact:
            return term_id
    return None


def link_html(html: str, matcher: Matcher, render_link: Callable[[int, str], str | None]) -> str:
    """`html` with the first use of each concept outside headings and links wrapped by `render_link`.

    `render_link(term_id, text)` returns the link's HTML (text already escaped), or None to leave it.
    Concepts an editor already marked in this HTML are not linked again.
    """
    linked = {int(term_id) for term_id in MARKED_TERM.findall(html)}
    parts, position, skip_depth = [], 0, 0
    for tag in TAG.finditer(html):
        text = html[position : tag.start()]
        parts.append(_link_text(text, matcher, render_link, linked) if text and not skip_depth else text)
        parts.append(tag.group())
        position = tag.end()
        name = TAG_NAME.match(tag.group())
        if name and name.group(2).lower() in SKIP_TAGS and not tag.group().endswith("/>"):
            skip_depth = max(0, skip_depth - 1) if name.group(1) else skip_depth + 1
    tail = html[position:]
    parts.append(_link_text(tail, matcher, render_link, linked) if tail and not skip_depth else tail)
    return "".join(parts)


def _link_text(raw, matcher, render_link, linked):
    text = unescape(raw)
    pieces, position = [], 0
    for start, end, term_id in matcher.find(text):
        if term_id in linked:
            continue
        link = render_link(term_id, escape(text[start:end], quote=False))
        if link is None:
            continue
        linked.add(term_id)
        pieces += [escape(text[position:start], quote=False), link]
        position = end
    if not pieces:
        return raw  # untouched text keeps its original entities
    pieces.append(escape(text[position:], quote=False))
    return "".join(pieces)
