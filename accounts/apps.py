from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    """Who may sign in to the admin and what each role may do there (roles.py)."""

    default = True  # for "accounts" in INSTALLED_APPS: this module holds a second app config
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app ("accounts.apps.UsersConfig" in INSTALLED_APPS, in place of "wagtail.users") with
    our user and group admin: nobody hands out more rights than they hold (user_admin.py, group_admin.py)."""

    user_viewset = "accounts.user_admin.UserViewSet"
    group_viewset = "accounts.group_admin.GroupViewSet"
