from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadabilityConfig(AppConfig):
    """Plain-language checks of guide sections in English and Spanish: scores, flags, board targets."""

    name = "readability"
    verbose_name = _("Readability")

    def ready(self):
        from . import signals  # noqa: F401  (connects the receiver that scores each saved revision)
