"""Glossary consistency: terms the English page uses whose Spanish forms its translation never mentions.

Both sides go through the glossary's own matcher (`terms_in_page`), so a Spanish alias or abbreviation
counts exactly as it would for the linker. A warning for translators, never a block on publishing.
"""

from dataclasses import dataclass

from wagtail.models import Page

from glossary.models import GlossaryTerm
from glossary.occurrences import terms_in_page
from glossary.snapshot import current_glossary


@dataclass(frozen=True)
class MissingTerm:
    english: str  # the term as the English page knows it, e.g. "minimal residual disease (MRD)"
    spanish: str  # its Spanish name, e.g. "enfermedad residual mínima"


def missing_terms(english_page: Page, translated_page: Page) -> list[MissingTerm]:
    """Terms in `english_page` that have a Spanish name but no Spanish form in `translated_page`."""
    glossary = current_glossary()
    absent = terms_in_page(english_page, glossary) - terms_in_page(translated_page, glossary)
    terms = GlossaryTerm.objects.filter(pk__in=absent).exclude(name_es="").order_by("name_en")
    return [MissingTerm(_english_label(term), term.name_es) for term in terms]


def _english_label(term):
    abbreviations = [text for text, is_abbreviation in term.forms("en") if is_abbreviation]
    return f"{term.name_en} ({', '.join(abbreviations)})" if abbreviations else term.name_en
