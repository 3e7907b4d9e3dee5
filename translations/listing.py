"""Rows of the Translations report and the dashboard panel: each English page's translation status, plus
the title of its guide and of its Spanish version.

Two guides may have sections of the same name ("Phases of Treatment"); the guide's title tells them apart,
and the Spanish title shows translators which page they will open.
"""

from django.db.models import CharField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Substr
from wagtail.models import Page

from pages.review_status import GUIDE_DEPTH

from .status import pages_with_translation_status


def translation_rows() -> QuerySet[Page]:
    """`pages_with_translation_status()` with `guide_title` (the guide the page belongs to, the guide's own
    title for a guide) and `translation_title` (the Spanish page's latest title, None when missing)."""
    guide = Page.objects.filter(path=Substr(OuterRef("path"), 1, GUIDE_DEPTH * Page.steplen))
    translation = Page.objects.filter(pk=OuterRef("translation_id"))
    return pages_with_translation_status().annotate(
        guide_title=Subquery(guide.values("title")[:1], output_field=CharField()),
        translation_title=Subquery(translation.values("draft_title")[:1], output_field=CharField()),
    )
