"""What changed in a page between two revisions, as families see it: its parts rendered, block by block.

A page is read as families read it, in parts (title, summary, key points, introduction, body), each part a list
of blocks rendered with the public block templates in the page's language. Blocks are paired by their
StreamField id first, then by position among those left (an import gives every block a new id); a pair is
compared word by word (pages/html_diff.py), a block without a partner is shown whole as inserted or deleted,
where it stood.
"""

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail.rich_text import RichText

from .html_diff import RESTRICTED_PARENTS, diff_html, mark_html

# In the admin, the page's title is a second-level heading under the view's own, and the body's one level lower.
BLOCK_CONTEXT = {"heading_level": 3}


@dataclass(frozen=True)
class RenderedBlock:
    key: str  # the StreamField block id, or the part's name for a part of one block
    kind: str  # the block type: blocks are paired by position only with blocks of their type
    html: str  # safe HTML


@dataclass
class Part:
    name: str
    opening: str  # safe HTML around the part's blocks, e.g. the key points' heading and list
    closing: str
    parent_tag: str  # the element the blocks stand in
    blocks: list = field(default_factory=list)


@dataclass(frozen=True)
class BlockChange:
    status: str  # "unchanged", "changed", "inserted" or "deleted"
    html: str  # safe HTML, with <ins>/<del> marks
    moved: bool = False


@dataclass
class PartChange:
    opening: str
    closing: str
    parent_tag: str
    changes: list

    @property
    def notes_allowed(self) -> bool:
        """Whether a note may stand between the blocks (not between the <li> of a list)."""
        return self.parent_tag not in RESTRICTED_PARENTS


def family_parts(page: Page, request: HttpRequest | None = None) -> list[Part]:
    """The page's parts as families see them, rendered in the page's language."""
    context = {**BLOCK_CONTEXT, "request": request, "page": page}
    with translation.override(page.locale.language_code):
        parts = [single_block_part("title", format_html("<h2>{}</h2>", page.title))]
        if getattr(page, "summary", ""):
            parts.append(single_block_part("summary", format_html('<p class="lead">{}</p>', page.summary)))
        if getattr(page, "intro", ""):
            parts.append(
                single_block_part("intro", format_html('<div class="intro">{}</div>', RichText(page.intro)))
            )
        if hasattr(page, "key_points"):
            opening = format_html('<section class="key-points"><h3>{}</h3><ul>', gettext("Key points"))
            points = [
                RenderedBlock(point.id, point.block_type, format_html("<li>{}</li>", point.value))
                for point in page.key_points
            ]
            parts.append(Part("key_points", opening, mark_safe("</ul></section>"), "ul", points))
        if hasattr(page, "body"):
            blocks = [
                RenderedBlock(block.id, block.block_type, block.render(context=context))
                for block in page.body
            ]
            parts.append(
                Part("body", mark_safe('<div class="section-body">'), mark_safe("</div>"), "div", blocks)
            )
    return parts


def single_block_part(name: str, html: str) -> Part:
    return Part(name, mark_safe(""), mark_safe(""), "div", [RenderedBlock(name, name, html)])


def compare_pages(
    old_page: Page | None, new_page: Page, request: HttpRequest | None = None
) -> list[PartChange]:
    """The parts of `new_page` with what changed since `old_page` (None: everything is new) marked."""
    old_parts = {part.name: part for part in family_parts(old_page, request)} if old_page else {}
    changes = []
    for part in family_parts(new_page, request):
        old = old_parts.pop(part.name, None)
        blocks = compare_blocks(old.blocks if old else [], part.blocks, part.parent_tag)
        if blocks:
            changes.append(PartChange(part.opening, part.closing, part.parent_tag, blocks))
    for part in old_parts.values():  # a part the new revision no longer has (e.g. every key point removed)
        blocks = compare_blocks(part.blocks, [], part.parent_tag)
        if blocks:
            changes.append(PartChange(part.opening, part.closing, part.parent_tag, blocks))
    return changes


def compare_blocks(
    old: Sequence[RenderedBlock], new: Sequence[RenderedBlock], parent_tag: str = "div"
) -> list[BlockChange]:
    """BlockChanges in reading order: the new blocks, with each deleted block where it stood before."""
    pairs = pair_blocks(old, new)
    moved = moved_pairs(pairs)
    partner = {j: i for i, j in pairs.items()}
    deleted_before = {}  # new index (len(new) = the end) → old blocks deleted just before it
    for i in range(len(old)):
        if i not in pairs:
            following = next((pairs[k] for k in range(i + 1, len(old)) if k in pairs), len(new))
            deleted_before.setdefault(following, []).append(old[i])

    changes = []
    for j in range(len(new) + 1):
        changes.extend(
            BlockChange("deleted", mark_html(block.html, "del", parent_tag))
            for block in deleted_before.get(j, [])
        )
        if j == len(new):
            break
        block = new[j]
        if j not in partner:
            changes.append(BlockChange("inserted", mark_html(block.html, "ins", parent_tag)))
        elif old[partner[j]].html == block.html:
            changes.append(BlockChange("unchanged", block.html, moved=j in moved))
        else:
            html = diff_html(old[partner[j]].html, block.html, parent_tag)
            changes.append(BlockChange("changed", html, moved=j in moved))
    return changes


def pair_blocks(old: Sequence[RenderedBlock], new: Sequence[RenderedBlock]) -> dict[int, int]:
    """{old index: new index}: same StreamField id first, then by position among the blocks left."""
    old_ids = {block.key: i for i, block in enumerate(old)}
    pairs = {}
    for j, block in enumerate(new):
        i = old_ids.get(block.key)
        if i is not None and old[i].kind == block.kind:
            pairs[i] = j
    left_old = [i for i in range(len(old)) if i not in pairs]
    paired_new = set(pairs.values())
    left_new = [j for j in range(len(new)) if j not in paired_new]
    _pair_in_order(
        pairs, left_old, left_new, lambda i: (old[i].kind, old[i].html), lambda j: (new[j].kind, new[j].html)
    )
    return pairs


def _pair_in_order(pairs, left_old, left_new, old_key, new_key):
    """Pair identical blocks in order; in the runs between them, blocks of the same type by position."""
    matcher = difflib.SequenceMatcher(
        None, [old_key(i) for i in left_old], [new_key(j) for j in left_new], False
    )
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            pairs.update(zip(left_old[i1:i2], left_new[j1:j2], strict=True))
        elif operation == "replace":
            kinds = difflib.SequenceMatcher(
                None,
                [old_key(i)[0] for i in left_old[i1:i2]],
                [new_key(j)[0] for j in left_new[j1:j2]],
                False,
            )
            for kind_operation, k1, k2, l1, l2 in kinds.get_opcodes():
                if kind_operation == "equal":
                    pairs.update(zip(left_old[i1:i2][k1:k2], left_new[j1:j2][l1:l2], strict=True))


def moved_pairs(pairs: dict[int, int]) -> set[int]:
    """New indexes of paired blocks whose order changed: those outside the longest run kept in order."""
    by_new = sorted(pairs.items(), key=lambda pair: pair[1])
    old_order = [i for i, _j in by_new]
    kept = set()
    matcher = difflib.SequenceMatcher(None, sorted(old_order), old_order, False)
    for match in matcher.get_matching_blocks():
        kept.update(old_order[match.b : match.b + match.size])
    return {j for i, j in by_new if i not in kept}
