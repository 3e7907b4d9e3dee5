from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Guide page models, their blocks, editorial boards, review workflows and revision dates."""

    name = "pages"
    verbose_name = "Guide pages"

    def ready(self):
        from . import signals  # noqa: F401  (connects the publication receivers)
        from .notifications import connect_email_notifiers

        connect_email_notifiers()
