"""Invitations: a new user chooses their own password through a one-time link; nobody emails a password.

The link is Wagtail's password reset confirmation with a token from Django's PasswordResetTokenGenerator:
it stops working once the password is set (the token depends on the password hash) and after
PASSWORD_RESET_TIMEOUT. Sending a new invitation gives the user a new unusable password, which invalidates
any earlier link.
"""

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .email_language import in_language_of

INVITATION_SENT = "accounts.invitation_sent"


def set_password_url(user: User) -> str:
    """The absolute one-time link to Wagtail's "set your password" form for `user`."""
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        args=[urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)],
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_invitation(user: User, invited_by: User) -> None:
    """Email `user`, in their language, a link to set their password (they have none until then); log it."""
    user.set_unusable_password()
    user.save(update_fields=["password"])
    days = max(1, round(settings.PASSWORD_RESET_TIMEOUT / 86400))
    values = {
        "name": user.get_full_name() or user.get_username(),
        "inviter": invited_by.get_full_name() or invited_by.get_username(),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "username": user.get_username(),
        "days": days,
        "url": set_password_url(user),
    }
    with in_language_of(user):
        subject = _("Your account on %(site_name)s") % values
        body = (
            _(
                "Hello %(name)s,\n\n"
                "%(inviter)s has created an account for you on %(site_name)s. Your username is %(username)s.\n\n"
                "Choose your password with this link. It works once, within %(days)s days:\n%(url)s\n\n"
                "If the link no longer works, ask a site administrator to send you a new invitation."
            )
            % values
        )
    send_mail(subject, body, None, [user.email])
    log(instance=user, action=INVITATION_SENT, user=invited_by, data={"email": user.email})
