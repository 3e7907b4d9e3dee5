"""The README and docs/ link only to files and headings that exist, and name nothing outside the repository."""

import re

import pytest
from django.conf import settings

DOCS = [settings.BASE_DIR / "README.md", *sorted((settings.BASE_DIR / "docs").glob("*.md"))]
CODE_BLOCK = re.compile(r"^```.*?^```", re.M | re.S)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def prose(path):
    return CODE_BLOCK.sub("", path.read_text(encoding="utf-8"))


def anchors(path):
    """The ids GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"^#+ (.+)$", prose(path), re.M)
    return {
        re.sub(r"[^\w\- ]", "", heading.replace("`", "").lower()).strip().replace(" ", "-")
        for heading in headings
    }


@pytest.mark.parametrize("document", DOCS, ids=lambda path: path.name)
def test_relative_links_reach_a_file_and_heading(document):
    broken = []
    for target in LINK.findall(prose(document)):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, fragment = target.partition("#")
        linked = (document.parent / path).resolve() if path else document
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif fragment and linked.suffix == ".md" and fragment not in anchors(linked):
            broken.append(f"{target}: no such heading")
    assert not broken, f"{document.name}: " + "; ".join(broken)


@pytest.mark.parametrize("document", DOCS, ids=lambda path: path.name)
def test_no_paths_outside_the_repository_or_issue_numbers(document):
    text = document.read_text(encoding="utf-8")
    assert not re.findall(r"\.\./shared|\b[Ii]ssues? \d+", text)
