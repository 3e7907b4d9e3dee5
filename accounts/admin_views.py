"""Admin view: send a user who has not chosen a password yet a new invitation link."""

from smtplib import SMTPException

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .invitations import send_invitation
from .user_admin import may_manage


def can_invite(request_user: User, user: User) -> bool:
    """Only for active users without a password yet, and only by those who may change them."""
    return (
        request_user.has_perm("auth.change_user")
        and may_manage(request_user, user)
        and user.is_active
        and not user.has_usable_password()
    )


class ResendInvitationView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/admin/resend_invitation.html"
    page_title = _("Send a new invitation")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("auth.change_user"):
            raise PermissionDenied
        self.invitee = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.invitee.get_username()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            invitee=self.invitee, can_invite=can_invite(self.request.user, self.invitee), **kwargs
        )

    def post(self, request, *args, **kwargs):
        if not can_invite(request.user, self.invitee):
            messages.error(request, _("Only an active user who has not chosen a password can be invited."))
        else:
            deliver_invitation(request, self.invitee)
        return redirect("wagtailusers_users:index")


def deliver_invitation(request: HttpRequest, user: User) -> None:
    """Send the invitation and tell the administrator whether it went out (a mail failure is no 500)."""
    if not user.email:
        messages.error(
            request, _("'%(user)s' has no email address: add one, then send the invitation.") % {"user": user}
        )
        return
    try:
        send_invitation(user, invited_by=request.user)
    except (SMTPException, OSError):
        messages.error(
            request,
            _("The invitation to %(email)s could not be sent. Try again later with “Send a new invitation”.")
            % {"email": user.email},
        )
    else:
        messages.success(
            request, _("An invitation to choose a password was sent to %(email)s.") % {"email": user.email}
        )
