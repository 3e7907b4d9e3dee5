from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Per-language search over guide pages and glossary terms."""

    name = "search"
    label = "site_search"
    verbose_name = "Search"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers that keep the index current)
