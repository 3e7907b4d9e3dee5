"""Readability in board review: an approval of a revision below the board's target needs a reason, kept
with the vote; the votes panel and the vote's form show the revision's scores and their change from the
live revision. Registered with the pages app's vote form, signal and notes hook (wagtail_hooks.py,
signals.py): pages knows nothing of readability."""

from dataclasses import dataclass

from django import forms
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision

from pages.models import BoardVote, GuideSectionPage
from pages.vote_forms import ApproveForm, VoteForm

from .models import BelowTargetApproval
from .revisions import revision_score
from .scoring import Scores
from .targets import Targets, targets_for_page

REASON_FIELD = "below_target_reason"


@dataclass(frozen=True)
class ReviewedRevision:
    """A section revision under review: its scores, its live revision's, and the board's targets."""

    page: GuideSectionPage
    revision: Revision
    scores: Scores
    live_scores: Scores | None  # of the live revision; None if never published
    targets: Targets

    @property
    def misses_target(self) -> bool:
        return bool(self.targets.misses(self.scores))

    @property
    def target(self) -> str:
        return self.targets.describe(self.scores.language)

    def main_score(self) -> float | None:
        """The score the target is set on: the grade in English, INFLESZ in Spanish."""
        return self.scores.inflesz if self.scores.language == "es" else self.scores.grade

    def changes(self) -> list[tuple[str, float, float, float]]:
        """(label, now, before, difference) of each score against the live revision's."""
        if self.live_scores is None or not (self.scores.enough_text and self.live_scores.enough_text):
            return []
        if self.scores.language == "es":
            names = [("inflesz", _("INFLESZ")), ("fernandez_huerta", _("Fernández-Huerta"))]
        else:
            names = [("grade", _("Grade level")), ("reading_ease", _("Reading ease"))]
        rows = []
        for name, label in names:
            now, before = getattr(self.scores, name), getattr(self.live_scores, name)
            rows.append((label, now, before, now - before))
        return rows


def reviewed_revision(page: object) -> ReviewedRevision | None:
    """The latest revision of a guide section with its scores and targets; None for other objects."""
    if isinstance(page, Page) and not isinstance(page, GuideSectionPage):
        page = page.specific
    if not isinstance(page, GuideSectionPage) or not page.pk:
        return None
    revision = page.get_latest_revision()
    if revision is None:
        return None
    live_score = revision_score(page.live_revision if page.live else None)
    return ReviewedRevision(
        page=page,
        revision=revision,
        scores=revision_score(revision).as_scores(),
        live_scores=live_score.as_scores() if live_score else None,
        targets=targets_for_page(page),
    )


def review_notes(page: object) -> str:
    """HTML for the votes panel and the vote's form: scores, change from the live revision, reasons given."""
    reviewed = reviewed_revision(page)
    if reviewed is None:
        return ""
    reasons = BelowTargetApproval.objects.filter(vote__revision=reviewed.revision).select_related(
        "vote__user"
    )
    return render_to_string("readability/admin/review_notes.html", {"reviewed": reviewed, "reasons": reasons})


def add_reason_field(form: ApproveForm) -> None:
    """The approval form's extra field, and the check that makes it required below the target."""
    form.fields[REASON_FIELD] = forms.CharField(
        label=_("Reason for approving below the board's readability target"),
        help_text=_("Needed only when the revision misses the target (see its scores above)."),
        required=False,
        max_length=1000,
        widget=forms.Textarea({"rows": 2}),
    )
    form.checks.append(require_reason_below_target)


def require_reason_below_target(form: VoteForm, cleaned_data: dict) -> None:
    task_state = form.review()
    if task_state is None:
        return  # posted without its review: the task checks the statement again, knowing the review
    reviewed = reviewed_revision(task_state.workflow_state.content_object)
    if reviewed is None or not reviewed.misses_target:
        cleaned_data[REASON_FIELD] = ""  # nothing to explain: not kept
    elif not cleaned_data.get(REASON_FIELD, "").strip():
        form.add_error(
            REASON_FIELD,
            _("This revision misses the board's target (%(target)s): say why you approve it anyway.")
            % {"target": reviewed.target},
        )


def keep_reason(vote: BoardVote, statement: dict) -> None:
    """Store the reason given with an approval below the target, with the score and the target missed."""
    reason = (statement.get(REASON_FIELD) or "").strip()
    if vote.decision != BoardVote.APPROVE or not reason:
        return
    reviewed = reviewed_revision(vote.task_state.workflow_state.content_object)
    BelowTargetApproval.objects.create(
        vote=vote,
        reason=reason,
        language=reviewed.scores.language,
        score=reviewed.main_score(),
        target=reviewed.targets.value(reviewed.scores.language),
    )
