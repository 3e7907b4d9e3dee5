"""Template access to the language switcher and hreflang alternates."""

from django import template
from django.template import Context
from django.utils.translation import get_language

from translations.links import UNTRANSLATED_PARAMETER, LanguageLink, home_links, language_links

register = template.Library()


@register.simple_tag(takes_context=True)
def other_languages(context: Context) -> list[LanguageLink]:
    """Language links for the current page, or each language's home page where there is no page.

    Views outside the page tree (the glossary) give their own translations as `language_urls`
    ({language code: URL}); a language missing from it gets its home page.
    """
    page = context.get("page")
    request = context.get("request")
    if (urls := context.get("language_urls")) is not None:
        return [
            LanguageLink(link.language_code, link.name, urls[link.language_code], translated=True)
            if link.language_code in urls
            else link
            for link in home_links(get_language())
        ]
    if page is None or not getattr(page, "translation_key", None):
        return home_links(get_language())
    return language_links(
        page, request, ancestors=context.get("ancestors"), url_suffixes=context.get("language_url_suffixes")
    )


@register.simple_tag(takes_context=True)
def untranslated_notice_requested(context: Context) -> bool:
    """True when the reader arrived from a page that has no version in this language."""
    request = context.get("request")
    return bool(request and request.GET.get(UNTRANSLATED_PARAMETER))


@register.simple_tag(takes_context=True)
def hreflang_alternates(context: Context, links: list[LanguageLink]) -> list[tuple[str, str]]:
    """(language code, absolute URL) of this page and each translation of it; nothing if it has none."""
    request = context["request"]
    translated = [
        (link.language_code, request.build_absolute_uri(link.url)) for link in links if link.translated
    ]
    if not translated:
        return []
    return [(get_language(), request.build_absolute_uri(request.path)), *translated]
