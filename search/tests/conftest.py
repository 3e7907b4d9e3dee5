"""Fixtures for the search tests."""

import pytest
from django.core.cache import cache


@pytest.fixture
def render_caches(settings):
    """Searches' rankings kept for the content generation, as in production (the tests run with it off)."""
    settings.RENDER_CACHE = True
    cache.clear()
    yield
    cache.clear()
