"""WSGI entry point of the plain baseline (bench/run.py sets DJANGO_SETTINGS_MODULE)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.plain_hello.settings")

application = get_wsgi_application()
