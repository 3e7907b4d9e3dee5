"""Write terms read from seed files or CSV into the glossary, all or nothing.

Readers (term_files.py, csv_files.py) turn their source into `TermData` without touching the database;
`check_terms` finds every problem across the whole set, then `write_terms` saves everything in one
transaction. Changed terms get a new revision, like an editor's edit; live terms change only when
`publish` is set. Unchanged terms are left alone, so loading the same files twice adds nothing.
"""

from dataclasses import dataclass, field
from html import unescape

from django.contrib.auth.models import User
from django.db import transaction

from content_files.report import ImportReport

from .models import LANGUAGES, GlossaryTerm, GlossaryTermRelation
from .text import match_form, sanitize_definition, split_list

TRANSLATED_FIELDS = ("name", "pronunciation", "abbreviations", "other_names", "definition")
IMPORTED_FIELDS = tuple(f"{name}_{language}" for language in LANGUAGES for name in TRANSLATED_FIELDS)


class GlossaryImportError(Exception):
    """Every problem found, each as "where: what is wrong"; nothing was saved."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(f"{where}: {message}" for where, message in problems))


@dataclass
class TermData:
    """One term as read from a file or a CSV row; `where(key)` locates a key for error messages."""

    slug: str
    source: str  # "path:line" of the file or "file.csv:row N"
    fields: dict  # the IMPORTED_FIELDS that the source sets; definitions already rich-text HTML
    related: list = field(default_factory=list)
    locations: dict = field(default_factory=dict)  # key -> "path:line"
    slug_es: str = ""  # the Spanish page's slug if the source gives one; else made from the Spanish name

    def where(self, key: str) -> str:
        return self.locations.get(key, self.source)


def checked_definition(markdown_html: str) -> str | None:
    """The definition if it only uses what definitions allow, else None (the reader reports it)."""
    clean = sanitize_definition(markdown_html)
    return clean if unescape(clean) == unescape(markdown_html.strip()) else None


def check_terms(terms: list[TermData]) -> list[tuple[str, str]]:
    """Problems across the set and against the terms already in the glossary: (where, message)."""
    problems = []
    seen_slugs = {}
    for term in terms:
        if term.slug in seen_slugs:
            problems.append(
                (term.where("slug"), f"the slug '{term.slug}' is also used by {seen_slugs[term.slug]}")
            )
        seen_slugs.setdefault(term.slug, term.source)

    imported = {term.slug for term in terms}
    existing = GlossaryTerm.objects.exclude(slug__in=imported)
    problems += _spanish_slug_problems(terms, existing)
    for language in LANGUAGES:
        owners = {}  # folded name or other name -> (slug, where)
        for slug, name, other_names in existing.values_list(
            "slug", f"name_{language}", f"other_names_{language}"
        ):
            for text in [name or "", *split_list(other_names)]:
                if text.strip():
                    owners.setdefault(match_form(text), (slug, "the glossary"))
        for term in terms:
            name = term.fields.get(f"name_{language}") or ""
            for text in [name, *split_list(term.fields.get(f"other_names_{language}"))]:
                if not text.strip():
                    continue
                owner = owners.setdefault(match_form(text), (term.slug, term.source))
                if owner[0] != term.slug:
                    problems.append(
                        (
                            term.where(f"name_{language}" if text == name else f"other_names_{language}"),
                            f"'{text}' ({language}) is already a name of '{owner[0]}' ({owner[1]})",
                        )
                    )

    known = imported | set(existing.values_list("slug", flat=True))
    for term in terms:
        for slug in term.related:
            if slug == term.slug:
                problems.append((term.where("related"), "a term cannot be related to itself"))
            elif slug not in known:
                problems.append((term.where("related"), f"related term '{slug}' is not in the glossary"))
    return problems


def _spanish_slug_problems(terms, existing):
    """A Spanish slug given twice, taken by another term, or different from the one a term already has."""
    problems = []
    owners = dict(existing.exclude(slug_es=None).values_list("slug_es", "slug"))
    stored = dict(
        GlossaryTerm.objects.filter(slug__in=[term.slug for term in terms])
        .exclude(slug_es=None)
        .values_list("slug", "slug_es")
    )
    for term in terms:
        if not term.slug_es:
            continue
        where = term.where("slug_es")
        if stored.get(term.slug, term.slug_es) != term.slug_es:
            problems.append(
                (where, f"the term's Spanish slug is '{stored[term.slug]}' and cannot change: links use it")
            )
        elif owners.setdefault(term.slug_es, term.slug) != term.slug:
            problems.append(
                (where, f"the Spanish slug '{term.slug_es}' is also used by '{owners[term.slug_es]}'")
            )
    return problems


def write_terms(
    terms: list[TermData], publish: bool = False, user: User | None = None, create_only: bool = False
) -> ImportReport:
    """Check, then save every term in one transaction. Raises GlossaryImportError; nothing is saved then.

    `create_only` adds the terms that do not exist yet and leaves every existing term exactly as it is,
    so that re-running the demo loader never replaces what editors changed and published.
    """
    problems = check_terms(terms)
    if problems:
        raise GlossaryImportError(problems)
    report = ImportReport()
    with transaction.atomic():
        rows = GlossaryTerm.objects.in_bulk([term.slug for term in terms], field_name="slug")
        # New terms first get a draft row, so that related terms can point at them.
        report.created = GlossaryTerm.objects.bulk_create(
            GlossaryTerm(slug=term.slug, slug_es=term.slug_es or None, live=False, **_values(term))
            for term in terms
            if term.slug not in rows
        )
        rows.update({row.slug: row for row in report.created})
        related_ids = dict(
            GlossaryTerm.objects.filter(slug__in=_all_related(terms)).values_list("slug", "pk")
        )
        related_ids.update({slug: row.pk for slug, row in rows.items()})
        created_slugs = {row.slug for row in report.created}
        for term in terms:
            if create_only and term.slug not in created_slugs:
                report.left_alone.append(rows[term.slug])
                continue
            _write_term(rows[term.slug], term, related_ids, publish, user, report)
    return report


def _write_term(row, term, related_ids, publish, user, report):
    is_new = row in report.created
    latest = row if is_new else row.get_latest_revision_as_object()
    before = None if is_new else _fingerprint(latest)
    for name, value in _values(term).items():
        setattr(latest, name, value)
    if term.slug_es and not row.slug_es:  # a Spanish slug the term did not have yet (checked: never a change)
        row.slug_es = latest.slug_es = term.slug_es
        row.save(update_fields=["slug_es"])
    latest.related_links = [
        GlossaryTermRelation(related_id=related_ids[slug], sort_order=order)
        for order, slug in enumerate(term.related)
    ]
    if before is not None and _fingerprint(latest) == before:
        report.unchanged.append(row)
        if publish and (not row.live or row.has_unpublished_changes):
            row.latest_revision.publish(user=user)
            report.published.append(row)
        return
    if not is_new:
        report.updated.append(row)
    revision = latest.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        report.published.append(row)


def _values(term):
    return {name: term.fields.get(name) or "" for name in IMPORTED_FIELDS}


def _all_related(terms):
    return {slug for term in terms for slug in term.related}


def _fingerprint(term):
    """What an import controls, comparable across sources (the admin's editor adds attributes)."""
    values = [
        sanitize_definition(getattr(term, name))
        if name.startswith("definition_")
        else getattr(term, name) or ""
        for name in IMPORTED_FIELDS
    ]
    return values, [link.related_id for link in term.related_links.all()]
