"""Finding index rows for a reader's query, in one language, best first.

PostgreSQL: full-text search with the language's configuration (stemming, accents ignored), ranked, with
snippets from ts_headline for the page shown. SQLite: every query word must start a word of the folded
text (see text.word_patterns), title matches first, snippets cut in Python. Either way a search is a
few queries (the ranked ids, the count when there are many, and one page of rows with their snippets) and
only one page of rows is ever read into Python.

Ranking reads every match, so its cost grows with the matches (about a microsecond each on PostgreSQL).
The count and the first RANKED ids of a search are therefore kept in each process for the content
generation (serving/memo.py, at most 512 searches; search indexing replaces the generation): a repeated
search is one query, for its page's rows, however many rows match.

A query that is exactly a glossary term's abbreviation or other name ("LLA", "MRD") also finds what uses
the term's name, from the live glossary snapshot.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString

from glossary.snapshot import Glossary
from serving.memo import generation_memo

from .configs import config_for, uses_postgres
from .models import Kind, SearchEntry
from .text import MARK_START, MARK_STOP, exact_name, highlighted, marked_snippet, query_words, word_patterns

FIELDS = ("pk", "title", "url", "kind", "guide_title", "guide_url")
# A title, abbreviation or other name equal to the query first (the term "LLA" stands for), then by rank.
ORDER = ("-exact", "-rank", "kind", "title", "pk")
RANKED = 100  # ids kept per search in the memo: its first ten pages
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
    # Makes the matches' ids, best first (an ordered, lazy queryset): only when asked for, since building it
    # (Django resolving the annotations) was a tenth of a repeated search, whose ranking the memo keeps.
    make_ranked: Callable[[], QuerySet]
    key: tuple = ()  # (language, query, term names, guide): what the memo knows the search by
    words: tuple = ()  # SQLite: folded words of the query and its expansions, for snippets
    search_query: SearchQuery | None = None  # PostgreSQL: the tsquery, for ts_headline

    @cached_property
    def ranked(self) -> QuerySet:
        return self.make_ranked()

    def pages(self, request: HttpRequest) -> "RankedRows":
        return RankedRows(self, request)

    def rows(self, pks: Sequence[int]) -> list[dict]:
        """The rows with these ids, in this order, with their text marked where it matches: one query.

        PostgreSQL: ts_headline runs in that query, so for this page's rows only.
        """
        entries = SearchEntry.objects.filter(pk__in=pks)
        if self.search_query is None:
            found = {row["pk"]: row for row in entries.values(*FIELDS, "text")}
            for row in found.values():
                row["marked"] = marked_snippet(row.pop("text"), self.words)
        else:
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
            found = {row["pk"]: row for row in entries.values(*FIELDS, marked=headline)}
        return [found[pk] for pk in pks if pk in found]  # a row deleted meanwhile is left out

    def results(self, rows: Iterable[dict]) -> list[Result]:
        """Rows as Results with safe, highlighted snippets."""
        return [
            Result(
                title=row["title"],
                url=row["url"],
                kind_label=Kind(row["kind"]).label,
                guide_title=row["guide_title"],
                guide_url=row["guide_url"],
                snippet=highlighted(row["marked"] or ""),
            )
            for row in rows
        ]


class RankedRows:
    """A search's rows for the Paginator: its count and its first RANKED ids from the process's memo."""

    def __init__(self, search, request):
        self.search, self.request = search, request

    @cached_property
    def ranking(self) -> tuple[int, tuple[int, ...]]:
        return generation_memo(self.request, "search-ranking", self.search.key, self._rank)

    def _rank(self):
        """(count, first ids): no count query when all the matches fit."""
        pks = tuple(self.search.ranked[:RANKED])
        return (len(pks) if len(pks) < RANKED else self.search.ranked.count()), pks

    def count(self) -> int:
        return self.ranking[0]

    def __getitem__(self, index):
        """One page (the Paginator asks for a slice): its ids from the memo, or the database beyond it. Its rows
        are read when first used: a page whose results are kept as rendered (templates/search/results.html)
        makes no query for them."""
        pks = self.ranking[1]
        wanted = pks[index] if index.stop <= len(pks) else list(self.search.ranked[index])
        return SimpleLazyObject(lambda: self.search.rows(wanted))


def term_names_for(glossary: Glossary, language: str, query: str) -> list[str]:
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


def find(language: str, query: str, term_names: Sequence[str] = (), guide_id: int | None = None) -> Search:
    """The reader's language's rows matching `query` or one of `term_names`; only one guide's if `guide_id`."""
    rows = SearchEntry.objects.filter(language=language)
    if guide_id is not None:
        rows = rows.filter(guide_id=guide_id)
    found = (_full_text if uses_postgres() else _folded)(rows, language, query, term_names)
    return replace(found, key=(language, query, tuple(term_names), guide_id))


def _full_text(rows, language, query, term_names):
    config = config_for(language)
    search_query = SearchQuery(query, config=config, search_type="websearch")
    for name in term_names:
        search_query |= SearchQuery(name, config=config, search_type="phrase")

    def ranked():
        return (
            rows.filter(search_vector=search_query)
            .annotate(
                exact=_exact(query),
                rank=SearchRank(F("search_vector"), search_query, normalization=Value(1)),
            )
            .order_by(*ORDER)
            .values_list("pk", flat=True)
        )

    return Search(language=language, make_ranked=ranked, search_query=search_query)


def _folded(rows, language, query, term_names):
    alternatives = [words for words in (query_words(query), *map(query_words, term_names)) if words]
    if not alternatives:
        return Search(language=language, make_ranked=lambda: rows.none().values_list("pk", flat=True))
    matches = reduce(or_, (_all_words("folded", words) for words in alternatives))
    title_matches = reduce(or_, (_all_words("folded_names", words) for words in alternatives))

    def ranked():
        return (
            rows.filter(matches)
            .annotate(
                exact=_exact(query),
                rank=Case(When(title_matches, then=1), default=0, output_field=IntegerField()),
            )
            .order_by(*ORDER)
            .values_list("pk", flat=True)
        )

    words = tuple({word for words in alternatives for word in words})
    return Search(language=language, make_ranked=ranked, words=words)


def _exact(query):
    if not query_words(query):
        return Value(0, output_field=IntegerField())
    exact = Q(folded_names__contains=exact_name(query))
    return Case(When(exact, then=1), default=0, output_field=IntegerField())


def _all_words(field, words):
    return reduce(and_, (Q(**{f"{field}__contains": word_patterns(word)[0]}) for word in words))
