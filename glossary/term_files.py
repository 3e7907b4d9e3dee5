"""Read the seed glossary (content/glossary/<slug>.md, docs/glossary-format.md) without touching the database.

Every file is read and every problem collected before anything is saved, each reported as
`path:line: what is wrong`.
"""

from pathlib import Path

from django.contrib.auth.models import User

from content_files.errors import ContentError
from content_files.front_matter import read_front_matter, read_lines
from content_files.report import ImportReport
from content_files.rich_text import markdown_to_rich_text
from content_files.slugs import is_slug

from .importing import GlossaryImportError, TermData, checked_definition, write_terms
from .models import LANGUAGES

TOP_KEYS = {"slug", "slug_es", "related", *LANGUAGES}
LANGUAGE_KEYS = {"name", "pronunciation", "abbreviations", "other_names", "definition"}


def load_glossary_folder(
    folder: str | Path, publish: bool = False, user: User | None = None, create_only: bool = False
) -> ImportReport:
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


def read_term_file(path: Path | str) -> TermData:
    """One seed file as TermData; raises GlossaryImportError listing every problem in it."""
    path = Path(path)
    meta, locations = _front_matter(path)
    problems = []

    def problem(key, message):
        problems.append((locations.get(key, f"{path}:1"), message))

    for key in sorted(set(meta) - TOP_KEYS):
        problem(key, f"unknown key '{key}' (known keys: {', '.join(sorted(TOP_KEYS))})")
    slug = meta.get("slug")
    if not is_slug(slug):
        problem("slug", f"'slug' must be lowercase letters, digits and hyphens, not {slug!r}")
    elif slug != path.stem:
        problem("slug", f"the slug '{slug}' must be the file name ('{path.stem}.md')")
    slug_es = meta.get("slug_es") or ""  # optional: made from the Spanish name when the term is published
    if slug_es and not is_slug(slug_es):
        problem("slug_es", f"'slug_es' must be lowercase letters, digits and hyphens, not {slug_es!r}")
        slug_es = ""
    related = meta.get("related") or []
    if not isinstance(related, list) or not all(is_slug(item) for item in related):
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
            definition = checked_definition(markdown_to_rich_text(section["definition"].strip()))
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
        slug=slug,
        slug_es=slug_es,
        source=f"{path}:1",
        fields=fields,
        related=related,
        locations=_field_locations(locations),
    )


def _front_matter(path: Path) -> tuple[dict, dict]:
    """(metadata, {"key" or "language.key": "path:line"}); the file is front matter and nothing else."""
    try:
        lines = read_lines(path)
        front_matter = read_front_matter(path, lines)
    except ContentError as error:
        raise GlossaryImportError([(f"{path}:{error.line}", error.message)]) from error
    extra = next((i for i in range(front_matter.body_start, len(lines)) if lines[i].strip()), None)
    if extra is not None:
        raise GlossaryImportError([(f"{path}:{extra + 1}", "a term file has nothing after its front matter")])
    locations = {key: f"{path}:{line}" for key, line in front_matter.key_lines.items()}
    return front_matter.meta, locations


def _field_locations(locations):
    """ "en.name" -> "name_en", the field names TermData.where() is asked about."""
    mapped = {}
    for key, where in locations.items():
        language, _, name = key.partition(".")
        mapped[f"{name}_{language}" if name else key] = where
    return mapped
