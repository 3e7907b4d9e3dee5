"""Version tokens in the shared cache: one random value per key, replaced whenever what it versions changes.

Whatever is built from data that changes rarely (cached pages, the glossary snapshot, a rendered body) is
kept under the token current when it was built; a new token makes every copy of every process out of date at
once. Tokens (not counters) so that a token lost to eviction or a Redis restart never comes back and revives
what was kept under it.
"""

import uuid

from django.core.cache import cache


def current_token(key: str) -> str | None:
    """The token under `key` (made on first use), or None when the cache cannot be reached."""
    token = cache.get(key)
    if token is None and cache.add(key, new_token(), None):
        token = cache.get(key)
    return token


def replace_tokens(*keys: str) -> bool:
    """New tokens under `keys`; False when the cache did not keep them (unreachable)."""
    tokens = {key: new_token() for key in keys}
    cache.set_many(tokens, None)
    return cache.get_many(keys) == tokens


def new_token() -> str:
    """A token never used before: also what names a copy built while the cache is unreachable."""
    return uuid.uuid4().hex
