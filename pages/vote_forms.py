"""What a board member states with a vote: an approval is an attestation, a change request needs a reason.

Other apps may ask more of an approval through the `construct_board_approval_form` hook: it receives the
form, may add fields, and may append to `form.checks` functions `check(form, cleaned_data)` that call
`form.add_error`. They find the review through `form.review()`. What they add is in the statement that
`board_vote_cast` (pages.models.boards) sends with the vote.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import TaskState

NO_CONFLICT, CONFLICT = "none", "declared"
CONFLICT_CHOICES = [
    (NO_CONFLICT, _("I have no conflict of interest")),
    (CONFLICT, _("I have a conflict of interest to declare")),
]


class VoteForm(forms.Form):
    """`task_state`: the review voted in. The vote's modal posts its id (pages/admin/board_vote_modal.html);
    the task's `on_action` passes the review itself when it checks the statement again."""

    def __init__(self, *args, task_state=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.task_state = task_state

    def review(self) -> TaskState | None:
        """The TaskState voted in, or None when the form was posted without it."""
        posted = str(self.data.get("task_state", ""))
        if self.task_state is None and posted.isdigit():
            self.task_state = TaskState.objects.filter(pk=posted).first()
        return self.task_state


class ApproveForm(VoteForm):
    """An approval counts only when the member says they reviewed this revision and declares any conflict."""

    attested = forms.BooleanField(
        label=_("I reviewed this revision, as families will read it, and it is accurate."),
        required=True,
        error_messages={"required": _("Confirm that you reviewed this revision before you approve it.")},
    )
    conflict = forms.ChoiceField(
        label=_("Conflict of interest"), choices=CONFLICT_CHOICES, widget=forms.RadioSelect, required=True
    )
    conflict_statement = forms.CharField(
        label=_("Your conflict of interest"),
        help_text=_("A short statement, kept with your vote (for example, a company you work with)."),
        required=False,
        max_length=500,
        widget=forms.Textarea({"rows": 2}),
    )
    comment = forms.CharField(
        label=_("Comment (optional)"), required=False, widget=forms.Textarea({"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.checks = []
        for hook in hooks.get_hooks("construct_board_approval_form"):
            hook(self)

    def clean(self):
        cleaned_data = super().clean()
        if (
            cleaned_data.get("conflict") == CONFLICT
            and not cleaned_data.get("conflict_statement", "").strip()
        ):
            self.add_error("conflict_statement", _("Say in a few words what your conflict of interest is."))
        if cleaned_data.get("conflict") == NO_CONFLICT:
            cleaned_data["conflict_statement"] = ""
        for check in self.checks:
            check(self, cleaned_data)
        return cleaned_data


class RequestChangesForm(VoteForm):
    """The author needs to know what to change."""

    comment = forms.CharField(
        label=_("What needs to change"),
        required=True,
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": _("Say what needs to change, so the author can fix it.")},
    )
