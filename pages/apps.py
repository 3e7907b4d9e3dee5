from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Guide page models, their StreamField blocks and the guide importer."""

    name = "pages"
    verbose_name = "Guide pages"
