"""The site's roles in one table: which Django group may do what in the Wagtail admin (docs/roles.md).

`apply_roles(apps)` gives each group the rights in ROLES. It takes an app registry, as Django documents for
data migrations: a migration passes its historical `apps`, other code the live registry. It only ever adds
rights (a right an administrator granted in Settings → Groups stays), and it skips a model the registry does
not know yet, so an older migration never breaks on a newer table: a change to ROLES ships with a new
migration that calls `apply_roles` again.

Page rights belong to a tree. "all" is Wagtail's root page, which exists from the first migration; "es" is
the Spanish home page, which exists only once content is loaded. `ensure_role_page_permissions()` attaches
the rights to the trees that exist; accounts.signals calls it whenever a new home page (a page right under
the root) is created, so the Spanish tree gets its translators the moment it appears.
"""

from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

SITE_ADMINISTRATORS = "Site administrators"
MANAGING_EDITORS = "Managing editors"
EDITORS = "Editors"  # Wagtail's own default group, reused with the rights below
TRANSLATORS = "Translators"
BOARD_REVIEWERS_PREFIX = "Board reviewers: "

ALL_TREES = "all"  # the root page: every language
SPANISH_TREE = "es"  # the home page of the Spanish locale


def model_permissions(model_label: str, *actions: str) -> tuple[tuple[str, str, str], ...]:
    """("glossary.glossaryterm", "add") → (("glossary", "glossaryterm", "add_glossaryterm"),)."""
    app_label, model = model_label.split(".")
    return tuple((app_label, model, f"{action}_{model}") for action in actions)


ADMIN_ACCESS = (("wagtailadmin", "admin", "access_admin"),)
TRANSLATE = (("simple_translation", "simpletranslation", "submit_translation"),)
EVERY_PAGE_RIGHT = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
CRUD = ("add", "change", "delete")


@dataclass(frozen=True)
class Role:
    name: str
    summary: str  # what the role may do, in one line: shown next to the role on the user form
    permissions: tuple = ()  # (app_label, model, codename) model-wide rights
    pages: dict = field(default_factory=dict)  # tree → Wagtail page permission types
    collections: tuple = ()  # (app_label, model, codename) on the root collection: images and documents


ROLES = (
    Role(
        SITE_ADMINISTRATORS,
        _(
            "Everything managing editors, editors and translators may do, plus people, groups, sites, "
            "locales, redirects and sign-in security. Not a superuser."
        ),
        permissions=(
            *ADMIN_ACCESS,
            *TRANSLATE,
            *model_permissions("auth.user", *CRUD),
            *model_permissions("auth.group", *CRUD),
            *model_permissions("accounts.signinsettings", "change"),
            *model_permissions("axes.accessattempt", "view", "delete"),  # Settings → Sign-in lockouts
            *model_permissions("wagtailcore.site", *CRUD),
            *model_permissions("wagtailcore.locale", *CRUD),
            *model_permissions("wagtailcore.collection", *CRUD),
            *model_permissions("wagtailcore.workflow", *CRUD),
            *model_permissions("wagtailcore.task", *CRUD),
            *model_permissions("wagtailredirects.redirect", *CRUD),
            *model_permissions("glossary.glossaryterm", *CRUD, "publish", "lock", "unlock"),
            *model_permissions("pages.editorialboard", *CRUD),
        ),
        pages={ALL_TREES: EVERY_PAGE_RIGHT},
        collections=(
            *model_permissions("wagtailimages.image", *CRUD, "choose"),
            *model_permissions("wagtaildocs.document", *CRUD, "choose"),
        ),
    ),
    Role(
        MANAGING_EDITORS,
        _("Edit, publish, lock and delete any page; workflows; the glossary; editorial boards."),
        permissions=(
            *ADMIN_ACCESS,
            *TRANSLATE,
            *model_permissions("wagtailcore.workflow", *CRUD),
            *model_permissions("wagtailcore.task", *CRUD),
            *model_permissions("glossary.glossaryterm", *CRUD, "publish", "lock", "unlock"),
            *model_permissions("pages.editorialboard", "add", "change"),
            *model_permissions("wagtailredirects.redirect", *CRUD),
        ),
        pages={ALL_TREES: ("add", "change", "publish", "lock", "unlock")},
        collections=(
            *model_permissions("wagtailimages.image", *CRUD, "choose"),
            *model_permissions("wagtaildocs.document", *CRUD, "choose"),
        ),
    ),
    Role(
        EDITORS,
        _(
            "Add and edit English and Spanish pages and submit them for review (no publishing); "
            "draft glossary terms."
        ),
        permissions=(*ADMIN_ACCESS, *TRANSLATE, *model_permissions("glossary.glossaryterm", "add", "change")),
        pages={ALL_TREES: ("add", "change")},
        collections=(
            *model_permissions("wagtailimages.image", "add", "change", "choose"),
            *model_permissions("wagtaildocs.document", "add", "change", "choose"),
        ),
    ),
    Role(
        TRANSLATORS,
        _("Add and edit pages of the Spanish tree and submit them for review; nothing on the English tree."),
        permissions=ADMIN_ACCESS,
        pages={SPANISH_TREE: ("add", "change")},
        collections=(
            *model_permissions("wagtailimages.image", "add", "choose"),
            *model_permissions("wagtaildocs.document", "add", "choose"),
        ),
    ),
)

