"""The glossary as CSV, for translators and boards: one row per term, both languages side by side.

`slug_es` (the Spanish page's address) is optional, as in the seed files; an export carries it so that a
round trip keeps it. Lists (abbreviations, other names, related slugs) are separated by semicolons;
definitions are exported as their (sanitized) HTML, and Markdown is accepted on import. Row numbers in errors are spreadsheet rows: the
header is row 1.
"""

import csv
from pathlib import Path
from typing import TextIO

from django.utils.text import slugify

from content_files.rich_text import markdown_to_rich_text

from .importing import IMPORTED_FIELDS, GlossaryImportError, TermData, checked_definition
from .models import LANGUAGES, GlossaryTerm
from .text import sanitize_definition, split_list

COLUMNS = ["slug", "slug_es", *IMPORTED_FIELDS, "related"]
LIST_COLUMNS = {f"{name}_{language}" for name in ("abbreviations", "other_names") for language in LANGUAGES}
SEPARATOR = ";"


def read_csv(path: str | Path) -> list[TermData]:
    """Every row as TermData; raises GlossaryImportError listing every bad row. Touches no database."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise GlossaryImportError([(str(path), f"cannot read the CSV file ({error})")]) from error
    problems = [(f"{path}:row 1", f"unknown column '{column}'") for column in header if column not in COLUMNS]
    problems += [
        (f"{path}:row 1", f"missing column '{column}'")
        for column in ("name_en", "definition_en")
        if column not in header
    ]
    if problems:
        raise GlossaryImportError(problems)
    terms = []
    for number, row in enumerate(rows, start=2):
        where = f"{path}:row {number}"
        if None in row:
            problems.append((where, "this row has more cells than the header"))
            continue
        try:
            terms.append(_read_row({column: (row.get(column) or "").strip() for column in COLUMNS}, where))
        except GlossaryImportError as error:
            problems += error.problems
    if problems:
        raise GlossaryImportError(problems)
    return terms


def _read_row(values, where):
    problems = []
    if not values["name_en"]:
        problems.append("missing English name (name_en)")
    if not values["definition_en"]:
        problems.append("missing English definition (definition_en)")
    spanish = [column for column in IMPORTED_FIELDS if column.endswith("_es") and values[column]]
    if spanish and not values["name_es"]:
        problems.append("missing Spanish name (name_es): the row has other Spanish columns")
    if values["name_es"] and not values["definition_es"]:
        problems.append("missing Spanish definition (definition_es)")
    if values["slug"] and slugify(values["slug"]) != values["slug"]:
        problems.append(f"the slug '{values['slug']}' must be lowercase letters, digits and hyphens")
    if values["slug_es"] and slugify(values["slug_es"]) != values["slug_es"]:
        problems.append(
            f"the Spanish slug '{values['slug_es']}' must be lowercase letters, digits and hyphens"
        )
    fields = {name: values[name] for name in IMPORTED_FIELDS}
    for column in LIST_COLUMNS:
        fields[column] = "\n".join(item.strip() for item in values[column].split(SEPARATOR) if item.strip())
    for language in LANGUAGES:
        column = f"definition_{language}"
        if values[column]:
            fields[column] = checked_definition(markdown_to_rich_text(values[column].strip()))
            if fields[column] is None:
                problems.append(f"{column} may only use bold, italic and links")
    if problems:
        raise GlossaryImportError([(where, message) for message in problems])
    return TermData(
        slug=values["slug"] or slugify(values["name_en"])[:90],
        source=where,
        slug_es=values["slug_es"],
        fields=fields,
        related=[slug.strip() for slug in values["related"].split(SEPARATOR) if slug.strip()],
    )


def write_csv(handle: TextIO, live: bool = False) -> None:
    """Every term (its latest revision, or with `live` only what families see now) as CSV rows."""
    writer = csv.writer(handle)
    writer.writerow(COLUMNS)
    terms = GlossaryTerm.objects.filter(live=True) if live else GlossaryTerm.objects.all()
    slugs = dict(GlossaryTerm.objects.values_list("pk", "slug"))
    for term in terms.order_by("slug"):
        if not live:
            term = term.get_latest_revision_as_object()
        row = {name: getattr(term, name) or "" for name in IMPORTED_FIELDS}
        for language in LANGUAGES:
            row[f"definition_{language}"] = sanitize_definition(row[f"definition_{language}"])
        for column in LIST_COLUMNS:
            row[column] = f"{SEPARATOR} ".join(split_list(row[column]))
        row["slug"] = term.slug
        row["slug_es"] = term.slug_es or ""
        row["related"] = f"{SEPARATOR} ".join(
            slugs[link.related_id] for link in term.related_links.all() if link.related_id in slugs
        )
        writer.writerow([row[column] for column in COLUMNS])
