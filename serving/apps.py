from django.apps import AppConfig


class ServingConfig(AppConfig):
    """How public pages are served: full-page cache, conditional GET, CDN purge, health check."""

    name = "serving"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers that mark cached pages out of date)
