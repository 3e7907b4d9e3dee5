"""Admin sign-in and security headers: the two-factor step, a strict Content Security Policy on public
pages (a looser one for the Wagtail admin), and a Permissions-Policy that turns off unused browser features."""

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.shortcuts import redirect

from .two_factor import needs_two_factor_step

# What django-csp's view decorators set on a response (csp/decorators.py): with any, django-csp decides.
RESPONSE_MARKERS = frozenset(
    f"_csp_{kind}{suffix}" for kind in ("exempt", "config", "update", "replace") for suffix in ("", "_ro")
)
# One for every response: it never holds a value, asking it for one raises CSPNonceError each time.
NONCE_AFTER_RESPONSE = CheckableLazyObject(CSPMiddleware._csp_nonce_post_response)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with ADMIN_CONTENT_SECURITY_POLICY for /admin/.

    Wagtail's admin still ships inline scripts and styles; public pages must not need them.

    A public response with the settings' policy as it is (the common case) gets headers built once per
    process: django-csp rebuilds the same string for every response (about 8% of the CPU time of the
    site's cheapest request, bench/cpu.py). Relies on django-csp 4's markers: its view decorators set
    `_csp_*` attributes on the response and a used nonce is `request._csp_nonce`; with any of them, or in
    the admin or a preview, django-csp builds the headers itself.
    """

    _default_headers = (None, None)  # ((policy setting, report-only setting), their headers)

    def process_response(self, request, response):
        if (
            settings.DEBUG
            or getattr(request, "_csp_nonce", None) is not None
            or getattr(request, "is_dummy", False)
            or request.path_info.startswith("/admin/")
            or not RESPONSE_MARKERS.isdisjoint(vars(response))
        ):
            return super().process_response(request, response)
        path = request.path_info
        for header, value, excluded in self.default_headers():
            if value and header not in response and not path.startswith(excluded):
                response[header] = value
        # As django-csp does: a nonce asked for after the header is written is an error, not a silent gap.
        request.csp_nonce = NONCE_AFTER_RESPONSE
        return response

    @classmethod
    def default_headers(cls):
        """(header, value, excluded URL prefixes) for the policy and the report-only policy in settings."""
        policies = (
            getattr(settings, "CONTENT_SECURITY_POLICY", None),
            getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None),
        )
        memo_policies, headers = cls._default_headers
        if memo_policies is None or any(a is not b for a, b in zip(memo_policies, policies, strict=True)):
            headers = tuple(
                (
                    header,
                    build_policy(report_only=report_only),
                    tuple((policy or {}).get("EXCLUDE_URL_PREFIXES") or ()),
                )
                for header, policy, report_only in (
                    (HEADER, policies[0], False),
                    (HEADER_REPORT_ONLY, policies[1], True),
                )
            )
            cls._default_headers = (policies, headers)
        return headers

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
