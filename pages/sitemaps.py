"""The pages' part of sitemap.xml: every live page in every language, with its translations as hreflang
alternates (the glossary's part is glossary/sitemaps.py; allsite/urls.py puts them together).

Wagtail keeps one page tree per language, so a page's alternates are the live pages that share its
`translation_key`; Django's own i18n sitemap fits views that exist in every language, like the glossary.
"""

from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Locale, Page

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
