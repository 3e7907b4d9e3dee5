"""Where a reader lands when switching language, and which translations to announce with hreflang."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.models import Page

UNTRANSLATED_PARAMETER = "untranslated"


@dataclass(frozen=True)
class LanguageLink:
    language_code: str
    name: str  # the language's own name, e.g. "Español"
    url: str
    translated: bool  # False: the page has no live version in that language; url goes to the nearest one


def language_links(page, request, url_suffixes=None):
    """Links to `page` in every other content language, falling back to the closest translated ancestor.

    One query for the page and all its ancestors' translations, whatever the depth. `url_suffixes` keeps a
    sub-route per language (such as the whole-guide view) only where the page itself is translated.
    """
    lineage = [*page.get_ancestors().filter(depth__gt=1), page] if page.depth > 1 else [page]
    keys = [ancestor.translation_key for ancestor in lineage]
    candidates = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
    )
    by_language = {}
    for candidate in candidates:
        by_language.setdefault(candidate.locale.language_code, {})[candidate.translation_key] = candidate

    links = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == page.locale.language_code:
            continue
        found = by_language.get(code, {})
        name = get_language_info(code)["name_local"]
        if page.translation_key in found:
            url = found[page.translation_key].get_url(request) + (url_suffixes or {}).get(code, "")
            links.append(LanguageLink(code, name, url, translated=True))
            continue
        nearest = next(
            (found[a.translation_key] for a in reversed(lineage) if a.translation_key in found), None
        )
        url = nearest.get_url(request) if nearest else f"/{code}/"
        links.append(LanguageLink(code, name, f"{url}?{UNTRANSLATED_PARAMETER}=1", translated=False))
    return links


def home_links(current_language):
    """For pages outside the page tree (errors, other views): each other language's home page."""
    return [
        LanguageLink(code, get_language_info(code)["name_local"], f"/{code}/", translated=True)
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != current_language
    ]
