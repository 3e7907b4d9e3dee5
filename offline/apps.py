from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfflineConfig(AppConfig):
    """Offline reading: a service worker, a manifest of what to save per guide, the Saved guides page."""

    name = "offline"
    verbose_name = _("Offline reading")
