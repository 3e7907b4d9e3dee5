from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Who may sign in to the admin and what each role may do there (roles.py)."""

    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
