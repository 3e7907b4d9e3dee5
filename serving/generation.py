"""The content generation: one token in the shared cache that is part of every cached page's key.

Anything a public page shows that changes (a page published, unpublished, moved, deleted or made private, a
glossary term, a translation's status, a board, the search index) replaces the token, so every cached page of
every server is out of date at once: each app registers its models with serving/invalidation.py. Simpler than
tracking which page shows what, obviously complete, and cheap: publishing is rare.

A second token keys the last copy of each page, served only while the database is down
(serving/middleware.py). A publication leaves it alone (an older page is better than none during an
outage); a page withdrawn (unpublished, deleted, moved or made private) replaces it, so that a withdrawn page
never comes back from an old copy.

Both are version tokens (serving/tokens.py), as the glossary's snapshot version is.
"""

import logging

from django.db import transaction
from django.http import HttpRequest

from .tokens import current_token, replace_tokens

GENERATION_KEY = "serving:generation"
LAST_COPIES_KEY = "serving:last-copies"
logger = logging.getLogger(__name__)


def current_generation() -> str | None:
    """The current token, or None when the cache cannot be reached (then nothing is cached or served)."""
    return current_token(GENERATION_KEY)


def last_copies_token() -> str | None:
    """The token of the pages' last copies, or None when the cache cannot be reached."""
    return current_token(LAST_COPIES_KEY)


def bump_generation(*, withdrawn: bool = False) -> None:
    """Out of date: every cached page (and, when a page was `withdrawn`, every last copy), now and again
    when the transaction commits.

    Now, so that this process stops serving old pages at once; at commit, so that a page rendered by
    another server between the two (from data not yet committed) is not kept under the new token.
    """
    keys = (GENERATION_KEY, LAST_COPIES_KEY) if withdrawn else (GENERATION_KEY,)
    _replace_tokens(keys)
    transaction.on_commit(lambda: _replace_tokens(keys))


def _replace_tokens(keys):
    if not replace_tokens(*keys):
        # django-redis returns None instead of raising when the cache is down (IGNORE_EXCEPTIONS): pages
        # cached before the fault may be served until their timeout (PAGE_CACHE_SECONDS) once it is back.
        logger.error("Could not mark cached pages out of date: the cache is unreachable.")


def remember_request_generation(request: HttpRequest, token: str | None) -> None:
    """The token this request already read with its page-cache lookup: request_generation returns it."""
    request._content_generation = token


def request_generation(request: HttpRequest | None) -> str | None:
    """The current token, read once per request (None without a request reads it anew)."""
    if request is None:
        return current_generation()
    if not hasattr(request, "_content_generation"):
        request._content_generation = current_generation()
    return request._content_generation
