"""Template access to the language switcher and hreflang alternates."""

from django import template
from django.utils.translation import get_language

from translations.links import UNTRANSLATED_PARAMETER, home_links, language_links

register = template.Library()


@register.simple_tag(takes_context=True)
def other_languages(context):
    """Language links for the current page, or each language's home page where there is no page."""
    page = context.get("page")
    request = context.get("request")
    if page is None or not getattr(page, "translation_key", None):
        return home_links(get_language())
    return language_links(
        page, request, ancestors=context.get("ancestors"), url_suffixes=context.get("language_url_suffixes")
    )


@register.simple_tag(takes_context=True)
def untranslated_notice_requested(context):
    """True when the reader arrived from a page that has no version in this language."""
    request = context.get("request")
    return bool(request and request.GET.get(UNTRANSLATED_PARAMETER))
