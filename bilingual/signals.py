"""A CDN in front of the site also holds the side-by-side views: purge those that show a published page.

serving/ purges the page, its guide and their sections (Wagtail's purge of each page's own URLs); the
side-by-side views are other URLs, in each language, so they are purged here, also once committed.
"""

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published

from pages.models import GuidePage, GuideSectionPage

from .views import SIDE_BY_SIDE_PATHS


@receiver(page_published)
def purge_side_by_side_views(sender, instance, **kwargs):
    if getattr(settings, "WAGTAILFRONTENDCACHE", None) and issubclass(sender, GuidePage | GuideSectionPage):
        transaction.on_commit(lambda: PurgeBatch(side_by_side_urls(instance)).purge())


def side_by_side_urls(page: Page) -> list[str]:
    """The side-by-side views showing `page`, in every language it is live in: its own and, for a section,
    its guide's."""
    urls = []
    for translation in page.get_translations(inclusive=True).live().select_related("locale"):
        word = SIDE_BY_SIDE_PATHS.get(translation.locale.language_code)
        if word is None:
            continue
        urls.append(f"{translation.full_url}{word}/")
        if isinstance(page, GuideSectionPage):
            urls.append(f"{translation.get_parent().full_url}{word}/")
    return urls
