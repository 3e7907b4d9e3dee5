"""The admin form of the guide's page types: editors say what kind of revision they submit or publish."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .models.review_dates import RevisionKind


class RevisionDatesForm(WagtailAdminPageForm):
    """Editors state what kind of revision they submit or publish; substantive ones need a public summary."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.instance.has_unpublished_changes:
            # What is loaded is what is live: its kind and summary describe the last publication, not the next.
            self.initial["revision_kind"] = ""
            self.initial["change_summary"] = ""

    def clean(self):
        cleaned_data = super().clean()
        if any(action in self.data for action in ("action-publish", "action-submit")):
            kind = cleaned_data.get("revision_kind")
            if not kind:
                self.add_error(
                    "revision_kind", _("Say what kind of revision this is before you submit or publish.")
                )
            elif kind == RevisionKind.SUBSTANTIVE and not cleaned_data.get("change_summary", "").strip():
                self.add_error(
                    "change_summary", _("Give families a one-line summary of this substantive change.")
                )
        return cleaned_data
