"""Writing the search index: what each live, public guide page and live glossary term says, per language.

Pages contribute the fields their model already declares for search (`search_fields`: summary, key points,
body…), as plain text. Rows are rewritten for a whole subtree at a time, because a page's URL and the guide
named on its sections' results depend on its ancestors. Every change replaces the content generation
(serving/generation.py): search results are what a public page shows, and searches' rankings are kept for
a generation (query.py).
"""

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from glossary.models import LANGUAGES, GlossaryTerm
from glossary.text import split_list
from pages.models import GuidePage, GuideSectionPage
from serving.generation import bump_generation

from .configs import config_for, uses_postgres
from .models import Kind, SearchEntry
from .text import as_sentences, clean_text, names_field, search_form

PAGE_KINDS = {GuidePage: Kind.GUIDE, GuideSectionPage: Kind.SECTION}


@transaction.atomic
def reindex_subtree(page: Page) -> None:
    """Rewrite the rows of `page` and every page below it from what is live and public now (one transaction:
    one commit, and searches never see the rows gone)."""
    subtree = Page.objects.descendant_of(page, inclusive=True)
    SearchEntry.objects.filter(page__in=subtree.values("pk")).delete()
    _save(page_entries(subtree))
    bump_generation()


def remove_page(page: Page) -> None:
    SearchEntry.objects.filter(page_id=page.pk).delete()
    bump_generation()


@transaction.atomic
def reindex_terms(term_ids: Iterable[int]) -> None:
    """Rewrite the rows of these glossary terms from their live versions (none for a term not live)."""
    SearchEntry.objects.filter(term_id__in=term_ids).delete()
    _save(term_entries(GlossaryTerm.objects.filter(pk__in=term_ids)))
    bump_generation()


@transaction.atomic
def rebuild_index() -> dict[str, int]:
    """Every row again, all or nothing. Returns {language: number of rows}."""
    SearchEntry.objects.all().delete()
    entries = page_entries(Page.objects.all()) + term_entries(GlossaryTerm.objects.all())
    _save(entries)
    bump_generation()
    counts = {}
    for entry in entries:
        counts[entry.language] = counts.get(entry.language, 0) + 1
    return counts


def page_entries(pages: QuerySet[Page]) -> list[SearchEntry]:
    """Unsaved rows for the live, public guides and sections among `pages`: a few queries, whatever the count."""
    found = list(pages.live().public().type(*PAGE_KINDS).specific().order_by("path"))
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    parents = {
        parent.path: parent
        for parent in Page.objects.filter(path__in={page.path[: -Page.steplen] for page in found})
    }
    entries = []
    for page in found:
        kind = next(kind for model, kind in PAGE_KINDS.items() if isinstance(page, model))
        guide = parents.get(page.path[: -Page.steplen]) if kind == Kind.SECTION else None
        entries.append(
            _entry(
                language=languages[page.locale_id],
                kind=kind,
                page=page,
                guide_id=guide.pk if guide else page.pk,
                title=page.title,
                url=page.get_url() or "",
                guide_title=guide.title if guide else "",
                guide_url=(guide.get_url() or "") if guide else "",
                keywords=[],
                texts=page_texts(page),
            )
        )
    return entries


def page_texts(page: Page) -> list[str]:
    """Plain text of every search field the page type declares, but its title (indexed on its own)."""
    texts = []
    for field in page.search_fields:
        if isinstance(field, index.SearchField) and field.field_name != "title":
            value = field.get_value(page)
            texts += [value] if isinstance(value, str) else [str(item) for item in value or ()]
    return texts


def term_entries(terms: QuerySet[GlossaryTerm]) -> list[SearchEntry]:
    """Unsaved rows for the live terms among `terms`, one per language the term has a name in."""
    entries = []
    for term in terms.filter(live=True).order_by("pk"):
        for language in LANGUAGES:
            name = (getattr(term, f"name_{language}") or "").strip()
            if not name:
                continue
            with translation.override(language):
                url = reverse("glossary:term", kwargs={"slug": term.slug_in(language)})
            definition = get_text_for_indexing(getattr(term, f"definition_{language}") or "")
            entries.append(
                _entry(
                    language=language,
                    kind=Kind.TERM,
                    term=term,
                    title=name,
                    url=url,
                    keywords=split_list(getattr(term, f"abbreviations_{language}"))
                    + split_list(getattr(term, f"other_names_{language}")),
                    texts=[definition],
                )
            )
    return entries


def _entry(*, title, keywords, texts, **fields):
    title = clean_text(title)[:255]
    keywords = "\n".join(clean_text(keyword) for keyword in keywords)
    text = as_sentences(texts)
    return SearchEntry(
        title=title,
        keywords=keywords,
        text=text,
        folded_names=names_field([title, *keywords.splitlines()]),
        folded=f" {search_form(title)} {search_form(keywords)} {search_form(text)} ",
        **fields,
    )


def _save(entries):
    """Insert the rows; on PostgreSQL, compute each language's tsvector with that language's configuration."""
    saved = SearchEntry.objects.bulk_create(entries)
    if not uses_postgres():
        return
    for language in {entry.language for entry in saved}:
        config = config_for(language)
        SearchEntry.objects.filter(pk__in=[e.pk for e in saved if e.language == language]).update(
            search_vector=SearchVector("title", weight="A", config=config)
            + SearchVector("keywords", weight="A", config=config)
            + SearchVector("text", weight="C", config=config)
        )
