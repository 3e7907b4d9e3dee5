"""Public views outside the page tree: robots.txt, /favicon.ico and the server error page."""

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET, require_safe

logger = logging.getLogger(__name__)

# Used only if even the styled error page cannot render (a broken template or static manifest).
PLAIN_SERVER_ERROR = (
    '<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>Server error | Error del servidor</title>'
    '<h1>Something went wrong on our side</h1><p>Please try again in a few minutes. <a href="/en/">Start page</a></p>'
    '<h2 lang="es">Algo salió mal de nuestro lado</h2>'
    '<p lang="es">Intente de nuevo en unos minutos. <a href="/es/">Página de inicio</a></p></html>'
)


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawl everything public; keep out of the admin; point to the sitemap."""
    return render(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, asked for by browsers on what has no <link rel="icon"> (JSON, sitemap.xml): the static icon.

    A temporary redirect, so that the content-hashed static name can change with the icon.
    """
    return redirect(static("favicon.ico"))


def server_error(request: HttpRequest) -> HttpResponseServerError:
    """handler500: the error page in the reader's language (from the URL), rendered without the database.

    No request context processors and no page: whatever failed (the database included) must not fail twice.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            html = loader.get_template("500.html").render({"LANGUAGE_CODE": language})
    except Exception:
        logger.exception("The styled 500 page could not be rendered")
        html = PLAIN_SERVER_ERROR
    return HttpResponseServerError(html)
