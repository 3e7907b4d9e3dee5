"""Nobody hands out more than they hold: the rights a group gives, and which of them a person lacks.

A right is one of what Settings → Groups hands out: a model permission from its list (e.g. "Can delete
user"; Wagtail's register_permissions hook), a page permission on a page and everything under it, or a
collection permission on a collection and everything in it. A model permission outside that list cannot be
given in the admin and is left out: Wagtail's first migration gave "Editors" model permissions on images and
documents that nothing reads any more (images and documents are permitted per collection). A person holds the rights of their
groups (and any model permission given to them alone); a superuser holds every right. A page or collection
right is held when the person has the same permission on that page or collection or on one above it.

Belonging to a group can also count for things that are not permissions: the members of a board's group
vote in its review task, and a group named in a workflow task approves there. Those are editorial
assignments, not rights, and are not compared here.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission, User
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

MODEL, PAGE, COLLECTION = "model", "page", "collection"


@dataclass(frozen=True)
class Right:
    kind: str  # MODEL, PAGE or COLLECTION
    permission_id: int
    path: str = ""  # the page's or collection's tree path: the right covers everything under it
    permission_name: str = field(default="", compare=False)
    place: str = field(default="", compare=False)  # the page's or collection's name

    def __str__(self):
        if self.kind == PAGE:
            return _("%(permission)s on “%(page)s” and the pages under it") % {
                "permission": self.permission_name,
                "page": self.place,
            }
        if self.kind == COLLECTION:
            return _("%(permission)s in the collection “%(collection)s” and those in it") % {
                "permission": self.permission_name,
                "collection": self.place,
            }
        return self.permission_name


def model_rights(permissions: Iterable[Permission]) -> set[Right]:
    return {Right(MODEL, permission.pk, permission_name=permission.name) for permission in permissions}


def page_rights(page: Page, permissions: Iterable[Permission]) -> set[Right]:
    return {
        Right(PAGE, permission.pk, page.path, permission.name, page.get_admin_display_title())
        for permission in permissions
    }


def collection_rights(collection: Collection, permissions: Iterable[Permission]) -> set[Right]:
    return {
        Right(COLLECTION, permission.pk, collection.path, permission.name, collection.name)
        for permission in permissions
    }


def admin_permissions() -> QuerySet[Permission]:
    """The model permissions listed in Settings → Groups (as Wagtail's GroupForm gathers them)."""
    permissions = Permission.objects.none()
    for registered in hooks.get_hooks("register_permissions"):
        permissions |= registered()
    return permissions


def group_rights(groups: Iterable[Group]) -> set[Right]:
    """Every right the given groups give, read from the database."""
    group_ids = [group.pk for group in groups]
    rights = model_rights(admin_permissions().filter(group__in=group_ids))
    for grant in GroupPagePermission.objects.filter(group__in=group_ids).select_related("page", "permission"):
        rights |= page_rights(grant.page, [grant.permission])
    for grant in GroupCollectionPermission.objects.filter(group__in=group_ids).select_related(
        "collection", "permission"
    ):
        rights |= collection_rights(grant.collection, [grant.permission])
    return rights


def rights_not_held(user: User, rights: Iterable[Right]) -> list[Right]:
    """The rights among `rights` that `user` does not hold, in a stable order (none for a superuser)."""
    if user.is_superuser:
        return []
    held = group_rights(user.groups.all()) | model_rights(user.user_permissions.all())
    paths = defaultdict(list)  # (kind, permission) → the tree paths where the user holds it
    for right in held:
        paths[right.kind, right.permission_id].append(right.path)
    missing = [
        right
        for right in rights
        if not any(right.path.startswith(path) for path in paths[right.kind, right.permission_id])
    ]
    return sorted(missing, key=str)


def describe(rights: Sequence[Right], limit: int = 5) -> str:
    """ "Can publish any page on “Root” …; Can delete user" — at most `limit` of them, then how many more."""
    text = "; ".join(str(right) for right in rights[:limit])
    if len(rights) > limit:
        text += " " + _("(and %(count)d more)") % {"count": len(rights) - limit}
    return text
