"""The demo editorial set-up: demo people in every role, the demo boards and the default workflows.

Run by load_demo_content (idempotent: everything is found before it is created). The roles themselves come
from a migration (accounts/roles.py), so every installation has them; this module only adds demo people,
boards and workflows for a local or demo site.
"""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from accounts.roles import EDITORS, MANAGING_EDITORS, SITE_ADMINISTRATORS, TRANSLATORS, board_reviewers_group
from pages.models import BoardReviewTask, EditorialBoard, GuidePage, HomePage

ROLE_MEMBERS = {
    SITE_ADMINISTRATORS: ["site_admin"],
    MANAGING_EDITORS: ["managing_editor"],
    EDITORS: ["editor"],
    TRANSLATORS: ["translator"],
}
# The demo boards are plainly fictional, so that nobody reads a demonstration page as reviewed by a real
# organisation's board.
BOARDS = [
    # (English name, Spanish name, demo members)
    (
        "Childhood ALL Demo Board",
        "Consejo editorial de demostración de LLA infantil",
        ["ped_reviewer1", "ped_reviewer2", "ped_reviewer3"],
    ),
    (
        "Adult ALL Demo Board",
        "Consejo editorial de demostración de LLA en adultos",
        ["adult_reviewer1", "adult_reviewer2", "adult_reviewer3"],
    ),
    (
        "Spanish Review Demo Team",
        "Equipo de demostración de revisión en español",
        ["es_reviewer1", "es_reviewer2"],
    ),
]
GUIDE_WORKFLOWS = {"childhood-all": BOARDS[0][0], "adult-all": BOARDS[1][0]}
SPANISH_TEAM = BOARDS[2][0]


def ensure_boards() -> None:
    """Demo members of every role, and the demo boards, each with its own reviewers' group and members.

    Memberships are given only to people and boards this run creates: an admin's later changes stay.
    """
    for role, members in ROLE_MEMBERS.items():
        _add_demo_members(Group.objects.get(name=role), members)
    for name_en, name_es, members in BOARDS:
        board = EditorialBoard.objects.filter(name_en=name_en).first()
        if board is None:
            board = EditorialBoard.objects.create(
                name=name_en, name_en=name_en, name_es=name_es, group=board_reviewers_group(name_en)
            )
            _add_demo_members(board.group, members, new_group=True)
        else:
            _add_demo_members(board.group, members)


def ensure_workflows() -> None:
    """'Board review' on each English guide and 'Spanish review' on the Spanish tree."""
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


def _workflow(name, tasks):
    workflow, created = Workflow.objects.get_or_create(name=name)
    if created:
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def _add_demo_members(group, usernames, new_group=False):
    User = get_user_model()
    password = os.environ.get("DEMO_USER_PASSWORD")
    for username in usernames:
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        if created:
            # Demo people can sign in only if DEMO_USER_PASSWORD is set; otherwise an admin invites them.
            user.set_password(password) if password else user.set_unusable_password()
            user.save()
        if created or new_group:
            user.groups.add(group)
