"""Scores of section revisions: computed when a revision is saved, read back everywhere else.

A revision saved before this app existed, or scored by an older version of the counting
(`SCORER_VERSION`), is scored the first time someone asks for it: in the admin or by
`manage.py readability_scores`, never while serving a public page.
"""

from wagtail.models import Page, Revision

from pages.models import GuideSectionPage

from .models import SCORER_VERSION, RevisionScore
from .scoring import score_page


def is_section_revision(revision: Revision) -> bool:
    model = revision.content_type.model_class()
    return model is not None and issubclass(model, GuideSectionPage)


def store_scores(revision: Revision, page: Page | None = None) -> RevisionScore:
    """Score the revision's content (`page`: the revision as a page object, if the caller has it)."""
    page = page or revision.as_object()
    values = RevisionScore.values_from(score_page(page))
    score, _created = RevisionScore.objects.update_or_create(revision=revision, defaults=values)
    return score


def revision_score(revision: Revision | None) -> RevisionScore | None:
    """The stored scores of a section revision, computed now if missing or out of date; None if no revision."""
    if revision is None:
        return None
    score = RevisionScore.objects.filter(revision=revision).first()
    if score is None or score.scorer_version != SCORER_VERSION:
        score = store_scores(revision)
    return score


def shown_revision(page: Page) -> Revision | None:
    """The revision families read (the live one), or the latest for a page never published."""
    return page.live_revision if page.live and page.live_revision_id else page.latest_revision
