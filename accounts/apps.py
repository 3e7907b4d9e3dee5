from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Who may sign in to the admin: the local administrator account, and later roles."""

    name = "accounts"
    verbose_name = "Accounts"
