"""Sign-in policy that site administrators set in the admin (Settings → Sign-in security)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="lock")
class SignInSettings(BaseGenericSetting):
    """Whether administrators must use two-factor sign-in; everyone else may opt in."""

    require_two_factor_for_administrators = models.BooleanField(
        _("require two-factor sign-in for administrators"),
        default=False,
        help_text=_(
            "Superusers and members of Site administrators must set up an authenticator app and enter "
            "its six-digit code each time they sign in."
        ),
    )

    class Meta:
        verbose_name = _("sign-in security")
