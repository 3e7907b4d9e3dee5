"""Settings → Groups, as Wagtail's group viewset, except that nobody but a superuser gives a group a right
they do not hold themselves (accounts.rights): the form says which, and nothing is saved.

Rights the group already has are kept and removing rights is always allowed, so a Site administrator may
still rename or trim a group a superuser set up with more.
"""

from collections.abc import Iterable

from django import forms
from django.forms import BaseFormSet
from django.utils.translation import gettext_lazy as _
from wagtail.users.views import groups

from .rights import (
    Right,
    collection_rights,
    describe,
    group_rights,
    model_rights,
    page_rights,
    rights_not_held,
)


def rights_in_forms(form: forms.Form, permission_panels: Iterable[BaseFormSet]) -> set[Right]:
    """The rights the submitted group form and its permission panels (pages, collections) give."""
    rights = model_rights(form.cleaned_data["permissions"])
    for panel in permission_panels:
        for panel_form in panel.forms:
            if panel_form in panel.deleted_forms:
                continue
            chosen = panel_form.cleaned_data
            if "page" in chosen:
                rights |= page_rights(chosen["page"], chosen["permissions"])
            elif "collection" in chosen:
                rights |= collection_rights(chosen["collection"], chosen["permissions"])
    return rights


class WithinOwnRights:
    def is_valid(self, form):
        if not super().is_valid(form):
            return False
        before = group_rights([self.object]) if self.object.pk else set()
        missing = rights_not_held(
            self.request.user, rights_in_forms(form, self.permission_panel_forms) - before
        )
        if missing:
            form.add_error(
                None,
                _("You cannot give a group rights you do not hold yourself: %(rights)s.")
                % {"rights": describe(missing)},
            )
            self.produced_error_message = self.get_error_message()
            return False
        return True


class GroupCreateView(WithinOwnRights, groups.CreateView):
    pass


class GroupEditView(WithinOwnRights, groups.EditView):
    pass


class GroupViewSet(groups.GroupViewSet):
    add_view_class = GroupCreateView
    edit_view_class = GroupEditView
