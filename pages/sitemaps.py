"""sitemap.xml: every live page in every language, with its translations as hreflang alternates.

Wagtail keeps one page tree per language, so a page's alternates are the live pages that share its
`translation_key`; Django's own i18n sitemap fits views that exist in every language, like the glossary.
"""

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.urls import reverse
from django.utils.translation import get_language
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Locale, Page

from glossary.letters import letter_pages, letter_url
from glossary.models import LANGUAGES as GLOSSARY_LANGUAGES
from glossary.snapshot import current_glossary

from .models import GuidePage
from .models.pages import WHOLE_GUIDE_PATHS


class PageSitemap(WagtailSitemap):
    """Wagtail's page sitemap over the site's root in every language, plus each guide's whole-guide view."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        entries = []  # (translation_key, language, location, lastmod)
        for item in self.paginator.page(page).object_list:
            language = languages[item.locale_id]
            location = f"{protocol}://{domain}{item.get_url(self.request)}"
            entries.append((item.translation_key, language, location, self.lastmod(item)))
            if isinstance(item, GuidePage) and language in WHOLE_GUIDE_PATHS:
                whole_guide = f"{location}{WHOLE_GUIDE_PATHS[language]}/"
                entries.append((f"{item.translation_key}:whole", language, whole_guide, self.lastmod(item)))
        alternates = {}
        for key, language, location, _lastmod in entries:
            alternates.setdefault(key, []).append({"lang_code": language, "location": location})
        return [
            {
                "location": location,
                "lastmod": lastmod,
                "alternates": alternates[key] if len(alternates[key]) > 1 else [],
            }
            for key, _language, location, lastmod in entries
        ]


class GlossarySitemap(DjangoSitemap):
    """The glossary's front page, each letter's first page and each term's page, in each language they exist in."""

    i18n = True
    alternates = True
    languages = GLOSSARY_LANGUAGES

    def items(self):
        glossary = current_glossary()
        letters = {}  # letter -> languages with terms under it, apart from the front page's own letter
        for language in GLOSSARY_LANGUAGES:
            groups = glossary.by_letter(language)
            for letter in letter_pages(language, groups):
                letters.setdefault(letter, []).append(language)
        return (
            [("index", None, GLOSSARY_LANGUAGES)]
            + [("letter", letter, tuple(languages)) for letter, languages in letters.items()]
            + [
                ("term", term.id, tuple(term.entries))
                for term in sorted(glossary.terms.values(), key=lambda term: term.slug)
            ]
        )

    def get_languages_for_item(self, item):
        return item[2]

    def location(self, item):
        kind, key, _languages = item
        if kind == "index":
            return reverse("glossary:index")
        if kind == "letter":
            return letter_url(key, first=None)
        return current_glossary().entry(key, get_language()).url  # a Spanish page has a Spanish slug


# The sections of sitemap.xml, for wagtail.contrib.sitemaps.views.sitemap (which passes it the request).
SITEMAPS = {"pages": PageSitemap, "glossary": GlossarySitemap}
