"""Production: every secret and host comes from the environment; nothing falls back silently."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

REQUIRED_ENVIRONMENT = ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL")
missing = [name for name in REQUIRED_ENVIRONMENT if not os.environ.get(name, "").strip()]
if missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables, which are not set: " + ", ".join(missing)
    )

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [host.strip() for host in os.environ["ALLOWED_HOSTS"].split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS]
# Links in emails lead here (read from the environment in base.py): a full address, never a guess.
address = urlsplit(WAGTAILADMIN_BASE_URL)  # noqa: F405
if address.scheme not in ("http", "https") or not address.netloc:
    raise ImproperlyConfigured(
        f"WAGTAILADMIN_BASE_URL must be the site's address, such as https://guide.example.org, "
        f"not {WAGTAILADMIN_BASE_URL!r}"  # noqa: F405
    )

# Where collectstatic puts the hashed, compressed files WhiteNoise serves (far-future cache headers).
STATIC_ROOT = os.environ.get("STATIC_ROOT") or STATIC_ROOT  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"

# Media (images, documents) on S3-compatible object storage when a bucket is named, so that every
# application server sees the same files (django-storages; credentials from the usual AWS_* variables).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES = {
        **STORAGES,  # noqa: F405
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
                "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
                "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
                "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
                "file_overwrite": False,
            },
        },
    }

# A CDN in front of the site, purged through Wagtail's frontend cache when pages are published
# (pages/cdn.py): FRONTEND_CACHE=cloudflare (CLOUDFLARE_API_TOKEN, CLOUDFLARE_ZONE_ID) or
# FRONTEND_CACHE=cloudfront (CLOUDFRONT_DISTRIBUTION_ID; AWS credentials as usual).
FRONTEND_CACHE_BACKENDS = {
    "cloudflare": (
        "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        {"BEARER_TOKEN": "CLOUDFLARE_API_TOKEN", "ZONEID": "CLOUDFLARE_ZONE_ID"},
    ),
    "cloudfront": (
        "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        {"DISTRIBUTION_ID": "CLOUDFRONT_DISTRIBUTION_ID"},
    ),
}
frontend_cache = os.environ.get("FRONTEND_CACHE", "").strip().lower()
if frontend_cache:
    if frontend_cache not in FRONTEND_CACHE_BACKENDS:
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE={frontend_cache!r} is not one of: {', '.join(FRONTEND_CACHE_BACKENDS)}"
        )
    backend, variables = FRONTEND_CACHE_BACKENDS[frontend_cache]
    missing = [name for name in variables.values() if not os.environ.get(name, "").strip()]
    if missing:
        raise ImproperlyConfigured(f"FRONTEND_CACHE={frontend_cache} needs: " + ", ".join(missing))
    WAGTAILFRONTENDCACHE = {
        frontend_cache: {"BACKEND": backend, **{key: os.environ[name] for key, name in variables.items()}}
    }
    WAGTAILFRONTENDCACHE_LANGUAGES = []  # our URLs differ per language: purge each page's own URL only

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
