from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """Locales, links between a page and its translations, and the UI string catalogue."""

    name = "translations"
    verbose_name = "Translations"
