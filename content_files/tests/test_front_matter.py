"""The front matter reader both guide files and glossary seed files use: values, key lines, errors by line."""

import pytest

from content_files.errors import ContentError
from content_files.front_matter import read_front_matter
from content_files.slugs import is_slug


def test_keys_are_located_by_line_nested_ones_under_their_parent():
    lines = [
        "---",
        "slug: bone-marrow",
        "en:",
        "  name: Bone marrow",
        "  definition: Soft tissue.",
        "---",
        "x",
    ]
    front_matter = read_front_matter("term.md", lines)
    assert front_matter.meta == {
        "slug": "bone-marrow",
        "en": {"name": "Bone marrow", "definition": "Soft tissue."},
    }
    assert front_matter.key_lines == {"slug": 2, "en": 3, "en.name": 4, "en.definition": 5}
    assert front_matter.body_start == 6


@pytest.mark.parametrize(
    ("lines", "where"),
    [
        (["title: x"], "f.md:1: the file must start with front matter"),
        (["---", "title: x"], "f.md:1: the front matter is not closed"),
        (["---", "title: 'x", "slug: a", "---"], "f.md:2: broken front matter"),  # where the quote opens
        (["---", "title: x", "en: [", "---"], "f.md:3: broken front matter"),
        (["---", "- a list", "---"], "f.md:2: the front matter must be 'key: value' lines"),
    ],
    ids=["no-front-matter", "not-closed", "unclosed-quote", "unclosed-list", "not-a-mapping"],
)
def test_problems_name_file_and_line(lines, where):
    with pytest.raises(ContentError) as error:
        read_front_matter("f.md", lines)
    assert str(error.value).startswith(where)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("bone-marrow", True),
        ("all2", True),
        ("Bone-marrow", False),
        ("bone--marrow", False),
        ("-x", False),
        ("bone_marrow", False),
        ("", False),
        (None, False),
    ],
)
def test_the_slug_rule(value, ok):
    assert is_slug(value) is ok
