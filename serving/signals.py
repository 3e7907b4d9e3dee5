"""What of Wagtail's own makes public pages out of date: pages published, unpublished, moved, deleted or made
private or public again, and the redirects, sites, locales, images and documents pages use.

Our apps register their own models the same way (serving/invalidation.py), from their signals modules: the
glossary its terms, translations their status, pages the editorial boards and publication records.
"""

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .invalidation import invalidate_on_change, invalidate_on_delete, invalidate_on_page_signal

for model in (Redirect, Site, Locale, get_image_model(), get_document_model()):
    invalidate_on_change(model)

# A page withdrawn (unpublished, moved, deleted or made private) also leaves the last copies kept for
# database outages (serving/generation.py).
invalidate_on_page_signal(page_published, "publish")
invalidate_on_page_signal(page_unpublished, "unpublish", withdrawn=True)
invalidate_on_page_signal(post_page_move, "move", withdrawn=True)
# Deleting a page of any type deletes its Page row, so one receiver for Page sees them all (as Wagtail's own).
invalidate_on_delete(Page, withdrawn=True)
invalidate_on_change(PageViewRestriction, withdrawn=True)
