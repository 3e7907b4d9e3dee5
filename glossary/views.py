"""Public glossary: the A–Z pages (a page per letter) and a page per term in the reader's language, and the JSON API.

Everything but the term page's "where it appears" list and image comes from the cached snapshot.
"""

from urllib.parse import urlencode

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.images import get_image_model
from wagtail.models import Page

from .letters import alphabet, first_letter, letter_from_slug, letter_url
from .models import LANGUAGES
from .snapshot import current_glossary

IN_LANGUAGE = {"en": _("In English"), "es": _("In Spanish")}
MATCH_MODES = ("contains", "starts")
MAX_QUERY_LENGTH = 100
PAGE_SIZE = 50  # terms on a page: a letter of a 5,000-term glossary costs what a letter of 150 does
API_RESULTS_LIMIT = 100


def _reader_language():
    language = get_language()
    if language not in LANGUAGES:
        raise Http404
    return language


@require_GET
def glossary_index(request: HttpRequest) -> HttpResponse:
    """The glossary's front page: search form, letters and the first letter's terms; or search results."""
    language = _reader_language()
    glossary = current_glossary(request)
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    match = request.GET.get("match") if request.GET.get("match") in MATCH_MODES else "contains"
    groups = glossary.by_letter(language)
    if query:
        results = _page_of(request, glossary.search(language, query, match))
        response = _render_list(request, language, groups, query=query, match=match, results=results)
        response["X-Robots-Tag"] = "noindex"  # like the site search: result lists are not pages to index
        return response
    if not groups:
        return _render_list(request, language, groups)
    return _render_letter(request, language, groups, first_letter(language, groups))


@require_GET
def letter_index(request: HttpRequest, letter: str) -> HttpResponse:
    """One letter's terms, PAGE_SIZE to a page. The first letter's page is the glossary's front page."""
    language = _reader_language()
    groups = current_glossary(request).by_letter(language)
    wanted = letter_from_slug(letter)
    if wanted not in groups:
        raise Http404
    if wanted == first_letter(language, groups):
        query = f"?{request.GET.urlencode()}" if request.GET else ""
        return redirect(reverse("glossary:index") + query)
    return _render_letter(request, language, groups, wanted)


def _render_letter(request, language, groups, letter):
    """A page of a letter's terms; switching language keeps the letter when the other language has it."""
    glossary = current_glossary(request)
    language_urls = {}  # the same letter in the other language where it has terms, else its front page
    for code in LANGUAGES:
        with translation.override(code):
            code_groups = glossary.by_letter(code)
            language_urls[code] = (
                letter_url(letter, first_letter(code, code_groups))
                if letter in code_groups
                else reverse("glossary:index")
            )
    page = _page_of(request, groups[letter])
    return _render_list(request, language, groups, letter=letter, results=page, language_urls=language_urls)


def _render_list(request, language, groups, letter=None, query="", match="contains", results=None, **extra):
    """The glossary list page, for a letter's page of terms or a page of search results."""
    entries = results.object_list if results else []
    context = {
        "query": query,
        "match": match,
        "letter": letter,
        "is_front_page": not query and letter == first_letter(language, groups),
        "results": results,
        "entries": entries,
        # Rendered once per snapshot, joined here: a page of fifty terms costs about what a page of five does.
        "entries_html": mark_safe("".join(entry.list_item for entry in entries)),  # noqa: S308
        "letters": _letter_navigation(current_glossary(request), language),
        "language_urls": _in_each_language("glossary:index"),
        **extra,
    }
    if results and results.has_other_pages():
        kept = urlencode({"q": query, "match": match}) if query else ""  # a search stays a search when paging
        if results.has_previous():
            context["previous_url"] = _page_url(request, kept, results.number - 1)
        if results.has_next():
            context["next_url"] = _page_url(request, kept, results.number + 1)
        if results.number > 1:
            context["canonical_query"] = _page_url(request, kept, results.number)
    return render(request, "glossary/index.html", context)


def _page_url(request, kept, number):
    """A page of the list; the first is the list's own address (one page, not two)."""
    if number > 1:
        return f"?{kept}&page={number}" if kept else f"?page={number}"
    return f"?{kept}" if kept else request.path


def _letter_navigation(glossary, language):
    """[(letter, URL or None)] of the A–Z navigation, made once per snapshot and language."""
    key = ("letter-navigation", language)
    if key not in glossary.derived:
        groups = glossary.by_letter(language)
        first = first_letter(language, groups)
        glossary.derived[key] = [
            (letter, letter_url(letter, first) if letter in groups else None)
            for letter in alphabet(language, groups)
        ]
    return glossary.derived[key]


