"""The content generation: one token in the shared cache that is part of every cached page's key.

Anything a public page shows that changes (a page published, unpublished, moved, deleted or made private, a
glossary term, a translation's status, a board, the search index) replaces the token, so every cached page of every server is out of date at
once. Simpler than tracking which page shows what, obviously complete, and cheap: publishing is rare.

A token (not a counter) so that a token lost to eviction or a Redis restart never comes back and revives
pages cached under it.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "serving:generation"
logger = logging.getLogger(__name__)


def current_generation():
    """The current token, or None when the cache cannot be reached (then nothing is cached or served)."""
    token = cache.get(GENERATION_KEY)
    if token is None and cache.add(GENERATION_KEY, uuid.uuid4().hex, None):
        token = cache.get(GENERATION_KEY)
    return token


def bump_generation():
    """Out of date: every cached page, now and again when the transaction commits.

    Now, so that this process stops serving old pages at once; at commit, so that a page rendered by
    another server between the two (from data not yet committed) is not kept under the new token.
    """
    _replace_token()
    transaction.on_commit(_replace_token)


def _replace_token():
    token = uuid.uuid4().hex
    cache.set(GENERATION_KEY, token, None)
    if cache.get(GENERATION_KEY) != token:
        # django-redis returns None instead of raising when the cache is down (IGNORE_EXCEPTIONS): pages
        # cached before the fault may be served until their timeout (PAGE_CACHE_SECONDS) once it is back.
        logger.error("Could not mark cached pages out of date: the cache is unreachable.")


def request_generation(request):
    """The current token, read once per request (None without a request reads it anew)."""
    if request is None:
        return current_generation()
    if not hasattr(request, "_content_generation"):
        request._content_generation = current_generation()
    return request._content_generation
