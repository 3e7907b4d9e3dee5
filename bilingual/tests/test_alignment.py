"""Pairing blocks of two language versions: by shared id, then by headings; every block shown once."""

from bilingual.alignment import BY_HEADINGS, BY_ID, Row, Slot, align, coverage


def body(*spec):
    """Slots from "id:type" strings ("-" for no shared id)."""
    return [Slot(None if ident == "-" else ident, kind) for ident, kind in (item.split(":") for item in spec)]


ENGLISH = body("a:heading", "b:rich_text", "c:callout", "d:heading", "e:rich_text", "f:questions")


def pairs(rows):
    return [(row.primary, row.secondary) for row in rows]


def assert_every_block_once(rows, primary, secondary):
    assert sorted(row.primary for row in rows if row.primary is not None) == list(range(len(primary)))
    assert sorted(row.secondary for row in rows if row.secondary is not None) == list(range(len(secondary)))


def test_identical_structure_pairs_every_block_by_id():
    rows = align(ENGLISH, list(ENGLISH))
    assert rows == [Row(i, i, BY_ID) for i in range(len(ENGLISH))]
    assert coverage(ENGLISH, ENGLISH) == 1


def test_an_extra_spanish_block_stands_alone_after_the_block_before_it():
    spanish = body(
        "a:heading", "b:rich_text", "x:rich_text", "c:callout", "d:heading", "e:rich_text", "f:questions"
    )
    rows = align(ENGLISH, spanish)
    assert pairs(rows) == [(0, 0), (1, 1), (None, 2), (2, 3), (3, 4), (4, 5), (5, 6)]
    assert_every_block_once(rows, ENGLISH, spanish)
    assert coverage(ENGLISH, spanish) == 1  # every English block still has its Spanish one


def test_a_missing_spanish_block_leaves_its_english_block_unmatched():
    spanish = body("a:heading", "b:rich_text", "d:heading", "e:rich_text", "f:questions")
    rows = align(ENGLISH, spanish)
    assert pairs(rows) == [(0, 0), (1, 1), (2, None), (3, 2), (4, 3), (5, 4)]
    assert coverage(ENGLISH, spanish) == 5 / 6


def test_reordered_blocks_stay_paired_in_the_readers_order():
    spanish = body("a:heading", "c:callout", "b:rich_text", "d:heading", "f:questions", "e:rich_text")
    rows = align(ENGLISH, spanish)
    assert pairs(rows) == [(0, 0), (1, 2), (2, 1), (3, 3), (4, 5), (5, 4)]
    assert all(row.how == BY_ID for row in rows)
    # Read from the Spanish side, the rows follow the Spanish order.
    assert pairs(align(spanish, ENGLISH)) == [(0, 0), (1, 2), (2, 1), (3, 3), (4, 5), (5, 4)]


def test_without_shared_ids_blocks_align_by_headings():
    """A translation written by hand: no shared id; the same headings, one section with an extra paragraph."""
    spanish = body(
        "-:heading", "-:rich_text", "-:callout", "-:heading", "-:rich_text", "-:rich_text", "-:questions"
    )
    rows = align(ENGLISH, spanish)
    assert pairs(rows) == [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (None, 5), (5, 6)]
    assert {row.how for row in rows if row.primary is not None} == {BY_HEADINGS}
    assert_every_block_once(rows, ENGLISH, spanish)


def test_headings_that_do_not_line_up_leave_their_blocks_unmatched_not_dropped():
    spanish = body("-:heading", "-:rich_text", "-:heading", "-:rich_text", "-:heading", "-:questions")
    english = body("-:heading", "-:rich_text", "-:heading", "-:questions")
    rows = align(english, spanish)
    assert_every_block_once(rows, english, spanish)
    assert all(row.primary is None or row.secondary is None for row in rows)
    assert coverage(english, spanish) == 0


def test_shared_ids_anchor_the_heading_fallback_between_them():
    """New blocks (fresh ids on both sides) between two shared blocks pair up by their kinds."""
    english = body("a:heading", "n1:rich_text", "n2:callout", "d:heading")
    spanish = body("a:heading", "m1:rich_text", "m2:callout", "d:heading")
    rows = align(english, spanish)
    assert [row.how for row in rows] == [BY_ID, BY_HEADINGS, BY_HEADINGS, BY_ID]


def test_one_side_empty():
    assert pairs(align(ENGLISH, [])) == [(i, None) for i in range(len(ENGLISH))]
    assert pairs(align([], ENGLISH[:2])) == [(None, 0), (None, 1)]
    assert coverage([], ENGLISH) is None
