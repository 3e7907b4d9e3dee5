"""The glossary's part of sitemap.xml (allsite/urls.py puts it after the pages'): Django's own i18n sitemap,
as the glossary's views exist in every language, with the other languages as hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.translation import get_language

from .letters import letter_pages, letter_url
from .models import LANGUAGES
from .snapshot import current_glossary


class GlossarySitemap(Sitemap):
    """The glossary's front page, each letter's first page and each term's page, in each language they exist in."""

    i18n = True
    alternates = True
    languages = LANGUAGES

    def items(self):
        glossary = current_glossary()
        letters = {}  # letter -> languages with terms under it, apart from the front page's own letter
        for language in LANGUAGES:
            groups = glossary.by_letter(language)
            for letter in letter_pages(language, groups):
                letters.setdefault(letter, []).append(language)
        return (
            [("index", None, LANGUAGES)]
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
