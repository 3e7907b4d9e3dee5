"""Finding index rows for a reader's query, in one language, best first.

PostgreSQL: full-text search with the language's configuration (stemming, accents ignored), ranked, with
snippets from ts_headline for the page shown. SQLite: every query word must start a word of the folded
text (see text.word_patterns), title matches first, snippets cut in Python. Either way a search is a
few queries (the count, one page of rows, and on PostgreSQL that page's snippets) and only one page of
rows is ever read into Python.

A query that is exactly a glossary term's abbreviation or other name ("LLA", "MRD") also finds what uses
the term's name, from the live glossary snapshot.
"""

from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.safestring import SafeString

from .configs import config_for, uses_postgres
from .models import Kind, SearchEntry
from .text import MARK_START, MARK_STOP, exact_name, highlighted, marked_snippet, query_words, word_patterns

FIELDS = ("pk", "title", "url", "kind", "guide_title", "guide_url")
# A title, abbreviation or other name equal to the query first (the term "LLA" stands for), then by rank.
ORDER = ("-exact", "-rank", "kind", "title", "pk")
_aliases = {}  # (glossary version, language) -> {folded abbreviation or other name: [term names]}


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    kind_label: str
    guide_title: str
    guide_url: str
    snippet: SafeString


@dataclass(frozen=True)
class Search:
    language: str
    rows: object  # an ordered, lazy queryset of dicts: what the Paginator slices
    words: tuple = ()  # SQLite: folded words of the query and its expansions, for snippets
    search_query: object = None  # PostgreSQL: the tsquery, for ts_headline

    def results(self, rows):
        """One page of rows as Results with safe, highlighted snippets."""
        rows = list(rows)
        marked = self._marked(rows)
        return [
            Result(
                title=row["title"],
                url=row["url"],
                kind_label=Kind(row["kind"]).label,
                guide_title=row["guide_title"],
                guide_url=row["guide_url"],
                snippet=highlighted(marked.get(row["pk"], "")),
            )
            for row in rows
        ]

    def _marked(self, rows):
        """{pk: text with match markers}. PostgreSQL: one more query, so ts_headline runs for this page only."""
        if self.search_query is None:
            return {row["pk"]: marked_snippet(row["text"], self.words) for row in rows}
        if not rows:
            return {}
        headline = SearchHeadline(
            "text",
            self.search_query,
            config=config_for(self.language),
            start_sel=MARK_START,
            stop_sel=MARK_STOP,
            min_words=20,
            max_words=40,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
        entries = SearchEntry.objects.filter(pk__in=[row["pk"] for row in rows])
        return dict(entries.annotate(marked=headline).values_list("pk", "marked"))


def term_names_for(glossary, language, query):
    """Names of the live terms the query is an abbreviation or other name of, in the reader's language."""
    key = (glossary.version, language)
    aliases = _aliases.get(key)
    if aliases is None:
        aliases = {}
        for entry in glossary.entries(language):
            for form in (*entry.abbreviations, *entry.other_names):
                aliases.setdefault(" ".join(query_words(form)), []).append(entry.name)
        for stale in [other for other in _aliases if other[0] != glossary.version]:
            _aliases.pop(stale, None)  # only the current glossary version is worth keeping
        _aliases[key] = aliases
    return aliases.get(" ".join(query_words(query)), [])


def find(language, query, term_names=()):
    """The reader's language's rows matching `query` or one of `term_names`."""
    if uses_postgres():
        return _full_text(language, query, term_names)
    return _folded(language, query, term_names)


def _full_text(language, query, term_names):
    config = config_for(language)
    search_query = SearchQuery(query, config=config, search_type="websearch")
    for name in term_names:
        search_query |= SearchQuery(name, config=config, search_type="phrase")
    rows = (
        SearchEntry.objects.filter(language=language, search_vector=search_query)
        .annotate(
            exact=_exact(query),
            rank=SearchRank(F("search_vector"), search_query, normalization=Value(1)),
        )
        .order_by(*ORDER)
        .values(*FIELDS)
    )
    return Search(language=language, rows=rows, search_query=search_query)


def _folded(language, query, term_names):
    alternatives = [words for words in (query_words(query), *map(query_words, term_names)) if words]
    entries = SearchEntry.objects.filter(language=language)
    if not alternatives:
        return Search(language=language, rows=entries.none().values(*FIELDS, "text"))
    matches = reduce(or_, (_all_words("folded", words) for words in alternatives))
    title_matches = reduce(or_, (_all_words("folded_names", words) for words in alternatives))
    rows = (
        entries.filter(matches)
        .annotate(
            exact=_exact(query),
            rank=Case(When(title_matches, then=1), default=0, output_field=IntegerField()),
        )
        .order_by(*ORDER)
        .values(*FIELDS, "text")
    )
    return Search(
        language=language, rows=rows, words=tuple({word for words in alternatives for word in words})
    )


def _exact(query):
    if not query_words(query):
        return Value(0, output_field=IntegerField())
    exact = Q(folded_names__contains=exact_name(query))
    return Case(When(exact, then=1), default=0, output_field=IntegerField())


def _all_words(field, words):
    return reduce(and_, (Q(**{f"{field}__contains": word_patterns(word)[0]}) for word in words))
