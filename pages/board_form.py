"""The editorial board form: a board created without a member group gets its own reviewers' group."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.roles import board_reviewers_group


class EditorialBoardForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "group" in self.fields and self.instance.pk is None:
            self.fields["group"].required = False
            self.fields["group"].help_text = _(
                "Leave empty to create the group “Board reviewers: <board name>”; then add the members "
                "in Settings → Users."
            )

    def save(self, commit=True):
        if self.instance.group_id is None:
            self.instance.group = board_reviewers_group(self.instance.name_en or self.instance.name)
        return super().save(commit=commit)
