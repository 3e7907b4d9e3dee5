"""Lookups kept in this process for as long as the content generation stays the same.

What a public page reads from the database about the site's structure (the site and its home pages, a
guide's section list, a page's translations) changes only when the generation does
(serving/invalidation.py), so each process reads it once per generation instead of once per request. Each
kind keeps at most MEMO_SIZE entries (least recently used go first), and all of them go when the generation
changes. Off when settings.RENDER_CACHE is false (tests that change data behind the signals) or the cache is
unreachable.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.conf import settings
from django.http import HttpRequest

from .generation import request_generation

T = TypeVar("T")

MEMO_SIZE = 512
_memos = {}  # kind -> (generation, OrderedDict of key -> value)
_lock = threading.Lock()  # for gunicorn's threaded workers (GUNICORN_THREADS)


def generation_memo(request: HttpRequest | None, kind: str, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, or what it returned for the same kind and key earlier in this generation."""
    generation = request_generation(request) if settings.RENDER_CACHE else None
    if generation is None:
        return compute()
    with _lock:
        memo_generation, entries = _memos.get(kind, (None, None))
        if memo_generation != generation:
            entries = OrderedDict()
            _memos[kind] = (generation, entries)
        if key in entries:
            entries.move_to_end(key)
            return entries[key]
    value = compute()  # outside the lock: a query must not hold up other threads
    with _lock:
        entries[key] = value
        if len(entries) > MEMO_SIZE:
            entries.popitem(last=False)
    return value
