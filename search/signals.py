"""Keep the search index current: pages and terms are re-read whenever what families can see may change.

Deleting a page or term needs no receiver: its rows go with it (the foreign keys CASCADE).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from glossary.models import GlossaryTerm

from .indexing import reindex_subtree, reindex_terms, remove_page


@receiver(page_published)
@receiver(post_page_move)
def page_changed(sender, instance, **kwargs):
    """A new title or slug changes the URLs and guide names below the page too: its whole subtree."""
    reindex_subtree(instance)


@receiver(page_unpublished)
def page_unpublished_handler(sender, instance, **kwargs):
    """Only this page goes (its live children stay findable). Wagtail also sends this just before it
    deletes a page, with nothing saved yet, so the page's rows are removed rather than read again."""
    remove_page(instance)


@receiver(post_save, sender=PageViewRestriction)
def privacy_set(sender, instance, **kwargs):
    """Private pages are never found."""
    reindex_subtree(instance.page)


@receiver(post_delete, sender=PageViewRestriction)
def privacy_removed(sender, instance, origin=None, **kwargs):
    """A page made public again is found. Not when the restriction goes because its page is deleted."""
    if isinstance(origin, PageViewRestriction) or getattr(origin, "model", None) is PageViewRestriction:
        reindex_subtree(instance.page)


@receiver(published, sender=GlossaryTerm)
@receiver(unpublished, sender=GlossaryTerm)
def term_changed(sender, instance, **kwargs):
    reindex_terms([instance.pk])