def _page_of(request, entries):
    """A page of a list; a page number that is not one, or out of range, is a 404 (not a guess)."""
    try:
        return Paginator(entries, PAGE_SIZE).page(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404 from error


def _in_each_language(url_name):
    """{language: URL} of a glossary view in each language, for the switcher and hreflang alternates."""
    urls = {}
    for code in LANGUAGES:
        with translation.override(code):
            urls[code] = reverse(url_name)
    return urls


@require_GET
def term_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One term: both languages, related terms, and the guide sections that use it.

    A Spanish page's address has the Spanish slug; its earlier address, with the English slug, redirects
    there for good.
    """
    language = _reader_language()
    glossary = current_glossary(request)
    term = glossary.term_at(language, slug)
    if term is None:
        earlier = glossary.by_slug.get(slug)
        if earlier is not None and language in earlier.entries:
            return redirect(earlier.entries[language].url, permanent=True)
        raise Http404
    related = [glossary.entry(term_id, language) for term_id in term.related_ids]
    image = get_image_model().objects.filter(pk=term.image_id).first() if term.image_id else None
    return render(
        request,
        "glossary/term.html",
        {
            "entry": term.entries[language],
            "translations": [
                (IN_LANGUAGE[code], term.entries[code])
                for code in LANGUAGES
                if code != language and code in term.entries
            ],
            "related": [entry for entry in related if entry],
            "sections": _sections_using(term.id, language, request),
            "image": image,
            "image_alt": term.image_alt.get(language) or term.image_alt.get("en", ""),
            "language_urls": {
                **_in_each_language("glossary:index"),
                **{code: entry.url for code, entry in term.entries.items()},
            },
        },
    )


def _sections_using(term_id, language, request):
    """Title, URL and guide of each live section using the term: from the occurrence index, two queries."""
    sections = list(
        Page.objects.live()
        .public()
        .filter(glossary_occurrences__term_id=term_id, locale__language_code=language)
        .order_by("path")
    )
    parent_paths = {section.path[: -Page.steplen] for section in sections}
    guides = {page.path: page for page in Page.objects.filter(path__in=parent_paths)}
    return [
        {
            "title": section.title,
            "url": section.get_url(request),
            "guide": guides.get(section.path[: -Page.steplen]),
        }
        for section in sections
    ]


def _json(request, data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # public definitions, meant to be embedded
    # LocaleMiddleware turns a 404 outside /en/ and /es/ into a redirect to /en/… whenever that path
    # resolves, and Wagtail's catch-all resolves every path. The API has no language: check its own URLs.
    request.urlconf = "glossary.urls"
    return response


def _summary(entry):
    return {
        "slug": entry.slug,
        "name": entry.name,
        "abbreviations": list(entry.abbreviations),
        "other_names": list(entry.other_names),
        "url": entry.url,
        "api_url": entry.api_url,
    }


def _detail(entry, glossary, related_ids):
    if entry is None:
        return None
    related = [glossary.entry(term_id, entry.language) for term_id in related_ids]
    return {
        **_summary(entry),
        "pronunciation": entry.pronunciation,
        "definition_html": entry.definition_html,
        "definition_text": entry.definition_text,
        "related": [{"slug": r.slug, "name": r.name, "url": r.url} for r in related if r],
    }


@require_GET
def api_search(request: HttpRequest) -> JsonResponse:
    """GET /api/glossary/?lang=es&q=medula&match=starts — terms whose names match, accents ignored."""
    language = request.GET.get("lang", "en")
    match = request.GET.get("match", "contains")
    if language not in LANGUAGES:
        return _json(request, {"error": f"lang must be one of: {', '.join(LANGUAGES)}"}, status=400)
    if match not in MATCH_MODES:
        return _json(request, {"error": f"match must be one of: {', '.join(MATCH_MODES)}"}, status=400)
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = current_glossary(request).search(language, query, match)
    return _json(
        request,
        {
            "lang": language,
            "q": query,
            "match": match,
            "count": len(results),
            "results": [_summary(entry) for entry in results[:API_RESULTS_LIMIT]],
        },
    )


@require_GET
def api_term(request: HttpRequest, slug: str) -> JsonResponse:
    """GET /api/glossary/<slug>/?lang=en|es|both — one term; a language it lacks is null.

    The slug is the term's own or, as in each entry's `api_url`, its slug in the language asked for.
    """
    wanted = request.GET.get("lang", "both")
    if wanted not in (*LANGUAGES, "both"):
        return _json(request, {"error": f"lang must be one of: {', '.join(LANGUAGES)}, both"}, status=400)
    glossary = current_glossary(request)
    term = _term_for_api(glossary, slug, wanted)
    if term is None:
        return _json(request, {"error": f"no glossary term '{slug}'"}, status=404)
    languages = LANGUAGES if wanted == "both" else (wanted,)
    return _json(
        request,
        {
            "slug": term.slug,
            "translations": {
                code: _detail(term.entries.get(code), glossary, term.related_ids) for code in languages
            },
        },
    )


def _term_for_api(glossary, slug, wanted):
    """The term by its slug in the language asked for, else by its own slug, else by its slug in any language."""
    if wanted in LANGUAGES and (term := glossary.term_at(wanted, slug)):
        return term
    others = (glossary.term_at(code, slug) for code in LANGUAGES)
    return glossary.by_slug.get(slug) or next(filter(None, others), None)
