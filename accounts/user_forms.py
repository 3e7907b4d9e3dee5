"""Settings → Users forms: roles with what each may do, the person's language, and nothing beyond one's own.

- Only a superuser can make someone a superuser: for anyone else the box is shown, disabled (a value sent
  anyway is ignored, as Django does for disabled fields).
- Nobody but a superuser gives a person a role that has rights they do not hold themselves (accounts.rights).
  Roles a person already has are kept; taking a role away is always allowed.
- The person's language (Wagtail's UserProfile.preferred_language) decides the language of their invitation
  and every later email (accounts.email_language), and of the admin once they sign in.
"""

from django import forms
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.localization import get_available_admin_languages
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.models import UserProfile

from .rights import describe, group_rights, rights_not_held
from .roles import role_summary


class RoleCheckboxes(forms.CheckboxSelectMultiple):
    """One checkbox per group, with the role's one-line summary under its name."""

    option_template_name = "accounts/widgets/role_option.html"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["summary"] = role_summary(str(label))
        return option


def language_choices() -> list[tuple[str, str]]:
    languages = sorted(
        ((code, get_language_info(code)["name_local"]) for code, _name in get_available_admin_languages()),
        key=lambda choice: choice[1].lower(),
    )
    return [("", _("Not chosen: emails in English")), *languages]


class RoleRulesMixin:
    def __init__(self, *args, for_user, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        superuser = self.fields.get("is_superuser")
        if superuser is not None:
            superuser.label = _("Superuser")
            superuser.help_text = _(
                "Every right, including those no role gives. Only a superuser can change this."
            )
            superuser.disabled = not for_user.is_superuser
        groups = self.fields["groups"]
        groups.label = _("Roles")
        groups.help_text = _("You can give a role only if you hold every right it has.")
        groups.widget = RoleCheckboxes(choices=groups.choices)
        self.fields["preferred_language"] = forms.ChoiceField(
            label=_("Language"),
            help_text=_(
                "For their invitation and every email after it, and for the admin once they sign in."
            ),
            choices=language_choices,
            required=False,
            initial=self.current_language(),
        )

    def current_language(self) -> str:
        if self.instance.pk is None:
            return ""
        profile = UserProfile.objects.filter(user=self.instance).first()
        return profile.preferred_language if profile else ""

    def clean(self):
        # Non-field errors: the admin lists them at the top of the form, whichever tab is open.
        cleaned_data = super().clean()
        kept = set(self.instance.groups.all()) if self.instance.pk else set()
        for group in cleaned_data.get("groups", []):
            missing = [] if group in kept else rights_not_held(self.for_user, group_rights([group]))
            if missing:
                self.add_error(
                    None,
                    _("You cannot give the role “%(role)s”: it has rights you do not hold (%(rights)s).")
                    % {"role": group.name, "rights": describe(missing)},
                )
        return cleaned_data

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = self.cleaned_data["preferred_language"]
            profile.save(update_fields=["preferred_language"])
        return user


class RoleRulesUserCreationForm(RoleRulesMixin, UserCreationForm):
    pass


class RoleRulesUserEditForm(RoleRulesMixin, UserEditForm):
    pass
