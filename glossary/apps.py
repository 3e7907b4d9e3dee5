from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    """Glossary terms in English and Spanish, the term linker, the A–Z pages and the JSON API."""

    name = "glossary"
    verbose_name = _("Glossary")

    def ready(self):
        from . import occurrences  # noqa: F401  (connects the receivers that keep the linker current)
