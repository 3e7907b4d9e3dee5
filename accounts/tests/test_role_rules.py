"""Nobody hands out more than they hold, through Settings → Users and Settings → Groups.

A Site administrator who is not a superuser cannot make anyone a superuser, cannot touch a superuser's
account, and cannot give a person or a group a right they do not hold themselves; a superuser may do all of
it; a managing editor manages no one. Refusals are form errors (nothing saved), never server errors. The
user form says what each role may do, and the list of users shows their roles.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page
from wagtail.users.models import UserProfile

from accounts.roles import EDITORS, MANAGING_EDITORS, ROLES, SITE_ADMINISTRATORS, TRANSLATORS

from .admin_forms import form_fields

pytestmark = pytest.mark.django_db
User = get_user_model()


def person(username, *group_names, **fields):
    user = User.objects.create_user(username, f"{username}@example.org", "a-long-passphrase", **fields)
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def site_admin():
    return person("rules_admin", SITE_ADMINISTRATORS, first_name="Sam", last_name="Admin")


@pytest.fixture
def superuser():
    return person("rules_root", is_superuser=True, first_name="Ro", last_name="Ot")


@pytest.fixture
def nora():
    return person("nora", EDITORS, first_name="Nora", last_name="Nueva")


@pytest.fixture
def collection_managers():
    """A group a superuser set up: managing collections, which Site administrators may not do."""
    group = Group.objects.create(name="Collection managers")
    for codename in ("add_collection", "change_collection"):
        GroupCollectionPermission.objects.create(
            group=group,
            collection=Collection.get_first_root_node(),
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return group


def signed_in(client, user):
    client.force_login(user)
    return client


def group_ids(*names):
    return [str(group.pk) for group in Group.objects.filter(name__in=names)]


def submit_user_form(client, url, **changes):
    """Post the user form at `url` as the browser shows it, with `changes` applied."""
    data = form_fields(client.get(url).content.decode())
    data.update({name: value if isinstance(value, list) else [value] for name, value in changes.items()})
    return client.post(url, data)


def add_user(client, username, *groups, **changes):
    return submit_user_form(
        client,
        reverse("wagtailusers_users:add"),
        username=username,
        email=f"{username}@example.org",
        first_name="New",
        last_name="Person",
        groups=group_ids(*groups),
        **changes,
    )


def edit_user(client, user, **changes):
    return submit_user_form(client, reverse("wagtailusers_users:edit", args=[user.pk]), **changes)


def refusal(response):
    """The form came back (no redirect, nothing saved): the page, with the reason in its error message."""
    assert response.status_code == 200
    return response.content.decode()


def a_board_group():
    return Group.objects.filter(name__startswith="Board reviewers: ").values_list("name", flat=True)[0]


def test_only_a_superuser_can_make_someone_a_superuser(client, site_admin, superuser, nora):
    signed_in(client, site_admin)
    form = client.get(reverse("wagtailusers_users:add")).content.decode()
    checkbox = re.search(r'<input[^>]*name="is_superuser"[^>]*>', form).group(0)
    assert "disabled" in checkbox
    assert "Only a superuser can change this." in form

    assert add_user(client, "hopeful", is_superuser="on").status_code == 302
    assert not User.objects.get(username="hopeful").is_superuser
    assert edit_user(client, nora, is_superuser="on").status_code == 302
    nora.refresh_from_db()
    assert not nora.is_superuser

    signed_in(client, superuser)
    assert add_user(client, "trusted", is_superuser="on").status_code == 302
    assert User.objects.get(username="trusted").is_superuser


def test_a_site_administrator_cannot_open_or_change_a_superusers_account(client, site_admin, superuser, nora):
    edit_url = reverse("wagtailusers_users:edit", args=[superuser.pk])
    signed_in(client, site_admin)
    listing = client.get(reverse("wagtailusers_users:index")).content.decode()
    assert edit_url not in listing
    assert reverse("wagtailusers_users:edit", args=[nora.pk]) in listing

    response = client.get(edit_url)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    client.post(edit_url, {"username": superuser.username, "email": "taken@example.org"})
    deactivate = reverse("wagtail_bulk_action", args=["auth", "user", "set_active_state"])
    client.post(f"{deactivate}?id={superuser.pk}&id={nora.pk}", {"mark_as_active": "False"})
    superuser.refresh_from_db()
    nora.refresh_from_db()
    assert (superuser.email, superuser.is_active) == ("rules_root@example.org", True)
    assert not nora.is_active  # the bulk action still works on everyone else

    signed_in(client, superuser)
    assert edit_url in client.get(reverse("wagtailusers_users:index")).content.decode()
    assert client.get(edit_url).status_code == 200


def test_a_role_with_rights_beyond_ones_own_is_refused_with_a_form_error(
    client, site_admin, superuser, nora, collection_managers
):
    signed_in(client, site_admin)
    message = refusal(edit_user(client, nora, groups=group_ids(EDITORS, "Collection managers")))
    assert "You cannot give the role “Collection managers”" in message
    assert "Can add collection in the collection “Root”" in message
    assert not nora.groups.filter(name="Collection managers").exists()
    assert refusal(add_user(client, "hopeful", "Collection managers"))
    assert not User.objects.filter(username="hopeful").exists()

    every_role = [role.name for role in ROLES] + [a_board_group()]
    assert edit_user(client, nora, groups=group_ids(*every_role)).status_code == 302
    assert set(nora.groups.values_list("name", flat=True)) == set(every_role)

    signed_in(client, superuser)
    assert edit_user(client, nora, groups=group_ids(EDITORS, "Collection managers")).status_code == 302
    assert nora.groups.filter(name="Collection managers").exists()

    # A role someone already has is kept when a Site administrator edits them, and may be taken away.
    signed_in(client, site_admin)
    assert edit_user(client, nora, first_name="Nora B.").status_code == 302
    assert nora.groups.filter(name="Collection managers").exists()
    assert edit_user(client, nora, groups=group_ids(EDITORS)).status_code == 302
    assert not nora.groups.filter(name="Collection managers").exists()


@pytest.fixture
def people_manager():
    """Someone who may manage users and groups and nothing else: no publishing, no glossary."""
    group = Group.objects.create(name="People managers")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "add_user", "change_user", "add_group", "change_group"]
        )
    )
    return person("people_manager", "People managers")


def submit_group_form(client, url, **changes):
    data = form_fields(client.get(url).content.decode())
    data.update({name: value if isinstance(value, list) else [value] for name, value in changes.items()})
    return client.post(url, data)


def permission_id(app_label, codename):
    return str(Permission.objects.get(content_type__app_label=app_label, codename=codename).pk)


def test_a_group_gets_no_right_its_editor_does_not_hold(client, people_manager, superuser, nora):
    editors = Group.objects.get(name=EDITORS)
    edit_url = reverse("wagtailusers_groups:edit", args=[editors.pk])
    publish_terms = permission_id("glossary", "publish_glossaryterm")
    signed_in(client, people_manager)
    current = form_fields(client.get(edit_url).content.decode())["permissions"]

    message = refusal(submit_group_form(client, edit_url, permissions=[*current, publish_terms]))
    assert "You cannot give a group rights you do not hold yourself: Can publish glossary term" in message
    assert not editors.permissions.filter(codename="publish_glossaryterm").exists()

    # Unchanged, the group saves: rights it already had (more than the people manager's) are kept.
    assert submit_group_form(client, edit_url, name="Editors").status_code == 302
    assert editors.permissions.filter(codename="add_glossaryterm").exists()

    response = submit_group_form(
        client,
        reverse("wagtailusers_groups:add"),
        name="Visitors",
        permissions=[permission_id("wagtailadmin", "access_admin")],
    )
    assert response.status_code == 302 and Group.objects.filter(name="Visitors").exists()

    # People: a role with more than the people manager holds is refused, one within it is not.
    assert "You cannot give the role “Managing editors”" in refusal(
        edit_user(client, nora, groups=group_ids(EDITORS, MANAGING_EDITORS))
    )
    assert edit_user(client, nora, groups=group_ids(EDITORS, "Visitors")).status_code == 302

    signed_in(client, superuser)
    assert submit_group_form(client, edit_url, permissions=[*current, publish_terms]).status_code == 302
    assert editors.permissions.filter(codename="publish_glossaryterm").exists()


def test_page_and_collection_rights_are_compared_down_the_tree(client, site_admin, superuser):
    translators = Group.objects.get(name=TRANSLATORS)
    edit_url = reverse("wagtailusers_groups:edit", args=[translators.pk])
    spanish_home = Page.objects.get(depth=2, locale__language_code="es")
    signed_in(client, site_admin)

    # Publishing under the Spanish home: Site administrators may publish from the root down.
    data = form_fields(client.get(edit_url).content.decode())
    rows = int(data["page_permissions-TOTAL_FORMS"][0])
    assert data[f"page_permissions-{rows - 1}-page"] == [str(spanish_home.pk)]
    data[f"page_permissions-{rows - 1}-permissions"].append("publish_page")
    assert client.post(edit_url, data).status_code == 302
    assert GroupPagePermission.objects.filter(
        group=translators, page=spanish_home, permission__codename="publish_page"
    ).exists()

    # Managing collections: Site administrators may not, so they cannot give it either.
    data = form_fields(client.get(edit_url).content.decode())
    data.update(
        {
            "collection_permissions-TOTAL_FORMS": ["1"],
            "collection_permissions-0-collection": [str(Collection.get_first_root_node().pk)],
            "collection_permissions-0-permissions": [permission_id("wagtailcore", "add_collection")],
        }
    )
    assert "Can add collection in the collection “Root”" in refusal(client.post(edit_url, data))
    assert not GroupCollectionPermission.objects.filter(
        group=translators, permission__codename="add_collection"
    ).exists()

    signed_in(client, superuser)
    assert client.post(edit_url, data).status_code == 302
    assert GroupCollectionPermission.objects.filter(
        group=translators, permission__codename="add_collection"
    ).exists()


def test_bulk_assign_role_offers_only_roles_within_ones_own_rights(
    client, site_admin, nora, collection_managers
):
    url = reverse("wagtail_bulk_action", args=["auth", "user", "assign_role"]) + f"?id={nora.pk}"
    signed_in(client, site_admin)
    page = client.get(url).content.decode()
    choices = re.findall(
        r'<option value="(\d+)"', re.search(r'<select name="role".*?</select>', page, re.S).group(0)
    )
    assert str(collection_managers.pk) not in choices
    assert str(Group.objects.get(name=TRANSLATORS).pk) in choices

    response = client.post(url, {"role": collection_managers.pk})
    assert response.status_code == 200 and "role" in response.context["form"].errors
    assert not nora.groups.filter(pk=collection_managers.pk).exists()
    assert client.post(url, {"role": Group.objects.get(name=TRANSLATORS).pk}).status_code == 302
    assert nora.groups.filter(name=TRANSLATORS).exists()


def test_managing_editors_manage_no_one(client, nora):
    signed_in(client, person("rules_managing", MANAGING_EDITORS))
    for url in (
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=[nora.pk]),
        reverse("wagtailusers_groups:index"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"), url
    client.post(reverse("wagtailusers_users:add"), {"username": "sneaky", "email": "s@example.org"})
    assert not User.objects.filter(username="sneaky").exists()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_roles_tab_says_what_each_role_may_do_and_the_list_shows_roles(
    client, site_admin, nora, language
):
    UserProfile.objects.update_or_create(user=site_admin, defaults={"preferred_language": language})
    nora.groups.add(Group.objects.get(name=TRANSLATORS))
    signed_in(client, site_admin)
    form = client.get(reverse("wagtailusers_users:add")).content.decode()
    for role in ROLES:
        label = re.search(
            rf"<label[^>]*>(?:(?!</label>).)*>{role.name}</span>(?:(?!</label>).)*</label>", form, re.S
        )
        with translation.override(language):
            assert label and str(role.summary) in label.group(0), role.name
    assert ("Add and edit pages of the Spanish tree" in form) == (language == "en")
    assert ("Agregar y editar páginas del árbol en español" in form) == (language == "es")

    listing = client.get(reverse("wagtailusers_users:index")).content.decode()
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*nora(?:(?!</tr>).)*</tr>", listing, re.S).group(0)
    assert f"{EDITORS}, {TRANSLATORS}" in row
