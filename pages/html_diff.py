"""Word-level differences between two fragments of rendered HTML, marked with <ins> and <del>.

The fragments are compared as trees: children that did not change are kept, a changed element is paired with
its counterpart (same tag, same link or image) and compared inside, so a changed list item or table cell is
marked where it stands; inside a pair of texts, the words that changed. What has no counterpart is shown
whole, inserted or deleted. Every mark starts with a visually hidden label ("Inserted:", "Deleted:") so that
screen readers, which mostly ignore <ins> and <del>, announce it; the labels are in the active language.

Only our own templates' output is compared (well-formed, escaped), so the standard library's HTMLParser is
enough to read it. `id` attributes and the references to them are dropped: two revisions would repeat them.
"""

import difflib
import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
DROPPED_ATTRIBUTES = {"id", "aria-labelledby", "aria-describedby", "for"}
# Elements that identify what they show: a link to another address or another image is another element.
IDENTITY_ATTRIBUTES = ("href", "src", "alt")
# Parents whose children must be particular elements (an <ins> cannot stand between <ul> and <li>) ...
RESTRICTED_PARENTS = {"ul", "ol", "menu", "dl", "table", "thead", "tbody", "tfoot", "tr", "colgroup"}
# ... and children that must stay direct children of their parent: these are marked inside instead.
UNWRAPPABLE = {"li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "col"}
UNWRAPPABLE |= {"figcaption", "summary", "legend", "source", "track"}
# A mark around these is shown as a block of its own.
BLOCK_LEVEL = {"address", "aside", "blockquote", "div", "dl", "figure", "h1", "h2", "h3", "h4", "h5", "h6"}
BLOCK_LEVEL |= {"hr", "nav", "ol", "p", "pre", "section", "table", "ul"}
SIMILAR_ENOUGH = 0.4  # share of words from which two elements in a changed run count as one element changed
WORDS = re.compile(r"^\s+|\S+\s*")  # each word with the spaces after it (and the spaces before the first)
SHORT_MATCH = 2  # words


@dataclass
class Element:
    tag: str
    attrs: list = field(default_factory=list)
    children: list = field(default_factory=list)  # Element or str (text, unescaped)

    def identity(self) -> tuple[str | None, ...]:
        attrs = dict(self.attrs)
        return (self.tag, *(attrs.get(name) for name in IDENTITY_ATTRIBUTES))


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, [(k, v) for k, v in attrs if k not in DROPPED_ATTRIBUTES])
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> list[Element | str]:
    """The top-level nodes of an HTML fragment."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root.children


def serialize(node: Element | str) -> str:
    if isinstance(node, str):
        return escape(node, quote=False)
    if node.tag in VOID:
        return f"<{node.tag}{_attributes(node)}>"
    return (
        f"<{node.tag}{_attributes(node)}>{''.join(serialize(child) for child in node.children)}</{node.tag}>"
    )


def text_of(node: Element | str) -> str:
    if isinstance(node, str):
        return node
    return " ".join(text_of(child) for child in node.children)


def diff_html(old_html: str, new_html: str, parent_tag: str = "div") -> SafeString:
    """The new fragment with what changed since the old one marked (safe HTML)."""
    return mark_safe(_diff_nodes(parse(old_html), parse(new_html), parent_tag))  # noqa: S308 - escaped by serialize


def mark_html(html: str, kind: str, parent_tag: str = "div") -> SafeString:
    """A fragment shown whole as inserted (kind "ins") or deleted ("del")."""
    return mark_safe(_mark_nodes(parse(html), kind, parent_tag))  # noqa: S308 - escaped by serialize


def _signature(node):
    return " ".join(node.split()) if isinstance(node, str) else serialize(node)


def _diff_nodes(old, new, parent_tag):
    old = [node for node in old if not _blank(node) or parent_tag not in RESTRICTED_PARENTS]
    new = [node for node in new if not _blank(node) or parent_tag not in RESTRICTED_PARENTS]
    matcher = difflib.SequenceMatcher(None, [_signature(n) for n in old], [_signature(n) for n in new], False)
    out = []
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            out.extend(serialize(node) for node in new[j1:j2])
        else:
            out.append(_diff_run(old[i1:i2], new[j1:j2], parent_tag))
    return "".join(out)


def _diff_run(old, new, parent_tag):
    """A run of changed nodes: pair what can be paired, mark the rest whole, keeping the old order."""
    if len(old) == len(new) and all(map(_pairable, old, new)):  # one-for-one: a changed cell stays a cell
        return "".join(_diff_pair(a, b, parent_tag) for a, b in zip(old, new, strict=True))
    out, next_new = [], 0
    for node in old:
        match = _best_match(node, new[next_new:])
        if match is None:
            out.append(_mark_nodes([node], "del", parent_tag))
            continue
        index = next_new + match
        out.append(_mark_nodes(new[next_new:index], "ins", parent_tag))
        out.append(_diff_pair(node, new[index], parent_tag))
        next_new = index + 1
    out.append(_mark_nodes(new[next_new:], "ins", parent_tag))
    return "".join(out)


def _best_match(node, candidates):
    best, best_ratio = None, 0.0
    for index, candidate in enumerate(candidates):
        if _pairable(node, candidate):
            ratio = _similarity(node, candidate)
            if ratio >= SIMILAR_ENOUGH and ratio > best_ratio:
                best, best_ratio = index, ratio
    return best


def _pairable(a, b):
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str)
    return a.identity() == b.identity()


def _similarity(a, b):
    return difflib.SequenceMatcher(None, text_of(a).split(), text_of(b).split(), False).ratio()


def _diff_pair(old, new, parent_tag):
    if isinstance(new, str):
        return _diff_text(old, new)
    if new.tag in VOID:
        return serialize(new)
    return f"<{new.tag}{_attributes(new)}>{_diff_nodes(old.children, new.children, new.tag)}</{new.tag}>"


def _diff_text(old, new):
    old_words, new_words = WORDS.findall(old), WORDS.findall(new)
    matcher = difflib.SequenceMatcher(
        None, [w.strip() for w in old_words], [w.strip() for w in new_words], False
    )
    runs = [
        [operation == "equal", old_words[i1:i2], new_words[j1:j2]]
        for operation, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    out = []
    for equal, old_run, new_run in _absorb_short_matches(runs):
        if equal:
            out.append(escape("".join(new_run), quote=False))
        else:
            deleted = "".join(old_run)
            if out and deleted.strip() and not out[-1][-1:].isspace():
                deleted = (
                    " " + deleted
                )  # the new text ends a sentence where a deleted one began: keep them apart
            out.append(_mark_words(deleted, "del"))
            out.append(_mark_words("".join(new_run), "ins"))
    return "".join(out)


def _absorb_short_matches(runs):
    """A word or two that happen to match inside a rewritten passage ("the", "a") join the changes around them
    when they are no longer than either change, so that a rewritten sentence reads as one deletion and one
    insertion, not alternating fragments."""
    merged = []
    for run in runs:
        merged.append(run)
        while (
            len(merged) >= 3
            and not merged[-1][0]
            and merged[-2][0]
            and not merged[-3][0]
            and len(merged[-2][2]) <= min(SHORT_MATCH, _words_changed(merged[-1]), _words_changed(merged[-3]))
        ):
            after, between, before = merged.pop(), merged.pop(), merged.pop()
            merged.append([False, before[1] + between[1] + after[1], before[2] + between[2] + after[2]])
    return merged


def _words_changed(run):
    _equal, old_words, new_words = run
    return max(len(old_words), len(new_words))


def _mark_words(text, kind):
    """Words marked, the spaces around them left outside the mark (an underlined space looks like a word)."""
    words = text.strip()
    if not words:
        return text if kind == "ins" else ""
    start = text.index(words)
    return text[:start] + _mark([words], kind) + text[start + len(words) :]


def _mark_nodes(nodes, kind, parent_tag):
    """Nodes shown whole as inserted or deleted: in one mark where the HTML allows it, else marked inside."""
    if not nodes or all(_blank(node) for node in nodes):
        return "" if kind == "del" else "".join(serialize(node) for node in nodes)
    if all(_wrappable(node, parent_tag) for node in nodes):
        return _mark(nodes, kind)
    out = []
    for node in nodes:
        if _blank(node):
            out.append("" if kind == "del" else node)
        elif _wrappable(node, parent_tag):
            out.append(_mark([node], kind))
        elif node.tag in VOID:
            out.append(serialize(node))
        else:
            out.append(
                f"<{node.tag}{_attributes(node)}>{_mark_nodes(node.children, kind, node.tag)}</{node.tag}>"
            )
    return "".join(out)


def _wrappable(node, parent_tag):
    """Whether an <ins>/<del> may stand around the node in its parent (they take their parent's content model)."""
    if isinstance(node, str):
        return True
    return parent_tag not in RESTRICTED_PARENTS and node.tag not in UNWRAPPABLE


def _attributes(element):
    return "".join(f' {name}="{escape(value or "", quote=True)}"' for name, value in element.attrs)


def _mark(nodes, kind):
    """One <ins> or <del> around the nodes, its label in the reader's language (the page's may differ)."""
    label = gettext("Inserted:") if kind == "ins" else gettext("Deleted:")
    block = any(isinstance(node, Element) and node.tag in BLOCK_LEVEL for node in nodes)
    opening = f'<{kind} class="what-changed-block">' if block else f"<{kind}>"
    content = "".join(serialize(node) for node in nodes)
    return f'{opening}<span class="visually-hidden" lang="{get_language()}">{escape(label)} </span>{content}</{kind}>'


def _blank(node):
    return isinstance(node, str) and not node.strip()
