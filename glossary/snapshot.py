"""The live glossary as this process serves it: read from the database once, reused until a term changes.

Every public use (term links, the A–Z pages, the JSON API) reads a `Glossary` snapshot instead of the
database. A version token in Django's cache (serving/tokens.py) says which snapshot is current; reading it
is one cache get per request and no SQL. Changing a term replaces the token (see occurrences.py), so every
process that shares the cache (Redis in production) rebuilds its snapshot on its next request.
"""

import re
import time
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from html import unescape

from django.db.models import Prefetch
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html

from serving.tokens import current_token, new_token, replace_tokens

from .linker import Matcher
from .models import LANGUAGES, GlossaryTerm, GlossaryTermRelation
from .text import fold, match_form, sanitize_definition, split_list

VERSION_KEY = "glossary:version"
UNSHARED_REBUILD_SECONDS = 30  # how stale a snapshot may get while the shared cache is unreachable
GLOSSARY_LINK = re.compile(r'<a\b[^>]*linktype="glossary"[^>]*>')
SLUG_PLACEHOLDER = "slug-placeholder"


@dataclass(frozen=True)
class Entry:
    """One term in one language, ready to show; what is derived from it is computed once per snapshot."""

    term_id: int
    slug: str  # of its page in this language (a Spanish page has a Spanish slug)
    language: str
    name: str
    pronunciation: str
    abbreviations: tuple
    other_names: tuple
    definition_html: str  # sanitized
    url: str
    api_url: str

    @cached_property
    def definition_text(self) -> str:
        """Plain text, for the in-place disclosure and meta descriptions."""
        return " ".join(unescape(strip_tags(re.sub(r"</p>|<br>", " ", self.definition_html))).split())

    @cached_property
    def sort_key(self) -> str:
        return fold(self.name).replace("ñ", "n~")  # ñ after n, as Spanish dictionaries sort

    @cached_property
    def letter(self) -> str:
        first = fold(self.name)[:1].upper()
        return first if first.isalpha() else "#"

    @cached_property
    def list_item(self) -> SafeString:
        """The entry as the A–Z and search lists show it, rendered once per snapshot: a long list costs a join."""
        return render_to_string("glossary/includes/entry.html", {"entry": self})

    def link_opening(self) -> SafeString:
        """How a term reads in the guide: a link to its page, which glossary.js turns into a disclosure."""
        return format_html(
            '<a class="glossary-term" href="{}" data-glossary-id="{}" data-glossary-api="{}">',
            self.url,
            self.term_id,
            self.api_url,
        )


@dataclass
class Term:
    id: int
    slug: str  # the concept's: its English page and the JSON API
    image_id: int | None
    image_alt: dict
    related_ids: tuple
    entries: dict  # language -> Entry, only for languages the term has a name in


@dataclass
class Glossary:
    version: str
    terms: dict  # id -> Term
    locales: dict  # Locale id -> language code
    _sorted: dict = field(default_factory=dict)
    _by_letter: dict = field(default_factory=dict)
    _matchers: dict = field(default_factory=dict)
    _link_openings: dict = field(default_factory=dict)
    _search_forms: dict = field(default_factory=dict)
    derived: dict = field(default_factory=dict)  # what views make from this snapshot, gone with it
    built_at: float = field(default_factory=time.monotonic)

    def __post_init__(self):
        self.by_slug = {term.slug: term for term in self.terms.values()}  # the concept's (English) slug
        self._by_address = {}

    def term_at(self, language: str, slug: str) -> Term | None:
        """The term whose page in `language` has this slug (Spanish pages use Spanish slugs), or None."""
        if language not in self._by_address:
            self._by_address[language] = {entry.slug: entry.term_id for entry in self.entries(language)}
        term_id = self._by_address[language].get(slug)
        return self.terms[term_id] if term_id is not None else None

    def entries(self, language: str) -> list[Entry]:
        """Every entry of a language in dictionary order."""
        if language not in self._sorted:
            entries = [term.entries[language] for term in self.terms.values() if language in term.entries]
            self._sorted[language] = sorted(entries, key=lambda entry: entry.sort_key)
        return self._sorted[language]

    def by_letter(self, language: str) -> dict[str, list[Entry]]:
        """{first letter: entries} of a language, each in dictionary order, made once per snapshot."""
        if language not in self._by_letter:
            groups = {}
            for entry in self.entries(language):
                groups.setdefault(entry.letter, []).append(entry)
            self._by_letter[language] = groups
        return self._by_letter[language]

    def entry(self, term_id: int, language: str) -> Entry | None:
        term = self.terms.get(term_id)
        return term.entries.get(language) if term else None

    def matcher(self, language: str) -> Matcher:
        """The language's automaton, built the first time this snapshot links text in that language."""
        if language not in self._matchers:
            self._matchers[language] = Matcher(
                (entry.term_id, text, is_abbreviation)
                for entry in self.entries(language)
                for text, is_abbreviation in (
                    (entry.name, False),
                    *((other, False) for other in entry.other_names),
                    *((abbreviation, True) for abbreviation in entry.abbreviations),
                )
            )
        return self._matchers[language]

    def link_openings(self, language: str) -> dict[int, SafeString]:
        """{term id: opening <a> tag} of a language's term links, made once per snapshot."""
        if language not in self._link_openings:
            self._link_openings[language] = {
                entry.term_id: entry.link_opening() for entry in self.entries(language)
            }
        return self._link_openings[language]

    def search(self, language: str, query: str, match: str = "contains") -> list[Entry]:
        """Entries whose name, other name or abbreviation starts with or contains `query`, accents ignored.

        Matches on the name come before matches on other forms; both keep dictionary order. The forms are
        searched as one string per kind (str.find runs in C), so a 5,000-term glossary costs about what a
        160-term one does, plus the matches themselves.
        """
        wanted = match_form(query).strip()
        if not wanted:
            return list(self.entries(language))
        if language not in self._search_forms:
            self._search_forms[language] = _FormIndex.of(self.entries(language))
        forms = self._search_forms[language]
        on_name = forms.names.find_all(wanted, match)
        on_other = forms.others.find_all(wanted, match) - on_name
        entries = self.entries(language)
        return [entries[i] for i in sorted(on_name)] + [entries[i] for i in sorted(on_other)]


