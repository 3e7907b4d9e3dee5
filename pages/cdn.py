"""Purging a CDN in front of the site through Wagtail's frontend cache backends (WAGTAILFRONTENDCACHE).

Wagtail purges a published page's own URLs; a section also appears in its guide's contents, its neighbours'
previous/next links and the whole-guide view, so those are purged in the same batch (pages/signals.py sends
each published, unpublished or restricted page here once the change is committed). Everything else a CDN
holds (pages showing a changed glossary term, say) expires after PAGE_CACHE_CDN_SECONDS.
"""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from .models import GuidePage


def purge_page_and_guide(page: Page) -> None:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    batch.add_page(page)
    guide = page.specific_deferred if isinstance(page.specific_deferred, GuidePage) else None
    if guide is None and page.depth > 1:
        guide = GuidePage.objects.parent_of(page).first()
    if guide is not None:
        batch.add_page(guide)
        batch.add_pages(guide.sections())
    batch.purge()
