"""A section's linked body, rendered once and kept in the shared cache until anything it shows changes.

Rendering the blocks and linking their terms is most of an uncached section page's time, and the whole of a
whole-guide page's. The key holds the content generation (serving/generation.py: replaced when any page is
published, moved or deleted, or a term, image, document, site or locale changes, which covers the page links
and images a body shows), the glossary version (also replaced by bulk imports, which send no signals), a hash
of the stored body itself (so a page saved without publishing is no exception) and how it is shown (language,
heading level, anchor prefix, questions left for the end of the whole guide). Previews are never cached, nor
anything when the cache cannot be reached or settings.RENDER_CACHE is off.
"""

import hashlib
import json
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from wagtail.blocks import StreamValue

from serving.generation import request_generation

from .snapshot import current_version

BODY_SECONDS = 24 * 60 * 60  # an upper bound: a new generation makes old entries unreachable anyway


def versions(request: HttpRequest) -> tuple[str, str] | None:
    """(content generation, glossary version) for this request: read once, or None if either is unknown."""
    if not hasattr(request, "_body_cache_versions"):
        generation = request_generation(request)
        glossary_version = current_version() if generation else None
        request._body_cache_versions = (generation, glossary_version) if glossary_version else None
    return request._body_cache_versions


def body_key(request: HttpRequest | None, body: StreamValue, *shown_as: object) -> str | None:
    """The cache key of a stored StreamField `body` as shown here, or None where it must not be cached."""
    if not settings.RENDER_CACHE or request is None or getattr(request, "is_preview", False):
        return None
    found = versions(request)
    if found is None:
        return None
    digest = hashlib.sha256(json.dumps([*found, *shown_as], default=str).encode())
    digest.update(json.dumps(list(body.raw_data), sort_keys=True, default=str).encode())
    return f"section-body:{digest.hexdigest()}"


def cached_body(key: str | None, render: Callable[[], str]) -> str:
    """The cached HTML under `key`, or `render()`'s, stored for next time (always rendered if no key)."""
    if key is None:
        return render()
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, str(html), BODY_SECONDS)
    return html
