"""What a board member states with a vote: an approval is an attestation, a change request needs a reason."""

from django import forms
from django.utils.translation import gettext_lazy as _

NO_CONFLICT, CONFLICT = "none", "declared"
CONFLICT_CHOICES = [
    (NO_CONFLICT, _("I have no conflict of interest")),
    (CONFLICT, _("I have a conflict of interest to declare")),
]


class ApproveForm(forms.Form):
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

    def clean(self):
        cleaned_data = super().clean()
        if (
            cleaned_data.get("conflict") == CONFLICT
            and not cleaned_data.get("conflict_statement", "").strip()
        ):
            self.add_error("conflict_statement", _("Say in a few words what your conflict of interest is."))
        if cleaned_data.get("conflict") == NO_CONFLICT:
            cleaned_data["conflict_statement"] = ""
        return cleaned_data


class RequestChangesForm(forms.Form):
    """The author needs to know what to change."""

    comment = forms.CharField(
        label=_("What needs to change"),
        required=True,
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": _("Say what needs to change, so the author can fix it.")},
    )
