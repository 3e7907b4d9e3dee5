"""Test runs: fast hashing, no manifest, the database from DATABASE_URL (PostgreSQL in CI)."""

import os
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each pytest-xdist worker writes its own media folder; the demo template's build writes one of its own.
MEDIA_ROOT = Path(
    os.environ.get("TEST_MEDIA_ROOT")
    or BASE_DIR / "tmp-test-media" / os.environ.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405
)
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the app folders; no collectstatic before tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# The full-page cache is off: most tests change data behind the signals (factories, queryset updates) and
# read pages back. serving/tests turn it on where they test it.
PAGE_CACHE_SECONDS = 0
RENDER_CACHE = False  # the same reason; pages/, glossary/ and serving/ tests turn it on where they test it
