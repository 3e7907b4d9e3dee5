"""Optional two-factor sign-in to the admin with an authenticator app (TOTP codes from django-otp).

Anyone may turn it on for themselves; site administrators can require it of every administrator
(Settings → Sign-in security). Once a device is confirmed, each sign-in asks for a code before the admin
opens (accounts.middleware.TwoFactorMiddleware sends people here).
"""

import io

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from .models import SignInSettings

SITE_ADMINISTRATORS = "Site administrators"
DEVICE_NAME = "Authenticator app"


def two_factor_required(request: HttpRequest, user: User) -> bool:
    """Administrators must use two-factor sign-in when the site's sign-in settings say so."""
    if not (user.is_superuser or user.groups.filter(name=SITE_ADMINISTRATORS).exists()):
        return False
    return SignInSettings.load(request_or_site=request).require_two_factor_for_administrators


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


class CodeForm(forms.Form):
    """A six-digit code from the person's authenticator app, checked against their device."""

    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(_("Too many wrong codes. Wait a minute and try again."))
        if not code.isdigit() or not self.device.verify_token(code):
            raise forms.ValidationError(
                _("That code did not match. Check the time on your phone and try again.")
            )
        return code


class TwoFactorSetupView(WagtailAdminTemplateMixin, FormView):
    """Turn two-factor sign-in on (scan the QR code, confirm one code) or off (confirm one code)."""

    template_name = "accounts/two_factor/setup.html"
    form_class = CodeForm
    page_title = _("Two-factor sign-in")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        self.device = confirmed_device(request.user)
        if self.device is None:
            self.device, _created = TOTPDevice.objects.get_or_create(
                user=request.user, confirmed=False, defaults={"name": DEVICE_NAME}
            )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["enabled"] = self.device.confirmed
        context["required"] = two_factor_required(self.request, self.request.user)
        if not self.device.confirmed:
            image = io.BytesIO()
            write_qrcode_image(self.device.config_url, image)
            # The SVG is made by the qrcode library from our own device URL, not from user input.
            context["qr_code"] = mark_safe(image.getvalue().decode())  # noqa: S308
            context["secret"] = self.device.config_url.split("secret=")[1].split("&")[0]
        return context

    def form_valid(self, form):
        # The device's own user row, not request.user: Wagtail's audit log skips lazy user objects.
        user = self.device.user
        if not self.device.confirmed:
            self.device.confirmed = True
            self.device.save(update_fields=["confirmed"])
            otp_login(self.request, self.device)
            log(instance=user, action="accounts.two_factor_enabled", user=user)
            messages.success(
                self.request, _("Two-factor sign-in is on. You will need a code each time you sign in.")
            )
            return redirect("wagtailadmin_home")
        if two_factor_required(self.request, user):
            messages.error(self.request, _("Two-factor sign-in is required for administrators on this site."))
            return redirect("accounts_two_factor")
        TOTPDevice.objects.filter(user=user).delete()
        log(instance=user, action="accounts.two_factor_disabled", user=user)
        messages.success(self.request, _("Two-factor sign-in is off."))
        return redirect("wagtailadmin_account")


class TwoFactorVerifyView(FormView):
    """Asked once per sign-in, after the password, from people who have a confirmed device."""

    template_name = "accounts/two_factor/verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        self.device = confirmed_device(request.user)
        if self.device is None or request.user.is_verified():
            return redirect(self.next_url())
        return super().dispatch(request, *args, **kwargs)

    def next_url(self) -> str:
        candidate = self.request.POST.get("next") or self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return candidate
        return reverse("wagtailadmin_home")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": self.next_url()}

    def form_valid(self, form):
        otp_login(self.request, self.device)
        return redirect(self.next_url())


def needs_two_factor_step(request: HttpRequest) -> str | None:
    """Where a signed-in admin user must go before anything else, or None."""
    user = request.user
    if user_has_device(user, confirmed=True):
        if not user.is_verified():
            return reverse("accounts_two_factor_verify") + "?" + urlencode({"next": request.get_full_path()})
        return None
    if two_factor_required(request, user):
        return reverse("accounts_two_factor")
    return None


urlpatterns = [
    path("two-factor/", TwoFactorSetupView.as_view(), name="accounts_two_factor"),
    path("two-factor/verify/", TwoFactorVerifyView.as_view(), name="accounts_two_factor_verify"),
]
