"""Read the seed glossary (content/glossary/<slug>.md, docs/glossary-format.md) without touching the database.

Every file is read and every problem collected before anything is saved, each reported as
`path:line: what is wrong`.
"""

import re
from pathlib import Path

import yaml

from .importing import GlossaryImportError, TermData, checked_definition, write_terms
from .models import LANGUAGES
from .text import markdown_definition

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOP_KEYS = {"slug", "related", *LANGUAGES}
LANGUAGE_KEYS = {"name", "pronunciation", "abbreviations", "other_names", "definition"}
KEY_LINE = re.compile(r"^(?P<indent>\s*)(?P<key>[A-Za-z_][\w-]*)\s*:")


def load_glossary_folder(folder, publish=False, user=None, create_only=False):
    """Read, check and save every term file of a folder; raises GlossaryImportError, saving nothing."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GlossaryImportError([(str(folder), "no such glossary folder")])
    terms, problems = [], []
    for path in sorted(folder.glob("*.md")):
        try:
            terms.append(read_term_file(path))
        except GlossaryImportError as error:
            problems += error.problems
    if problems:
        raise GlossaryImportError(problems)
    return write_terms(terms, publish=publish, user=user, create_only=create_only)


def read_term_file(path):
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise GlossaryImportError([(f"{path}:1", f"the file is not UTF-8 text ({error.reason})")]) from error
    meta, locations = _front_matter(path, lines)
    problems = []

    def problem(key, message):
        problems.append((locations.get(key, f"{path}:1"), message))

    for key in sorted(set(meta) - TOP_KEYS):
        problem(key, f"unknown key '{key}' (known keys: {', '.join(sorted(TOP_KEYS))})")
    slug = meta.get("slug")
    if not isinstance(slug, str) or not SLUG_PATTERN.match(slug):
        problem("slug", f"'slug' must be lowercase letters, digits and hyphens, not {slug!r}")
    elif slug != path.stem:
        problem("slug", f"the slug '{slug}' must be the file name ('{path.stem}.md')")
    related = meta.get("related") or []
    if not isinstance(related, list) or not all(
        isinstance(item, str) and SLUG_PATTERN.match(item) for item in related
    ):
        problem("related", "'related' must be a list of term slugs, e.g. [remission, bone-marrow]")
        related = []

    fields = {}
    for language in LANGUAGES:
        section = meta.get(language)
        if not isinstance(section, dict):
            problem(language, f"'{language}:' must hold the term in that language (name, definition, …)")
            continue
        for key in sorted(set(section) - LANGUAGE_KEYS):
            problem(
                f"{language}.{key}", f"unknown key '{key}' (known keys: {', '.join(sorted(LANGUAGE_KEYS))})"
            )
        for key in ("name", "definition"):
            if not isinstance(section.get(key), str) or not section[key].strip():
                problem(f"{language}.{key}" if key in section else language, f"missing {language} {key}")
        pronunciation = section.get("pronunciation") or ""
        if not isinstance(pronunciation, str):
            problem(f"{language}.pronunciation", "'pronunciation' must be text")
            pronunciation = ""
        lists = {}
        for key in ("abbreviations", "other_names"):
            items = section.get(key) or []
            if not isinstance(items, list) or not all(
                isinstance(item, str) and item.strip() for item in items
            ):
                problem(f"{language}.{key}", f"'{key}' must be a list of words, e.g. [MRD]")
                items = []
            lists[key] = "\n".join(item.strip() for item in items)
        definition = None
        if isinstance(section.get("definition"), str) and section["definition"].strip():
            definition = checked_definition(markdown_definition(section["definition"]))
            if definition is None:
                problem(
                    f"{language}.definition",
                    "definitions may only use **bold**, *italic* and [links](https://…)",
                )
        fields.update(
            {
                f"name_{language}": section["name"].strip() if isinstance(section.get("name"), str) else "",
                f"pronunciation_{language}": pronunciation.strip(),
                f"abbreviations_{language}": lists["abbreviations"],
                f"other_names_{language}": lists["other_names"],
                f"definition_{language}": definition or "",
            }
        )
    if problems:
        raise GlossaryImportError(problems)
    return TermData(
        slug=slug, source=f"{path}:1", fields=fields, related=related, locations=_field_locations(locations)
    )


def _front_matter(path, lines):
    """(metadata, {"key" or "language.key": "path:line"}); the file is front matter and nothing else."""
    if not lines or lines[0].strip() != "---":
        raise GlossaryImportError(
            [(f"{path}:1", "the file must start with front matter between two '---' lines")]
        )
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise GlossaryImportError([(f"{path}:1", "the front matter is not closed with a '---' line")])
    extra = next((i for i in range(end + 1, len(lines)) if lines[i].strip()), None)
    if extra is not None:
        raise GlossaryImportError([(f"{path}:{extra + 1}", "a term file has nothing after its front matter")])
    try:
        meta = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise GlossaryImportError(
            [(f"{path}:{mark.line + 2 if mark else 1}", f"broken front matter: {problem}")]
        ) from error
    if not isinstance(meta, dict):
        raise GlossaryImportError([(f"{path}:2", "the front matter must be 'key: value' lines")])
    locations, section = {}, None
    for number in range(1, end):
        match = KEY_LINE.match(lines[number])
        if not match:
            continue
        if not match["indent"]:
            section = match["key"]
            locations.setdefault(section, f"{path}:{number + 1}")
        elif section in LANGUAGES:
            locations.setdefault(f"{section}.{match['key']}", f"{path}:{number + 1}")
    return {str(key): value for key, value in meta.items()}, locations


def _field_locations(locations):
    """ "en.name" -> "name_en", the field names TermData.where() is asked about."""
    mapped = {}
    for key, where in locations.items():
        language, _, name = key.partition(".")
        mapped[f"{name}_{language}" if name else key] = where
    return mapped
