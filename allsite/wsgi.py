"""WSGI entry point for gunicorn; production settings unless told otherwise.

Page-cache hits are answered in front of Django's handler (serving.middleware.PageCacheHits).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allsite.settings.production")

application = get_wsgi_application()

from serving.middleware import PageCacheHits  # noqa: E402 (needs the settings get_wsgi_application set up)

application = PageCacheHits(application)
