"""The roles every installation has (accounts/roles.py, made by a migration), and how boards and new
language trees get their groups' rights."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Locale, Page

from accounts.roles import BOARD_REVIEWERS_PREFIX, MANAGING_EDITORS, ROLES, SITE_ADMINISTRATORS, TRANSLATORS
from pages.models import EditorialBoard, HomePage

pytestmark = pytest.mark.django_db
User = get_user_model()


def member_of(group_name, username):
    user = User.objects.create_user(username, f"{username}@example.org")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_every_role_group_exists_and_moderators_is_gone():
    names = set(Group.objects.values_list("name", flat=True))
    assert {role.name for role in ROLES} <= names
    assert "Moderators" not in names


def test_managing_editors_approve_what_moderators_approved():
    for task_name in ("Glossary approval", "Managing editors approval"):
        task = GroupApprovalTask.objects.get(name=task_name)
        assert list(task.groups.values_list("name", flat=True)) == [MANAGING_EDITORS]


def test_site_administrators_edit_the_sign_in_settings_and_others_do_not(client):
    url = reverse("wagtailsettings:edit", args=["accounts", "signinsettings"])
    client.force_login(member_of(SITE_ADMINISTRATORS, "settings_admin"))
    response = client.get(url, follow=True)
    assert (
        response.status_code == 200
        and 'name="require_two_factor_for_administrators"' in response.content.decode()
    )
    client.force_login(member_of(MANAGING_EDITORS, "settings_managing"))
    response = client.get(url, follow=True)
    assert 'name="require_two_factor_for_administrators"' not in response.content.decode()


def test_a_board_created_without_a_group_gets_its_reviewers_group(client):
    client.force_login(member_of(SITE_ADMINISTRATORS, "board_admin"))
    response = client.post(
        reverse("wagtailsnippets_pages_editorialboard:add"),
        {
            "name_en": "Nursing Editorial Board",
            "name_es": "Comité Editorial de Enfermería",
            "group": "",
            "review_cycle_months": "12",
            "quorum": "2",
        },
    )
    assert response.status_code == 302
    board = EditorialBoard.objects.get(name_en="Nursing Editorial Board")
    assert board.group.name == f"{BOARD_REVIEWERS_PREFIX}Nursing Editorial Board"
    assert board.group.permissions.filter(codename="access_admin").exists()


def test_a_new_spanish_home_page_is_open_to_translators(client):
    """Page rights for the Spanish tree are attached when its home page appears (accounts.signals)."""
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(title="Otra guía", slug="otra-guia", locale=Locale.objects.get(language_code="es"))
    )
    client.force_login(member_of(TRANSLATORS, "new_tree_translator"))
    assert client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).status_code == 200
    english = root.add_child(
        instance=HomePage(
            title="Another guide", slug="another-guide", locale=Locale.objects.get(language_code="en")
        )
    )
    assert client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).status_code == 302
