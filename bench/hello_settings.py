"""The benchmark's baseline: production settings and middleware, URLs with one trivial view."""

from allsite.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.hello_urls"
