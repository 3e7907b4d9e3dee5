"""What a family's browser saves for one guide in one language, and how it tells a stale copy from a fresh one.

The worker and `offline.js` never guess: they save exactly the URLs listed here, compare `revision` with the
one they saved, and show each page's dates from here. Published changes replace the content generation, so
the page cache never hands out a manifest older than the pages it lists.
"""

import hashlib

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from glossary.models import TermOccurrence
from glossary.snapshot import current_glossary
from pages.models import GuidePage

# Every public page needs these; the URLs come from the static storage, so they carry the hashed names.
STATIC_FILES = (
    "css/site.css",
    "js/glossary.js",
    "js/print.js",
    "offline/loader.js",
    "offline/offline.js",
    "favicon.svg",
)


def _dates(page):
    """ISO dates for machines and the dates as the page itself writes them, in the guide's language."""
    return {
        "updated": page.last_updated.isoformat() if page.last_updated else None,
        "updated_text": date_format(page.last_updated) if page.last_updated else None,
        "reviewed": page.last_reviewed.isoformat() if page.last_reviewed else None,
        "reviewed_text": date_format(page.last_reviewed) if page.last_reviewed else None,
    }


def urls_in_each_language(url_name: str) -> dict[str, str]:
    """{language code: URL} of a view under i18n_patterns, e.g. the "not saved" page the worker answers with."""
    urls = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            urls[language] = reverse(url_name)
    return urls


def guide_manifest(guide: GuidePage, request: HttpRequest) -> dict:
    """The guide page, its live sections, its whole-guide view, the glossary entries they use, CSS and JS."""
    language = guide.locale.language_code
    with translation.override(language):
        sections = list(guide.sections().defer_streamfields())
        pages = [
            {
                "url": page.get_url(request),
                "title": page.title,
                "revision": page.live_revision_id,
                **_dates(page),
            }
            for page in [guide, *sections]
        ]
        pages.insert(
            1,
            {
                "url": guide.whole_guide_url(),
                "title": translation.gettext("Whole guide"),
                "revision": guide.live_revision_id,
                **_dates(guide),
            },
        )
    glossary = current_glossary()
    term_ids = TermOccurrence.objects.filter(page__in=[section.pk for section in sections]).values_list(
        "term_id", flat=True
    )
    definitions = sorted(
        {
            glossary.terms[term_id].entries[language].api_url
            for term_id in term_ids
            if term_id in glossary.terms and language in glossary.terms[term_id].entries
        }
    )
    # One token for the whole guide: any page published, added or withdrawn changes it.
    revisions = ";".join(f"{page.pk}:{page.live_revision_id}" for page in [guide, *sections])
    return {
        "id": guide.pk,
        "language": language,
        "title": guide.title,
        "url": pages[0]["url"],
        "manifest_url": request.path,
        "revision": hashlib.sha256(revisions.encode()).hexdigest()[:16],
        "pages": pages,
        "definitions": definitions,
        "static": [static(name) for name in STATIC_FILES],
        "fallbacks": urls_in_each_language("offline:fallback"),
    }