SEPARATOR = "\x00"  # never in a match form: match_form turns every non-word character into a space


@dataclass(frozen=True)
class _Forms:
    """Match forms joined into one string, each after a separator, with the entry each one belongs to."""

    text: str
    starts: list  # where each form starts in `text`
    owners: list  # the entry index of each form

    @classmethod
    def of(cls, forms_by_entry):
        parts, starts, owners, position = [], [], [], 0
        for index, forms in enumerate(forms_by_entry):
            for form in forms:
                parts.append(SEPARATOR + form)
                starts.append(position + 1)
                owners.append(index)
                position += len(form) + 1
        return cls("".join(parts), starts, owners)

    def find_all(self, wanted, match):
        """Indexes of the entries with a form that starts with (or contains) `wanted`."""
        needle = SEPARATOR + wanted if match == "starts" else wanted
        found, position = set(), self.text.find(needle)
        while position != -1:
            found.add(self.owners[bisect_right(self.starts, position + (match == "starts")) - 1])
            position = self.text.find(needle, position + 1)
        return found


@dataclass(frozen=True)
class _FormIndex:
    names: _Forms
    others: _Forms

    @classmethod
    def of(cls, entries):
        return cls(
            names=_Forms.of([match_form(entry.name)] for entry in entries),
            others=_Forms.of(
                [match_form(text) for text in (*entry.other_names, *entry.abbreviations)] for entry in entries
            ),
        )


_current = None


def current_version() -> str | None:
    """The glossary's version token (made on first use), or None when the shared cache cannot be reached."""
    return current_token(VERSION_KEY)


def current_glossary(request: HttpRequest | None = None) -> Glossary:
    """The snapshot for this request: rebuilt only when the cache's version token has changed."""
    global _current
    if request is not None and hasattr(request, "_glossary_snapshot"):
        return request._glossary_snapshot
    version = current_version()
    snapshot = _current
    if version is None:
        # The shared cache is unreachable (Redis down) or keeps nothing: changes made by other processes
        # cannot be seen, so rebuild now and then rather than on every request.
        if snapshot is None or time.monotonic() - snapshot.built_at > UNSHARED_REBUILD_SECONDS:
            snapshot = _current = build(f"unshared-{new_token()}")
    elif snapshot is None or snapshot.version != version:
        snapshot = _current = build(version)
    if request is not None:
        request._glossary_snapshot = snapshot
    return snapshot


def glossary_changed() -> None:
    """Make every process rebuild its snapshot on its next request (this one even if the cache is down)."""
    global _current
    _current = None
    replace_tokens(VERSION_KEY)


def build(version: str) -> Glossary:
    """Read every live term: two queries for the terms and their related terms, one for the locales."""
    related = GlossaryTermRelation.objects.filter(related__live=True).order_by("sort_order")
    rows = GlossaryTerm.objects.filter(live=True).prefetch_related(
        Prefetch("related_links", queryset=related)
    )
    url_patterns = {language: _url_patterns(language) for language in LANGUAGES}
    terms = {}
    for row in rows:
        entries = {}
        for language in LANGUAGES:
            name = (getattr(row, f"name_{language}") or "").strip()
            if not name:
                continue
            slug = row.slug_in(language)
            url, api_url = (pattern.replace(SLUG_PLACEHOLDER, slug) for pattern in url_patterns[language])
            entries[language] = Entry(
                term_id=row.pk,
                slug=slug,
                language=language,
                name=name,
                pronunciation=(getattr(row, f"pronunciation_{language}") or "").strip(),
                abbreviations=tuple(split_list(getattr(row, f"abbreviations_{language}"))),
                other_names=tuple(split_list(getattr(row, f"other_names_{language}"))),
                definition_html=_definition_html(getattr(row, f"definition_{language}")),
                url=url,
                api_url=api_url,
            )
        terms[row.pk] = Term(
            id=row.pk,
            slug=row.slug,
            image_id=row.image_id,
            image_alt={language: getattr(row, f"image_alt_text_{language}") or "" for language in LANGUAGES},
            related_ids=tuple(link.related_id for link in row.related_links.all()),
            entries=entries,
        )
    locales = dict(Locale.objects.values_list("pk", "language_code"))
    return Glossary(version=version, terms=terms, locales=locales)


def _url_patterns(language):
    """(term page URL, API URL) with a placeholder slug: two reverses per language, not per term."""
    with translation.override(language):
        page = reverse("glossary:term", kwargs={"slug": SLUG_PLACEHOLDER})
    api = reverse("glossary_api:term", kwargs={"slug": SLUG_PLACEHOLDER}) + f"?lang={language}"
    return page, api


def _definition_html(raw):
    """Stored rich text to safe HTML: page links resolved, then anything but the allowed tags removed."""
    # A term link inside a definition would need this very snapshot to render; it renders as plain text.
    raw = GLOSSARY_LINK.sub("<a>", raw or "")
    return sanitize_definition(expand_db_html(raw))
