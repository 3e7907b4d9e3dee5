"""Pairing the blocks of a section's two language versions, for reading them side by side.

1. Blocks with the same StreamField block id are pairs: Wagtail's "Translate" (copy_for_translation) copies
   the body with its ids, and the guide importer gives the demo guides shared ids.
2. Between pairs that keep their order (the anchors), blocks without a shared id are aligned by headings:
   when both sides have as many headings there, heading k pairs with heading k, and the blocks under a pair
   of headings pair where their kinds run the same (difflib over the block types); the rest stay unmatched.
3. Rows follow the primary side's order (the reader's language). A block of the other side that pairs with
   nothing comes right after the row of the block before it on its own side: shown, never dropped.

Pure functions over (id, type) pairs, so the view, the coverage on the status page and the tests share them.
"""

from dataclasses import dataclass
from difflib import SequenceMatcher

from wagtail.blocks import StreamValue

BY_ID, BY_HEADINGS = "id", "headings"


@dataclass(frozen=True)
class Row:
    """One line of the side-by-side view: an index into each side's blocks (None: nothing matches)."""

    primary: int | None
    secondary: int | None
    how: str | None = None  # BY_ID or BY_HEADINGS when both sides are there


@dataclass(frozen=True)
class Slot:
    """What alignment needs to know of a block."""

    id: str | None
    type: str


def slots(stream_value: StreamValue) -> list[Slot]:
    """The (id, type) of each block of a StreamField value, read from its stored data (nothing is built)."""
    return [Slot(block.get("id"), block["type"]) for block in stream_value.raw_data]


def align(primary: list[Slot], secondary: list[Slot]) -> list[Row]:
    """Rows pairing `primary` and `secondary` (lists of Slot), in primary order, every block exactly once."""
    by_id = _pairs_by_id(primary, secondary)
    taken = set(by_id.values())
    anchors = _ordered_chain(sorted(by_id.items()))
    bounds = [(-1, -1), *anchors, (len(primary), len(secondary))]
    by_headings = {}
    for (p_start, s_start), (p_end, s_end) in zip(bounds, bounds[1:], strict=False):
        p_free = [i for i in range(p_start + 1, p_end) if i not in by_id]
        s_free = [j for j in range(s_start + 1, s_end) if j not in taken]
        by_headings.update(_pairs_by_headings(p_free, s_free, primary, secondary))
    return _rows(len(primary), len(secondary), by_id, by_headings)


def coverage(source: list[Slot], translation: list[Slot]) -> float | None:
    """The share (0–1) of the source's blocks that have a paired block in the translation; None if empty."""
    if not source:
        return None
    rows = align(source, translation)
    return sum(1 for row in rows if row.primary is not None and row.secondary is not None) / len(source)


def _pairs_by_id(primary, secondary):
    positions = {}
    for j, slot in enumerate(secondary):
        if slot.id and slot.id not in positions:
            positions[slot.id] = j
    return {i: positions[slot.id] for i, slot in enumerate(primary) if slot.id in positions}


def _ordered_chain(pairs):
    """The longest run of (primary, secondary) pairs whose secondary positions increase: the anchors."""
    best = []  # best[k]: the chain ending at pairs[k]
    for k, (_i, j) in enumerate(pairs):
        before = [best[m] for m in range(k) if pairs[m][1] < j]
        best.append([*max(before, key=len, default=[]), pairs[k]])
    return max(best, key=len, default=[])


def _pairs_by_headings(p_free, s_free, primary, secondary):
    """Pairs among blocks without a shared id lying between the same two anchors."""
    p_parts, s_parts = _by_heading(p_free, primary), _by_heading(s_free, secondary)
    if len(p_parts) != len(s_parts):
        return []
    found = []
    for p_part, s_part in zip(p_parts, s_parts, strict=True):
        matcher = SequenceMatcher(
            None, [primary[i].type for i in p_part], [secondary[j].type for j in s_part], autojunk=False
        )
        for a, b, size in matcher.get_matching_blocks():
            found += [(p_part[a + k], s_part[b + k]) for k in range(size)]
    return found


def _by_heading(indexes, slots_):
    """`indexes` cut before each heading: [blocks before the first heading, heading and its blocks, …]."""
    parts = [[]]
    for i in indexes:
        if slots_[i].type == "heading":
            parts.append([])
        parts[-1].append(i)
    return parts


def _rows(primary_count, secondary_count, by_id, by_headings):
    rows = []
    for i in range(primary_count):
        if i in by_id:
            rows.append(Row(i, by_id[i], BY_ID))
        elif i in by_headings:
            rows.append(Row(i, by_headings[i], BY_HEADINGS))
        else:
            rows.append(Row(i, None))
    paired = {*by_id.values(), *by_headings.values()}
    for j in range(secondary_count):
        if j in paired:
            continue
        # Right after the row holding the block before it on its own side (placed earlier in this loop).
        before = next((n for n, row in enumerate(rows) if j > 0 and row.secondary == j - 1), -1)
        rows.insert(before + 1, Row(None, j))
    return rows
