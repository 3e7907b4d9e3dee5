from django.apps import AppConfig


class ServingConfig(AppConfig):
    """How public pages are served: version tokens and what invalidates them, full-page cache, conditional GET,
    health check. Imports no other app of ours: each registers its models with serving/invalidation.py."""

    name = "serving"

    def ready(self):
        from . import signals  # noqa: F401  (registers Wagtail's models and page events)
