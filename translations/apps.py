from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """Locales, links between a page and its translations, their status, and the UI string catalogue."""

    name = "translations"
    verbose_name = "Translations"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
