"""{% words_used_in pages as words %}: the glossary words a set of pages uses, with their definitions (the
family print packet's last part)."""

from collections.abc import Iterable

from django import template
from django.utils.translation import get_language
from wagtail.models import Page

from glossary.models import TermOccurrence
from glossary.snapshot import Entry, current_glossary

register = template.Library()


@register.simple_tag(takes_context=True)
def words_used_in(context: template.Context, pages: Iterable[Page]) -> list[Entry]:
    """Entries, in the reader's language and dictionary order, of every term the pages use: one query.

    The occurrence index (glossary/occurrences.py) says which pages use which terms; the names and
    definitions come from the cached glossary snapshot.
    """
    term_ids = set(
        TermOccurrence.objects.filter(page_id__in=[page.pk for page in pages]).values_list(
            "term_id", flat=True
        )
    )
    glossary, language = current_glossary(context.get("request")), get_language()
    entries = (glossary.entry(term_id, language) for term_id in term_ids)
    return sorted((entry for entry in entries if entry), key=lambda entry: entry.sort_key)


@register.simple_tag(takes_context=True)
def glossary_version(context: template.Context) -> str:
    """The glossary snapshot's version: part of the key of anything kept that shows the glossary's words
    (templates/pages/whole_guide.html), since a bulk import changes the glossary without a new generation."""
    return current_glossary(context.get("request")).version
