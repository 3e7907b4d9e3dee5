"""The side-by-side view linked in from other apps' templates: the public link and the translators' coverage."""

from django import template
from django.template import Context
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import get_language
from wagtail.models import Page

from bilingual.alignment import align, slots
from bilingual.views import SIDE_BY_SIDE_PATHS
from pages.models import GuidePage, GuideSectionPage

register = template.Library()


@register.simple_tag(takes_context=True)
def side_by_side_url(context: Context) -> str | None:
    """The side-by-side view of the section or guide on screen, if it is translated.

    No query: it reads the language links base.html already made (`language_links`, the page's live
    translations), so a page with no translation offers no link.
    """
    page, ancestors = context.get("page"), context.get("ancestors") or []
    if not any(link.translated for link in context.get("language_links") or []):
        return None
    view_slug = SIDE_BY_SIDE_PATHS.get(get_language())
    if view_slug is None:
        return None
    if isinstance(page, GuideSectionPage) and ancestors:
        kwargs = {"guide_slug": ancestors[-1].slug, "section_slug": page.slug}
        return reverse("bilingual:section", kwargs={**kwargs, "view_slug": view_slug})
    if isinstance(page, GuidePage):
        return reverse("bilingual:guide", kwargs={"guide_slug": page.slug, "view_slug": view_slug})
    return None


@register.simple_tag(takes_context=True)
def side_by_side_coverage(context: Context, english: Page, translation: Page) -> dict | None:
    """How far a translation's latest revision aligns with the live English section, for its status page.

    {"percent", "paired", "total", "missing": [(kind, words)] of English blocks with no match, "extra": number
    of translated blocks with none, "url": the side-by-side view while the translation is live}; None for a
    guide (its text is not blocks).
    """
    if not isinstance(english, GuideSectionPage) or not isinstance(translation, GuideSectionPage):
        return None
    latest = translation.get_latest_revision_as_object()
    rows = align(slots(english.body), slots(latest.body))
    paired = sum(1 for row in rows if row.primary is not None and row.secondary is not None)
    total = len(english.body.raw_data)
    url = None
    if translation.live and (language := translation.locale.language_code) in SIDE_BY_SIDE_PATHS:
        url = f"{translation.get_url(context.get('request'))}{SIDE_BY_SIDE_PATHS[language]}/"
    return {
        "percent": round(100 * paired / total) if total else 100,
        "paired": paired,
        "total": total,
        "missing": [_describe(english.body, row.primary) for row in rows if row.secondary is None],
        "extra": sum(1 for row in rows if row.primary is None),
        "url": url,
    }


def _describe(body, index):
    """(the block's kind as editors know it, its first words) of one stored block."""
    block = body.raw_data[index]
    kind = body.stream_block.child_blocks[block["type"]].label
    value = block["value"]
    if isinstance(value, dict):
        value = value.get("text") or value.get("title") or ""
    words = strip_tags(str(value)).split()
    return kind, " ".join(words[:12]) + (" …" if len(words) > 12 else "")
