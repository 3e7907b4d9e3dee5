"""The search page: the reader's query over the guides and glossary in the language of the URL."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from glossary.snapshot import current_glossary

from .configs import CONFIGS
from .query import find, term_names_for
from .text import MAX_QUERY_LENGTH, clean_query

PAGE_SIZE = 10


@require_GET
def results(request):
    """Results for ?q= (cut to MAX_QUERY_LENGTH characters), ten to a page; a prompt when there is no query."""
    language = get_language()
    if language not in CONFIGS:
        raise Http404
    query, was_cut = clean_query(request.GET.get("q", ""))
    context = {"query": query, "was_cut": was_cut, "max_length": MAX_QUERY_LENGTH}
    if query:
        term_names = term_names_for(current_glossary(request), language, query)
        search = find(language, query, term_names)
        # get_page: a page number that is not a number gives the first page, one out of range the last.
        page = Paginator(search.pages(request), PAGE_SIZE).get_page(request.GET.get("page"))
        context.update(
            results_page=page,
            results=search.results(page.object_list),
            term_names=term_names,
            query_string=urlencode({"q": query}),
        )
    context["language_urls"] = _in_each_language(query)
    response = render(request, "search/results.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def _in_each_language(query):
    """The same search in each language, for the language switcher: /en/search/?q=x <-> /es/buscar/?q=x."""
    suffix = f"?{urlencode({'q': query})}" if query else ""
    urls = {}
    for code in CONFIGS:
        with translation.override(code):
            urls[code] = reverse("search:results") + suffix
    return urls
