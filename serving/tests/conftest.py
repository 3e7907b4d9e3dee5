"""Fixtures for the serving tests: the full-page cache switched on, and a real Redis where one is needed."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from conftest import REDIS_URL


def redis_cache_settings(location):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }


@pytest.fixture
def page_cache(settings):
    """The full-page cache as in production (tests run with it off), on this process's local-memory cache."""
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def redis_settings(settings):
    """The cache on a real Redis (TEST_REDIS_URL; tests using it are marked `redis`), emptied before and after."""
    settings.CACHES = redis_cache_settings(REDIS_URL)
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def spanish_section_out_of_date():
    """The Spanish 'phases of treatment' section, marked behind its English page; returns its status row."""
    from pages.models import GuideSectionPage, PublicationRecord, RevisionKind
    from translations.models import TranslationStatus

    spanish = GuideSectionPage.objects.get(url_path__endswith="/lla-infantil/fases-del-tratamiento/")
    english = GuideSectionPage.objects.get(
        translation_key=spanish.translation_key, locale__language_code="en"
    )
    PublicationRecord.objects.create(
        page=english,
        kind=RevisionKind.SUBSTANTIVE,
        published_at=timezone.make_aware(datetime.datetime(2001, 1, 1)),
    )
    status, _created = TranslationStatus.objects.update_or_create(
        page=spanish, defaults={"in_step_at": timezone.make_aware(datetime.datetime(2000, 1, 1))}
    )
    return status


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """Static files collected once for every gunicorn server of the session (servers.py)."""
    from .servers import collect_static

    root = tmp_path_factory.mktemp("static")
    collect_static(root)
    return root
