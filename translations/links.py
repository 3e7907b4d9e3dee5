"""Where a reader lands when switching language, and which translations to announce with hreflang."""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Page

UNTRANSLATED_PARAMETER = "untranslated"


@dataclass(frozen=True)
class LanguageLink:
    language_code: str
    name: str  # the language's own name, e.g. "Español"
    url: str
    translated: bool  # True: url is this very page in that language (an hreflang alternate)


def language_links(page, request, ancestors=None, url_suffixes=None):
    """Links to `page` in every other content language, falling back to the closest translated ancestor.

    One query for the page's and its ancestors' translations, whatever the depth (plus one for the
    ancestors unless the caller already has them). `url_suffixes` keeps a sub-route per language (such as
    the whole-guide view) only where the page itself is translated.
    """
    if ancestors is None:
        ancestors = list(page.get_ancestors().filter(depth__gt=1))
    lineage = [*ancestors, page]
    rows = (
        Page.objects.live()
        .filter(translation_key__in=[p.translation_key for p in lineage])
        .select_related("locale")
    )
    by_language = {}
    current_language = None
    for row in rows:
        if row.pk == page.pk:
            current_language = row.locale.language_code
        by_language.setdefault(row.locale.language_code, {})[row.translation_key] = row

    if current_language is None:  # a draft being previewed is not among the live rows
        current_language = page.locale.language_code
    links = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == current_language:
            continue
        found = by_language.get(code, {})
        name = language_name(code)
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


def language_name(code):
    """The language's name in itself, as settings.LANGUAGES spells it ("English", "Español")."""
    return dict(settings.LANGUAGES)[code]


def home_links(current_language):
    """For pages outside the page tree (errors, other views): each other language's home page.

    Not a translation of the current page, so no hreflang alternate is announced for it.
    """
    return [
        LanguageLink(code, language_name(code), f"/{code}/", translated=False)
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != current_language
    ]
