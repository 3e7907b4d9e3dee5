"""Obviously complete: every model whose change a public page shows is registered with serving, so a change to
any of them makes every cached page out of date. A new model shown on pages belongs in this list."""

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site

from glossary.models import GlossaryTerm
from pages.models import EditorialBoard, PublicationRecord
from serving.invalidation import watched
from translations.models import TranslationStatus

SAVED_OR_DELETED = {"save": False, "delete": False}
# Withdrawn (True): the change takes a page away from readers, so the last copies kept for outages go too.
SHOWN_ON_PAGES = {
    GlossaryTerm: SAVED_OR_DELETED,  # term links, the A–Z pages, the print packet's words
    TranslationStatus: SAVED_OR_DELETED,  # the out-of-date notice on a translation
    EditorialBoard: SAVED_OR_DELETED,  # the board's name under a guide's title
    PublicationRecord: SAVED_OR_DELETED,  # the dates and the public change list
    Redirect: SAVED_OR_DELETED,
    Site: SAVED_OR_DELETED,
    Locale: SAVED_OR_DELETED,
    get_image_model(): SAVED_OR_DELETED,
    get_document_model(): SAVED_OR_DELETED,
    Page: {"publish": False, "unpublish": True, "move": True, "delete": True},
    PageViewRestriction: {"save": True, "delete": True},
}


def test_every_model_a_page_shows_makes_cached_pages_out_of_date():
    registered = watched()
    missing = [
        f"{model._meta.label} {event}" + (" (withdrawn)" if withdrawn else "")
        for model, events in SHOWN_ON_PAGES.items()
        for event, withdrawn in events.items()
        if registered.get(model, {}).get(event) is not withdrawn
    ]
    assert not missing, "not registered with serving.invalidation: " + ", ".join(missing)
