"""The YAML front matter between two '---' lines that opens every guide file and glossary seed file.

Both readers report problems by line, so the reader keeps, besides the values, the line each key is
written on: top-level keys as "key", keys indented under one as "parent.key".
"""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ContentError

KEY_LINE = re.compile(r"^(?P<indent>\s*)(?P<key>[A-Za-z_][\w-]*)\s*:")


@dataclass(frozen=True)
class FrontMatter:
    meta: dict  # the values, keys as text
    key_lines: dict  # "key" or "parent.key" -> line number
    body_start: int  # index (in the file's lines) of the first line after the closing '---'


def read_lines(path: Path | str) -> list[str]:
    """The file's lines; a file that is not UTF-8 is reported on its first line."""
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise ContentError(path, 1, f"the file is not UTF-8 text ({error.reason})") from error


def read_front_matter(path: Path | str, lines: list[str]) -> FrontMatter:
    """The front matter of a file's `lines`; raises ContentError naming the line of what is wrong."""
    if not lines or lines[0].strip() != "---":
        raise ContentError(path, 1, "the file must start with front matter between two '---' lines")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise ContentError(path, 1, "the front matter is not closed with a '---' line")
    try:
        meta = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise ContentError(path, _error_line(error), f"broken front matter: {problem}") from error
    if not isinstance(meta, dict):
        raise ContentError(path, 2, "the front matter must be 'key: value' lines")
    return FrontMatter({str(key): value for key, value in meta.items()}, _key_lines(lines[:end]), end + 1)


def _error_line(error: yaml.YAMLError) -> int:
    """The file line of a YAML error: an unclosed quote where it opens, other errors where they are found."""
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None)
    if "quoted scalar" in context or mark is None:
        mark = getattr(error, "context_mark", None) or mark
    return mark.line + 2 if mark else 1  # +1 for the opening '---', +1 because lines count from 1


def _key_lines(lines: list[str]) -> dict:
    """{"key" or "parent.key": line number} for the front matter `lines` (the opening '---' first)."""
    found, parent = {}, None
    for number, line in enumerate(lines[1:], start=2):
        match = KEY_LINE.match(line)
        if not match:
            continue
        if not match["indent"]:
            parent = match["key"]
            found.setdefault(parent, number)
        elif parent is not None:
            found.setdefault(f"{parent}.{match['key']}", number)
    return found
