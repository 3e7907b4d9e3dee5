"""What makes public pages out of date, and the one thing done about it: a new content generation.

Pages: published, unpublished, moved, deleted, made private or public again. Everything else a page shows:
glossary terms (links and
the A–Z), translation status (the out-of-date notice), editorial boards (names under titles), publication
records (dates and the change list), redirects, sites, locales, images and documents. With a CDN configured
(WAGTAILFRONTENDCACHE), a published or unpublished page is also purged there, with its guide's pages.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from glossary.models import GlossaryTerm
from pages.models import EditorialBoard, PublicationRecord
from translations.models import TranslationStatus

from .cdn import purge_page_and_guide
from .generation import bump_generation

SHOWN_ON_PAGES = (
    GlossaryTerm,
    TranslationStatus,
    EditorialBoard,
    PublicationRecord,
    Redirect,
    Site,
    Locale,
    get_image_model(),
    get_document_model(),
    PageViewRestriction,
)


def shown_on_pages_changed(sender, **kwargs):
    bump_generation()


for model in SHOWN_ON_PAGES:
    post_save.connect(shown_on_pages_changed, sender=model, dispatch_uid=f"serving-save-{model._meta.label}")
    post_delete.connect(
        shown_on_pages_changed, sender=model, dispatch_uid=f"serving-delete-{model._meta.label}"
    )


@receiver(page_published)
@receiver(page_unpublished)
def page_went_live_or_away(sender, instance, **kwargs):
    bump_generation()
    purge_page_and_guide(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, instance, **kwargs):
    """The CDN must not keep serving a page that has become private (the generation is bumped above)."""
    purge_page_and_guide(instance.page)


@receiver(post_page_move)
def page_moved(sender, **kwargs):
    bump_generation()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_generation()
