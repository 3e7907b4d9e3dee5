"""The notice on a translated page whose English source has changed substantively since it was translated."""

from django import template
from django.utils import timezone

from translations.links import source_changed_since_translation

register = template.Library()


@register.simple_tag(takes_context=True)
def out_of_date_notice(context):
    """{"updated": date, "english_url": url} when the English page changed since the in-step mark, else None.

    No query of its own: it reads the translations the language switcher fetched for this request.
    """
    page, request = context.get("page"), context.get("request")
    if page is None or request is None:
        return None
    changed = source_changed_since_translation(page, request, ancestors=context.get("ancestors"))
    if changed is None:
        return None
    source, updated = changed
    return {"updated": timezone.localtime(updated).date(), "english_url": source.get_url(request)}
