from django.apps import AppConfig


class BilingualConfig(AppConfig):
    """A section or guide in English and Spanish together, aligned block by block.

    Sits on pages, translations and glossary; none of them imports it.
    """

    name = "bilingual"
    verbose_name = "Side by side"

    def ready(self):
        from . import signals  # noqa: F401  (connects the CDN purge of the side-by-side views)
