"""Admin hooks for accounts: invitations for new users, their entries in the audit log, two-factor sign-in,
sign-in lockouts, and the user bulk actions that keep to the acting person's own rights."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter

from . import two_factor
from .admin_views import ResendInvitationView, can_invite, deliver_invitation
from .invitations import INVITATION_SENT
from .lockouts import SignInLockoutViewSet
from .user_admin import AssignRoleWithinOwnRights, SetActiveStateOfManageableUsers


@hooks.register("after_create_user")
def invite_new_user(request, user):
    """A user made in Settings → Users has no password: they get a link to choose one."""
    deliver_invitation(request, user)


@hooks.register("register_admin_urls")
def register_invitation_url():
    return [
        path(
            "accounts/invite/<int:user_id>/",
            ResendInvitationView.as_view(),
            name="accounts_resend_invitation",
        )
    ]


@hooks.register("register_user_listing_buttons")
def resend_invitation_button(user, request_user):
    if can_invite(request_user, user):
        yield Button(
            _("Send a new invitation"),
            reverse("accounts_resend_invitation", args=[user.pk]),
            icon_name="mail",
            priority=50,
        )


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    @actions.register_action(INVITATION_SENT)
    class InvitationSentFormatter(LogFormatter):
        label = _("Invitation sent")

        def format_message(self, log_entry):
            return _("Invitation to choose a password sent to %(email)s") % {
                "email": log_entry.data.get("email", "")
            }


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("", include(two_factor.urlpatterns))]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Ask for a code from an authenticator app each time you sign in."),
    }


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    actions.register_action(
        "accounts.two_factor_enabled", _("Turn on two-factor sign-in"), _("Two-factor sign-in turned on")
    )
    actions.register_action(
        "accounts.two_factor_disabled", _("Turn off two-factor sign-in"), _("Two-factor sign-in turned off")
    )


@hooks.register("register_admin_viewset")
def register_sign_in_lockouts():
    return SignInLockoutViewSet()


# order=1: after Wagtail's own registrations for the same action types, which these replace.
hooks.register("register_bulk_action", AssignRoleWithinOwnRights, order=1)
hooks.register("register_bulk_action", SetActiveStateOfManageableUsers, order=1)
