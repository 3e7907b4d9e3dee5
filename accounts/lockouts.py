"""Settings → Sign-in lockouts: who django-axes has locked out, and an Unlock (delete) for administrators."""

from axes.models import AccessAttempt
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class UnlockOnlyPolicy(ModelPermissionPolicy):
    """Lockouts come only from failed sign-ins: administrators may look at them and delete (unlock) them."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class SignInLockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Sign-in lockouts")
    add_to_settings_menu = True
    name = "sign_in_lockouts"
    form_fields = ["username"]
    inspect_view_enabled = True
    inspect_view_fields = ["username", "ip_address", "failures_since_start", "attempt_time", "user_agent"]
    list_display = [
        Column("username", label=_("Username")),
        Column("ip_address", label=_("Address")),
        Column("failures_since_start", label=_("Failed sign-ins")),
        DateColumn("attempt_time", label=_("Last attempt")),
    ]
    ordering = ["-attempt_time"]


register_permission_policy(AccessAttempt, UnlockOnlyPolicy(AccessAttempt), exact_class=True)
