"""The Wagtail Site of a request, with its home page, from this process's memo instead of two queries.

Wagtail looks the Site up for every request (`Site.find_for_request`, cached on the request only) and then
fetches the specific home page. Sites and pages change only with a new content generation, so each process
does that once per generation and host (serving/memo.py); routing then starts from the home page at once.
"""

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site

from .memo import generation_memo

# Not pages: the admin, and the health check, which must answer (and name the failing check) without
# reaching the database first.
NOT_PAGES = ("/admin/", "/healthz")


class SiteMiddleware:
    """Sets `request._wagtail_site`, which `Site.find_for_request` returns; not for the admin or /healthz."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.RENDER_CACHE and not request.path_info.startswith(NOT_PAGES):
            # The Host header as sent (finer than Wagtail's hostname and port; no parsing per request).
            where = (request._get_raw_host(), request.get_port())
            request._wagtail_site = generation_memo(request, "site", where, lambda: site_for_request(request))
        return self.get_response(request)


def site_for_request(request: HttpRequest) -> Site | None:
    """Wagtail's own lookup, with the root page made specific (HomePage) so that routing needs no query."""
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site
