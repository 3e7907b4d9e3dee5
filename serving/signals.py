"""What makes public pages out of date, and the one thing done about it: a new content generation.

Pages: published, unpublished, moved, deleted, made private or public again. Everything else a page shows:
glossary terms (links and the A–Z), translation status (the out-of-date notice), editorial boards (names
under titles), publication records (dates and the change list), redirects, sites, locales, images and
documents. A page withdrawn (unpublished, moved, deleted or made private) also loses the last copies kept for
database outages (serving/generation.py). With a CDN configured (WAGTAILFRONTENDCACHE), a published,
unpublished or restricted page is also purged there, with its guide's pages, once the change is committed.
"""

from django.db import transaction
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
)


def shown_on_pages_changed(sender, **kwargs):
    bump_generation()


# Each receiver names its sender: one listening to every model would also stop Django's fast bulk deletes
# (a single DELETE) of every other model, such as search entries and term occurrences.
for model in SHOWN_ON_PAGES:
    post_save.connect(shown_on_pages_changed, sender=model, dispatch_uid=f"serving-save-{model._meta.label}")
    post_delete.connect(
        shown_on_pages_changed, sender=model, dispatch_uid=f"serving-delete-{model._meta.label}"
    )


@receiver(page_published)
def page_went_live(sender, instance, **kwargs):
    bump_generation()
    purge_after_commit(instance)


@receiver(page_unpublished)
def page_went_away(sender, instance, **kwargs):
    bump_generation(withdrawn=True)
    purge_after_commit(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, instance, **kwargs):
    """A page made private leaves every cache, its last copy and the CDN included."""
    bump_generation(withdrawn=True)
    purge_after_commit(instance.page)


@receiver(post_page_move)
def page_moved(sender, **kwargs):
    bump_generation(withdrawn=True)


# Deleting a page of any type deletes its Page row, so one receiver for Page sees them all (as Wagtail's own).
@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    bump_generation(withdrawn=True)


def purge_after_commit(page):
    """Purge the CDN once the change is committed: purged earlier, it could fetch and keep the old page."""
    transaction.on_commit(lambda: purge_page_and_guide(page))
