"""What the editor's Checks panel shows for a guide section: its latest revision's scores against the
board's targets, its long sentences and hard words, and for a translation, its English source beside it."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import ngettext
from wagtail.models import Page

from glossary.snapshot import current_glossary
from pages.models import GuideSectionPage

from .extraction import page_passages
from .hard_words import HardWord, hard_words, reason_labels
from .revisions import revision_score, shown_revision
from .scoring import LONG_SENTENCE_WORDS, Scores, parity_gap
from .targets import targets_for_page

SOURCE_LANGUAGE = settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Source:
    """A translation's English page and the scores of the revision families read there."""

    page: Page
    scores: Scores | None  # None when the English page has no revision


def english_source(page: Page) -> Source | None:
    """The English section this page translates, or None (English pages, pages with no English version)."""
    if page.locale.language_code == SOURCE_LANGUAGE:
        return None
    source = (
        GuideSectionPage.objects.filter(
            translation_key=page.translation_key, locale__language_code=SOURCE_LANGUAGE
        )
        .select_related("live_revision", "latest_revision")
        .first()
    )
    if source is None:
        return None
    score = revision_score(shown_revision(source))
    return Source(source, score.as_scores() if score else None)


def hard_word_help(word: HardWord, labels: dict[str, str]) -> str:
    """ "long, technical · 3 times": why the word is flagged, and how often it is used."""
    help_text = ", ".join(str(labels[reason]) for reason in word.reasons)
    if word.count > 1:
        help_text += " · " + ngettext("%(count)s time", "%(count)s times", word.count) % {"count": word.count}
    return help_text


def checks_context(page: object, request: HttpRequest | None = None) -> dict | None:
    """Context for readability/admin/checks.html, or None for objects that are not guide sections."""
    if not isinstance(page, GuideSectionPage):
        return None
    if not page.pk or not page.latest_revision_id:
        return {"unsaved": True}
    revision = page.latest_revision
    scores = revision_score(revision).as_scores()
    language = page.locale.language_code
    targets = targets_for_page(page)
    source = english_source(page)
    gap = parity_gap(scores, source.scores) if source and source.scores else None
    labels = reason_labels()
    words = hard_words(page_passages(page), language, current_glossary(request))
    return {
        "scores": scores,
        "revision": revision,
        "targets": targets,
        "target": targets.describe(language),
        "misses_target": targets.misses(scores),
        "source": source,
        "parity_gap": gap,
        "long_sentence_limit": LONG_SENTENCE_WORDS[language],
        "hard_words": [(word, hard_word_help(word, labels)) for word in words],
    }
