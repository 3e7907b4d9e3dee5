"""The database unreachable: 503 with Retry-After in the reader's language, never a 500.

Django turns an exception raised below any middleware into handler500's response before an outer middleware
sees it, so a database fault is noted on the request when Django reports it (`got_request_exception`), and
the middleware, just inside the page cache, answers 503 instead. The page is rendered from templates alone
(no request context, no query). For public pages the page cache may answer with the page's last copy
instead (serving/middleware.py); load balancers ask /healthz, which says 503 as well.
"""

import logging
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers

RETRY_AFTER_SECONDS = 30
# Connection refused, dropped or timed out, and SQLite's "database is locked"; not a failing query's own
# fault (IntegrityError, ProgrammingError), which stays a 500.
DATABASE_FAULTS = (OperationalError, InterfaceError)
logger = logging.getLogger(__name__)


@receiver(got_request_exception, dispatch_uid="serving.note_database_fault")
def note_database_fault(sender, request=None, **kwargs):
    """Called by Django inside its `except` block, so the exception being handled is sys.exc_info()'s."""
    fault = sys.exc_info()[1]
    if request is not None and isinstance(fault, DATABASE_FAULTS):
        request.database_fault = fault


class DatabaseOutageMiddleware:
    """Replace the 500 a database fault caused with the 503 page, keeping the security headers it got."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        fault = getattr(request, "database_fault", None)
        if fault is None or settings.DEBUG:  # with DEBUG, Django's traceback page, as for any other error
            return response
        logger.warning("Database unavailable, 503 for %s %s: %r", request.method, request.path, fault)
        language = translation.get_language_from_request(request, check_path=True)
        response.content = unavailable_page(language, retry_url=request.get_full_path())
        response.status_code = 503
        response["Content-Type"] = "text/html; charset=utf-8"
        response["Content-Length"] = str(len(response.content))
        response["Content-Language"] = language
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response


def unavailable_page(language: str, retry_url: str) -> str:
    """The 503 page in `language` (from the URL's prefix, else the browser's), made without the database."""
    with translation.override(language):
        return loader.get_template("serving/unavailable.html").render(
            {"LANGUAGE_CODE": language, "retry_url": retry_url}
        )
