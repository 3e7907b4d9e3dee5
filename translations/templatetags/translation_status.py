"""The notice on a translated page whose English source has changed substantively since it was translated,
and the same for each section of the whole guide."""

from collections.abc import Sequence

from django import template
from django.template import Context
from django.utils import timezone
from wagtail.models import Page

from translations.links import sections_behind_their_source, source_changed_since_translation

register = template.Library()


@register.simple_tag(takes_context=True)
def out_of_date_notice(context: Context) -> dict | None:
    """{"updated": date, "english_url": url} when the English page changed since the in-step mark, else None.

    No query of its own: it reads the translations the language switcher fetched for this request.
    """
    page, request = context.get("page"), context.get("request")
    if page is None or request is None:
        return None
    changed = source_changed_since_translation(page, request, ancestors=context.get("ancestors"))
    if changed is None:
        return None
    return _notice(*changed, request)


@register.simple_tag(takes_context=True)
def with_translation_notices(context: Context, sections: Sequence[Page]) -> list[tuple[Page, dict | None]]:
    """[(section, notice or None)]: the notice as out_of_date_notice's, for each section behind its English page.

    One query for all the sections (the whole guide), not one per section.
    """
    request = context.get("request")
    behind = sections_behind_their_source(sections, request) if request is not None else {}
    return [
        (section, _notice(*behind[section.pk], request) if section.pk in behind else None)
        for section in sections
    ]


def _notice(source, updated, request):
    return {"updated": timezone.localtime(updated).date(), "english_url": source.get_url(request)}
