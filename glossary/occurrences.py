"""Keep what readers see current: the linker's snapshot, the list of sections each term appears in, and the
cached pages that link or list terms (serving/invalidation.py).

Pages take part in the glossary when their type has the `link_glossary_terms` switch (guide sections);
the glossary app knows them only by that field, never by importing the page models.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.fields import RichTextField, StreamField
from wagtail.models import get_page_models
from wagtail.rich_text import get_text_for_indexing
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs
from wagtail.signals import page_published, page_unpublished, published, unpublished

from serving.invalidation import invalidate_on_change

from .models import GlossaryTerm, TermOccurrence
from .snapshot import current_glossary, glossary_changed

SWITCH_FIELD = "link_glossary_terms"

invalidate_on_change(GlossaryTerm)


def glossary_page_models():
    return [model for model in get_page_models() if any(f.name == SWITCH_FIELD for f in model._meta.fields)]


def terms_in_page(page, glossary):
    """Ids of the live terms a page's text uses or its editors marked, in the page's language."""
    language = glossary.locales.get(page.locale_id)
    if language is None:
        return set()
    matcher = glossary.matcher(language)
    found = set()
    for model_field in page._meta.fields:  # text fields only: reading a foreign key would query its row
        if isinstance(model_field, StreamField):
            value = getattr(page, model_field.name)
            texts = model_field.stream_block.get_searchable_content(value)
            sources = _strings(value.get_prep_value())
        elif isinstance(model_field, RichTextField):
            value = getattr(page, model_field.name) or ""
            texts, sources = [get_text_for_indexing(value)], [value]
        else:
            continue
        for text in texts:
            found.update(term_id for _start, _end, term_id in matcher.find(text))
        for source in sources:
            found.update(_marked_terms(source))
    return {term_id for term_id in found if language in getattr(glossary.terms.get(term_id), "entries", {})}


def update_page(page, glossary=None):
    """Bring the page's rows in line with its text: only the rows that changed are written (usually none, as
    most publications add or drop no term), in one transaction."""
    glossary = glossary or current_glossary()
    terms = terms_in_page(page, glossary)
    stored = set(TermOccurrence.objects.filter(page=page).values_list("term_id", flat=True))
    if terms == stored:
        return
    with transaction.atomic():
        TermOccurrence.objects.filter(page=page, term_id__in=stored - terms).delete()
        TermOccurrence.objects.bulk_create(
            (TermOccurrence(term_id=term_id, page=page) for term_id in sorted(terms - stored)),
            ignore_conflicts=True,  # the same page published twice at once: both may add a row
        )


def rebuild_occurrences():
    """Recompute every live glossary page's terms: after terms change, not per request."""
    glossary = current_glossary()
    rows = []
    for model in glossary_page_models():
        for page in model.objects.live():
            rows += [TermOccurrence(term_id=term_id, page=page) for term_id in terms_in_page(page, glossary)]
    TermOccurrence.objects.all().delete()
    TermOccurrence.objects.bulk_create(rows)


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for item in data.values():
            yield from _strings(item)
    elif isinstance(data, list | tuple):
        for item in data:
            yield from _strings(item)


def _marked_terms(html):
    for tag in FIND_A_TAG.finditer(html):
        attrs = extract_attrs(tag.group(1))
        if attrs.get("linktype") == "glossary" and attrs.get("id", "").isdigit():
            yield int(attrs["id"])


@receiver(post_save, sender=GlossaryTerm)
@receiver(post_delete, sender=GlossaryTerm)
def term_saved(sender, **kwargs):
    """Other processes must not rebuild from data this transaction has not committed: bump now and after."""
    glossary_changed()
    transaction.on_commit(glossary_changed)


@receiver(published, sender=GlossaryTerm)
@receiver(unpublished, sender=GlossaryTerm)
@receiver(post_delete, sender=GlossaryTerm)
def live_terms_changed(sender, **kwargs):
    """What pages link to changed: recompute occurrences once, when the transaction commits."""
    connection = transaction.get_connection()
    if connection.atomic_blocks:
        outermost = connection.atomic_blocks[0]
        if getattr(connection, "_glossary_rebuild_for", None) is outermost:
            return  # already scheduled for this transaction (a loader publishes many terms at once)
        connection._glossary_rebuild_for = outermost
    transaction.on_commit(rebuild_occurrences)


@receiver(page_published)
def page_published_handler(sender, instance, **kwargs):
    if hasattr(instance, SWITCH_FIELD):
        update_page(instance)


@receiver(page_unpublished)
def page_unpublished_handler(sender, instance, **kwargs):
    TermOccurrence.objects.filter(page=instance).delete()