# Every board has its own group, made with its board (board_reviewers_group). Members see the drafts in
# their board's tasks through Wagtail's review preview and vote there; they need no page rights for that.
BOARD_REVIEWER_PERMISSIONS = ADMIN_ACCESS
BOARD_REVIEWER_SUMMARY = _(
    "See the drafts waiting in this board's review tasks and approve or request changes."
)


def role_summary(group_name: str) -> str:
    """What the group's members may do, in one line, or "" for a group that is not one of the roles."""
    if group_name.startswith(BOARD_REVIEWERS_PREFIX):
        return BOARD_REVIEWER_SUMMARY
    return next((role.summary for role in ROLES if role.name == group_name), "")


def apply_roles(apps: Apps = global_apps) -> None:
    """Create the role groups and give them their model, collection and page rights (adds only)."""
    Group = apps.get_model("auth", "Group")
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        group.permissions.add(*_permissions(apps, role.permissions))
        _grant_collection_permissions(apps, group, role.collections)
    ensure_role_page_permissions(apps)


def ensure_role_page_permissions(apps: Apps = global_apps) -> None:
    """Attach each role's page rights to the trees that exist now (idempotent; cheap when done)."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for role in ROLES:
        group = Group.objects.filter(name=role.name).first()
        if group is None:
            continue
        for tree, permission_types in role.pages.items():
            page_permissions = _permissions(
                apps, [("wagtailcore", "page", f"{kind}_page") for kind in permission_types]
            )
            for page in _tree_roots(apps, tree):
                for permission in page_permissions:
                    GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def board_reviewers_group(board_name: str, apps: Apps = global_apps) -> Model:
    """The member group of a new editorial board: "Board reviewers: <board>" with the reviewer rights."""
    Group = apps.get_model("auth", "Group")
    max_length = Group._meta.get_field("name").max_length
    group, _ = Group.objects.get_or_create(name=f"{BOARD_REVIEWERS_PREFIX}{board_name}"[:max_length])
    group.permissions.add(*_permissions(apps, BOARD_REVIEWER_PERMISSIONS))
    return group


def _tree_roots(apps, tree):
    Page = apps.get_model("wagtailcore", "Page")
    if tree == ALL_TREES:
        return list(Page.objects.filter(depth=1))
    return list(Page.objects.filter(depth=2, locale__language_code=tree))


def _grant_collection_permissions(apps, group, keys):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for permission in _permissions(apps, keys):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def _permissions(apps, keys):
    """The Permission rows for (app_label, model, codename) keys, created if post_migrate has not run yet."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    permissions = []
    for app_label, model_name, codename in keys:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue  # not in this migration state yet: a later migration applies the table again
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        action = codename.removesuffix(f"_{model_name}").replace("_", " ")
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"[:255]},
        )
        permissions.append(permission)
    return permissions
