"""The demo editorial set-up: boards with members, a managing editors' group and the default workflows.

Run by load_demo_content (idempotent: everything is found by name before it is created), so every
installation starts with working review workflows that admins then edit in the Wagtail admin.
"""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

from .models import BoardReviewTask, EditorialBoard, GuidePage, HomePage

MANAGING_EDITORS = "Managing editors"
TRANSLATORS = "Translators"
BOARDS = [
    # (English name, Spanish name, demo members)
    (
        "Pediatric Treatment Editorial Board",
        "Comité Editorial de Tratamiento Pediátrico",
        ["ped_reviewer1", "ped_reviewer2", "ped_reviewer3"],
    ),
    (
        "Adult Treatment Editorial Board",
        "Comité Editorial de Tratamiento para Adultos",
        ["adult_reviewer1", "adult_reviewer2", "adult_reviewer3"],
    ),
    ("Spanish language review", "Equipo de revisión en español", ["es_reviewer1", "es_reviewer2"]),
]
GUIDE_WORKFLOWS = {"childhood-all": BOARDS[0][0], "adult-all": BOARDS[1][0]}
SPANISH_TEAM = BOARDS[2][0]


def ensure_boards():
    """Boards, their member groups and demo members; also the managing editors' group, who publish."""
    managing_editors = _group_with_admin_access(MANAGING_EDITORS, members=["managing_editor"])
    _grant_page_permissions(managing_editors, Page.get_first_root_node(), ("add", "change", "publish"))
    for name_en, name_es, members in BOARDS:
        group = _group_with_admin_access(name_en, members)
        EditorialBoard.objects.update_or_create(
            name_en=name_en, defaults={"name": name_en, "name_es": name_es, "group": group}
        )


def ensure_workflows():
    """'Board review' per English guide and 'Spanish review' plus the Translators' rights on the Spanish tree."""
    sign_off, _ = GroupApprovalTask.objects.get_or_create(name="Managing editor sign-off")
    sign_off.groups.add(Group.objects.get(name=MANAGING_EDITORS))
    for slug, board_name in GUIDE_WORKFLOWS.items():
        guide = GuidePage.objects.filter(slug=slug, locale__language_code="en").first()
        if guide is None:
            continue
        board = EditorialBoard.objects.get(name_en=board_name)
        review, _ = BoardReviewTask.objects.get_or_create(
            name=f"{board_name} review", defaults={"board": board}
        )
        workflow = _workflow(f"Board review: {guide.title}", [review, sign_off])
        WorkflowPage.objects.get_or_create(page=guide, defaults={"workflow": workflow})

    spanish_home = HomePage.objects.filter(locale__language_code="es").first()
    if spanish_home is not None:
        team = EditorialBoard.objects.get(name_en=SPANISH_TEAM)
        language_review, _ = BoardReviewTask.objects.get_or_create(
            name="Spanish language review", defaults={"board": team}
        )
        board_sign_off, _ = BoardReviewTask.objects.get_or_create(
            name="Board sign-off", defaults={"board": None, "quorum": 1}
        )
        workflow = _workflow("Spanish review", [language_review, board_sign_off])
        WorkflowPage.objects.get_or_create(page=spanish_home, defaults={"workflow": workflow})
        # Translators add and edit pages of the Spanish tree and submit them; they never publish, and the
        # English tree is out of their reach (Wagtail page permissions, not template checks).
        translators = _group_with_admin_access(TRANSLATORS, members=["translator"])
        _grant_page_permissions(translators, spanish_home, ("add", "change"))


def _grant_page_permissions(group, page, permission_types):
    for permission_type in permission_types:
        if not GroupPagePermission.objects.filter(
            group=group, page=page, permission__codename=f"{permission_type}_page"
        ).exists():
            GroupPagePermission.objects.create(group=group, page=page, permission_type=permission_type)


def _workflow(name, tasks):
    workflow, created = Workflow.objects.get_or_create(name=name)
    if created:
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def _group_with_admin_access(name, members):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    User = get_user_model()
    password = os.environ.get("DEMO_USER_PASSWORD")
    for username in members:
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        if created:
            # Demo people can sign in only if DEMO_USER_PASSWORD is set; otherwise an admin sets passwords.
            user.set_password(password) if password else user.set_unusable_password()
            user.save()
        user.groups.add(group)
    return group
