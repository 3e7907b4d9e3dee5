"""Settings → Users, as Wagtail's user viewset with our forms (accounts.user_forms) and these rules:

- The list shows each person's roles.
- Only a superuser may change a superuser's account (edit, deactivate, delete): otherwise a Site
  administrator could change a superuser's email address, reset the password and become one. Wagtail
  already keeps non-superusers from deleting superusers.
- The bulk "Assign role" offers only the roles whose every right the acting person holds.
"""

from django.contrib.auth.models import Group, User
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column
from wagtail.users.views import users
from wagtail.users.views.bulk_actions.assign_role import AssignRoleBulkAction
from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction

from .rights import group_rights, rights_not_held
from .user_forms import RoleRulesUserCreationForm, RoleRulesUserEditForm


def may_manage(request_user: User, user: User) -> bool:
    """Whether `request_user` may change `user`'s account at all (given the right to change users)."""
    return request_user.is_superuser or not user.is_superuser


def assignable_groups(request_user: User) -> QuerySet[Group]:
    """The groups whose every right `request_user` holds: the roles they may hand out."""
    groups = Group.objects.order_by("name")
    if request_user.is_superuser:
        return groups
    return groups.filter(
        pk__in=[group.pk for group in groups if not rights_not_held(request_user, group_rights([group]))]
    )


def role_names(user: User) -> str:
    return ", ".join(sorted(group.name for group in user.groups.all()))


class UserIndexView(users.IndexView):
    @cached_property
    def columns(self):
        columns = []
        for column in super().columns:
            if column.name == "is_superuser":
                columns.append(Column("roles", accessor=role_names, label=_("Roles"), classname="roles"))
                column = Column(
                    "is_superuser",
                    accessor=lambda user: _("Superuser") if user.is_superuser else None,
                    label=_("Access level"),
                    sort_key="is_superuser",
                    classname="level",
                    width="10%",
                )
            columns.append(column)
        return columns

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("groups")

    def get_edit_url(self, instance):
        if may_manage(self.request.user, instance):
            return super().get_edit_url(instance)
        return None


class UserCreateView(users.CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class UserEditView(users.EditView):
    def dispatch(self, request, *args, **kwargs):
        if not may_manage(request.user, self.object):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class UserViewSet(users.UserViewSet):
    index_view_class = UserIndexView
    add_view_class = UserCreateView
    edit_view_class = UserEditView
    create_template_name = "accounts/users/create.html"
    edit_template_name = "accounts/users/edit.html"

    def get_form_class(self, for_update=False):
        return RoleRulesUserEditForm if for_update else RoleRulesUserCreationForm


class AssignRoleWithinOwnRights(AssignRoleBulkAction):
    def check_perm(self, obj):
        return super().check_perm(obj) and may_manage(self.request.user, obj)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["role"].queryset = assignable_groups(self.request.user)
        return form


class SetActiveStateOfManageableUsers(SetActiveStateBulkAction):
    def check_perm(self, obj):
        return super().check_perm(obj) and may_manage(self.request.user, obj)
