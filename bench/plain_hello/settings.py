"""No database, templates, sessions or auth: WSGI, Django's request cycle, four middleware, one view."""

SECRET_KEY = "plain-hello-baseline-not-secret"  # noqa: S105 (nothing to protect: one fixed page)
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = []
# The DB-free subset of `django-admin startproject`'s default MIDDLEWARE.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "bench.plain_hello.urls"
DATABASES = {}
TEMPLATES = []
USE_I18N = False
USE_TZ = True
LOGGING_CONFIG = None
