"""The search page: the reader's query over the guides and glossary in the language of the URL."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from glossary.snapshot import current_glossary
from pages.models import GuidePage
from serving.memo import generation_memo

from .configs import CONFIGS
from .query import find, term_names_for
from .text import MAX_QUERY_LENGTH, clean_query

PAGE_SIZE = 10


@require_GET
def results(request: HttpRequest) -> HttpResponse:
    """Results for ?q= (cut to MAX_QUERY_LENGTH characters), ten to a page; a prompt when there is no query.

    ?guide=<slug> keeps one guide's results (its sections and itself); an unknown guide is a 404.
    """
    language = get_language()
    if language not in CONFIGS:
        raise Http404
    query, was_cut = clean_query(request.GET.get("q", ""))
    guides = live_guides(request)
    guide = _chosen_guide(request, guides, language)
    context = {
        "query": query,
        "was_cut": was_cut,
        "max_length": MAX_QUERY_LENGTH,
        "guides": [option for option in guides if option["language"] == language],
        "guide": guide,
    }
    if query:
        term_names = term_names_for(current_glossary(request), language, query)
        search = find(language, query, term_names, guide_id=guide["pk"] if guide else None)
        # get_page: a page number that is not a number gives the first page, one out of range the last.
        page = Paginator(search.pages(request), PAGE_SIZE).get_page(request.GET.get("page"))
        context.update(
            results_page=page,
            # Made only when shown: the list kept as rendered (templates/search/results.html) does without.
            results=SimpleLazyObject(lambda: search.results(page.object_list)),
            term_names=term_names,
            query_string=urlencode({"q": query}),
            page_query_string=urlencode({"q": query, **({"guide": guide["slug"]} if guide else {})}),
        )
    context["language_urls"] = _in_each_language(query, guide, guides)
    response = render(request, "search/results.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def live_guides(request: HttpRequest) -> list[dict]:
    """Every live, public guide in every language (pk, slug, title, language, translation key), in tree order.

    Once per process and content generation (serving/memo.py): publishing a guide replaces it.
    """
    return generation_memo(
        request,
        "search-guides",
        None,
        lambda: [
            {
                "pk": guide.pk,
                "slug": guide.slug,
                "title": guide.title,
                "language": guide.locale.language_code,
                "translation_key": guide.translation_key,
            }
            for guide in GuidePage.objects.live().public().select_related("locale").order_by("path")
        ],
    )


def _chosen_guide(request, guides, language):
    wanted = request.GET.get("guide")
    if not wanted:
        return None
    found = next((g for g in guides if g["language"] == language and g["slug"] == wanted), None)
    if found is None:
        raise Http404("No such guide in this language.")
    return found


def _in_each_language(query, guide, guides):
    """The same search in each language, for the language switcher: /en/search/?q=x <-> /es/buscar/?q=x.

    A search in one guide stays in that guide's translation, where there is one.
    """
    urls = {}
    for code in CONFIGS:
        params = {"q": query} if query else {}
        translated = guide and next(
            (g for g in guides if g["language"] == code and g["translation_key"] == guide["translation_key"]),
            None,
        )
        if translated:
            params["guide"] = translated["slug"]
        with translation.override(code):
            urls[code] = reverse("search:results") + (f"?{urlencode(params)}" if params else "")
    return urls
