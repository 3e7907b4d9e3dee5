"""The plain-language section of the editor's Checks panel (wagtailadmin/shared/side_panels/checks.html)."""

from django import template
from django.template import Context

from ..panel import checks_context

register = template.Library()


@register.inclusion_tag("readability/admin/checks.html", takes_context=True)
def plain_language_checks(context: Context, obj: object) -> dict:
    """Empty for anything but a guide section (snippets, settings and other pages share the panel)."""
    return {"checks": checks_context(obj, context.get("request"))}
