"""Settings shared by every environment. Environment-specific files import from here."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    # First, so that its receivers run first: at a commit, the content generation is replaced before the CDN
    # purge that pages/signals.py schedules runs, so the CDN cannot fetch a page cached before the commit.
    "serving",
    "pages",
    "accounts",
    "translations",
    "glossary",
    "search",
    "offline",
    "backups",
    "bilingual",
    "readability",  # before wagtail.admin: it extends the admin's Checks panel template
    "demo",
    # modeltranslation must come before the admin apps, as its installation instructions require.
    "modeltranslation",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.table_block",
    "wagtail.locales",
    "wagtail.sites",
    "accounts.apps.UsersConfig",  # wagtail.users with our user and group forms (accounts/apps.py)
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous public pages from the shared cache: a hit skips everything below (serving/middleware.py).
    "serving.middleware.PageCacheMiddleware",
    # The database unreachable: 503 with Retry-After in the reader's language, never 500 (serving/outage.py).
    "serving.outage.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    # Django's, with the storage made on first use (serving/messages.py).
    "serving.messages.LazyMessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accounts.middleware.ContentSecurityPolicyMiddleware",
    "accounts.middleware.PermissionsPolicyMiddleware",
    # The Site and its home page from a per-process memo: two queries fewer per page (serving/sites.py).
    "serving.sites.SiteMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during sign-in into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "allsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

WSGI_APPLICATION = "allsite.wsgi.application"

# PostgreSQL (psycopg 3) when DATABASE_URL is set; SQLite in the project folder otherwise. Connections are
# kept for a minute and checked before each request's first query, so that every worker reconnects at once
# when the database comes back after an outage (instead of failing one request each on a dead connection).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The admin writes from several requests at once (autosave, editing sessions, a publish): a transaction
    # takes the write lock when it begins and waits up to 20 s for it, instead of failing with "database is
    # locked" when a read lock cannot be upgraded.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
else:
    # An unreachable server fails the request in 5 s (a 503, serving/outage.py), not after the worker timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis when REDIS_URL is set: a cache every process shares, so that a published glossary term reaches all
# of them (glossary/snapshot.py). Without it each process caches in its own memory (fine for one process).
# A Redis fault is logged and ignored (the site serves uncached); short timeouts keep a dead Redis cheap.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Full-page cache for anonymous readers (serving/middleware.py): seconds a page stays in the shared cache
# (0 turns it off), and the Cache-Control lifetimes for browsers (max-age) and a CDN (s-maxage).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 600))
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", 60))
PAGE_CACHE_CDN_SECONDS = int(os.environ.get("PAGE_CACHE_CDN_SECONDS", 300))
# How long the last copy of each page is kept, to be served (marked stale) when the database is down.
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", 24 * 60 * 60))
# /static/: WhiteNoise answers those before the page cache, which need not look them up.
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/documents/", "/healthz", "/static/")
PAGE_CACHE_QUERY_PARAMETERS = ("q", "page", "lang", "match", "untranslated", "guide")
# Rendered section bodies in the shared cache and structure lookups in each process, both keyed by the content
# generation (glossary/linker_cache.py, serving/memo.py). Off in tests that change data behind the signals.
RENDER_CACHE = os.environ.get("RENDER_CACHE", "true").lower() not in ("0", "false", "no")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in protection: five failed sign-ins for one username from one address lock that pair out for
# fifteen minutes (django-axes; its backend must come first). A success resets the count.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
# Behind a proxy, the client's address comes from the proxy's header (set AXES_IPWARE_META_PRECEDENCE_ORDER).
AXES_IPWARE_META_PRECEDENCE_ORDER = tuple(
    name.strip() for name in os.environ.get("AXES_IP_HEADERS", "REMOTE_ADDR").split(",") if name.strip()
)

# Security headers sent in every environment (production adds HTTPS-only cookies and HSTS).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's own preview views allow their same-origin frame.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
# Public pages run only our own scripts: no inline script, no third party. The admin (Wagtail's own
# inline scripts and styles) gets the looser ADMIN_CONTENT_SECURITY_POLICY (accounts.middleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https://www.gravatar.com"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# Languages: Wagtail i18n with one page tree per locale; public URLs carry the language prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Non-page models (boards, glossary terms) keep both languages side by side in one row.
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["translations.formats"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed, content-hashed names, served by WhiteNoise with far-future cache headers.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "allsite"
# Votes and approvals apply to one revision: an edit during review needs approving again.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "pages.workflows.publish_approved_workflow_state"
# The address people reach the site at, for the links in emails (invitations, review notices). `make run`
# passes the host and port it serves; production requires it (production.py).
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL", "").strip().rstrip("/") or "http://127.0.0.1:8000"
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt"]
# Administrators never type or send passwords: a new user gets an emailed one-time link to set their own
# (accounts/invitations.py, Wagtail's password reset views). The link works for PASSWORD_RESET_TIMEOUT.
WAGTAILUSERS_PASSWORD_ENABLED = False

# Where load_demo_content finds the home pages and guides written as Markdown files.
DEMO_CONTENT_DIR = BASE_DIR / "content"

# Uploaded images: raster formats only (an SVG can carry script), at most 10 MB and 40 megapixels.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
