"""Admin sign-in and security headers: the two-factor step, a strict Content Security Policy on public
pages (a looser one for the Wagtail admin), and a Permissions-Policy that turns off unused browser features."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.shortcuts import redirect

from .two_factor import needs_two_factor_step


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with ADMIN_CONTENT_SECURITY_POLICY for /admin/.

    Wagtail's admin still ships inline scripts and styles; public pages must not need them.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and getattr(request, "is_dummy", False):
            # A page rendered for the admin's preview panel (Wagtail runs it through the middleware as a
            # dummy request for its public URL): the public policy, but the admin may frame it.
            return PolicyParts(
                config=parts.config,
                update=parts.update,
                replace={**(parts.replace or {}), "frame-ancestors": ["'self'"]},
                nonce=parts.nonce,
            )
        if not report_only and request.path_info.startswith("/admin/") and parts.config is None:
            return PolicyParts(
                config=settings.ADMIN_CONTENT_SECURITY_POLICY,
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts


class PermissionsPolicyMiddleware:
    """Add the Permissions-Policy header (Django has no setting for it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class TwoFactorMiddleware:
    """Send signed-in admin users to the two-factor step before any other admin page.

    Runs after django-otp's OTPMiddleware, which tells whether this session has passed a code.
    """

    OPEN_PATHS = (
        "/admin/login/",
        "/admin/logout/",
        "/admin/password_reset/",
        "/admin/two-factor/",
        "/admin/jsi18n/",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith("/admin/")
            and not path.startswith(self.OPEN_PATHS)
            and request.user.is_authenticated
        ):
            step = needs_two_factor_step(request)
            if step:
                return redirect(step)
        return self.get_response(request)
