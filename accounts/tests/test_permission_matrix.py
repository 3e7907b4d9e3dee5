"""Who may do what in the admin: every role × action below is a real admin request, allowed or refused.

    action                     Site    Managing  Editors  Board      Board      Trans-   Anonymous
                               admins  editors            (its own)  (another)  lators
    view a draft in review       ✓       ✓         ✓        ✓          ✗          ✗        ✗
    edit an English page         ✓       ✓         ✓        ✗          ✗          ✗        ✗
    edit a Spanish page          ✓       ✓         ✓        ✗          ✗          ✓        ✗
    publish                      ✓       ✓         ✗        ✗          ✗          ✗        ✗
    vote in a board task         ✗       ✗         ✗        ✓          ✗          ✗        ✗
    edit a glossary term         ✓       ✓         ✓        ✗          ✗          ✗        ✗
    manage users                 ✓       ✗         ✗        ✗          ✗          ✗        ✗
    delete a live page           ✓       ✓         ✗        ✗          ✗          ✗        ✗

"Board (its own)" is a member of the board reviewing the page, "Board (another)" a member of another board.
Votes belong to board members only: an administrator who reviews joins the board's group. Wagtail ties
deleting a page to editing it, and a live page to publishing, so managing editors may delete live pages.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from accounts.roles import EDITORS, MANAGING_EDITORS, SITE_ADMINISTRATORS, TRANSLATORS
from conftest import class_transaction
from glossary.models import GlossaryTerm
from pages.models import BoardVote, GuidePage, GuideSectionPage

pytestmark = pytest.mark.django_db

ROLES = ["site_admin", "managing_editor", "editor", "own_board", "other_board", "translator", "anonymous"]
YES, NO = True, False
MATRIX = {
    #                      admin managing editor own  other transl anon
    "view a draft in review": (YES, YES, YES, YES, NO, NO, NO),
    "edit an English page": (YES, YES, YES, NO, NO, NO, NO),
    "edit a Spanish page": (YES, YES, YES, NO, NO, YES, NO),
    "publish": (YES, YES, NO, NO, NO, NO, NO),
    "vote in a board task": (NO, NO, NO, YES, NO, NO, NO),
    "edit a glossary term": (YES, YES, YES, NO, NO, NO, NO),
    "manage users": (YES, NO, NO, NO, NO, NO, NO),
    "delete a live page": (YES, YES, NO, NO, NO, NO, NO),
}
CELLS = [
    pytest.param(action, role, allowed, id=f"{role}-{action.replace(' ', '_')}")
    for action, row in MATRIX.items()
    for role, allowed in zip(ROLES, row, strict=True)
]
DRAFT_TEXT = "Draft text only reviewers may read."


def childhood_section(slug):
    return GuideSectionPage.objects.child_of(
        GuidePage.objects.get(slug="childhood-all", locale__language_code="en")
    ).get(slug=slug)


def person(username, *group_names):
    user = get_user_model().objects.create_user(username, f"{username}@example.org")
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


def make_users():
    childhood_board = GuidePage.objects.get(slug="childhood-all").board.group.name
    adult_board = GuidePage.objects.get(slug="adult-all").board.group.name
    return {
        "site_admin": person("matrix_admin", SITE_ADMINISTRATORS),
        "managing_editor": person("matrix_managing", MANAGING_EDITORS),
        "editor": person("matrix_editor", EDITORS),
        "own_board": person("matrix_own_board", childhood_board),
        "other_board": person("matrix_other_board", adult_board),
        "translator": person("matrix_translator", TRANSLATORS),
        "anonymous": None,
    }


def make_in_review():
    """An English section whose draft (by another author) is waiting in its board's review task."""
    author = get_user_model().objects.create_superuser("matrix_author", "author@example.org", None)
    section = childhood_section("what-is-all")
    draft = section.get_latest_revision_as_object()
    draft.summary = DRAFT_TEXT
    draft.revision_kind, draft.change_summary = "substantive", "Clearer."
    draft.save_revision(user=author)
    section.get_workflow().start(section, author)
    return GuideSectionPage.objects.get(pk=section.pk)


def section_form(page, **extra):
    return nested_form_data(
        {
            "title": page.title + " (edited)",
            "slug": page.slug,
            "summary": page.summary,
            "key_points": streamfield([("point", "A point.")]),
            "body": streamfield([("rich_text", rich_text("<p>Edited text.</p>"))]),
            "revision_kind": "minor",
            "change_summary": "",
            **extra,
        }
    )


def term_form(term):
    values = {
        "slug": term.slug,
        "definition_en": rich_text(term.definition_en + "<p>Edited.</p>"),
        "definition_es": rich_text(term.definition_es or ""),
        "related_links": inline_formset([]),
    }
    for name in ("name", "pronunciation", "abbreviations", "other_names", "image_alt_text"):
        for language in ("en", "es"):
            values[f"{name}_{language}"] = getattr(term, f"{name}_{language}") or ""
    return nested_form_data(values)


def opens_and_saves(client, url, data, revisions):
    """An edit is allowed when the form opens and the POST saves a new revision; refused when neither."""
    opened = client.get(url).status_code == 200
    before = revisions.count()
    client.post(url, data)
    saved = revisions.count() > before
    assert opened == saved, (
        f"the form {'opened' if opened else 'was refused'} but saving {'worked' if saved else 'failed'}"
    )
    return saved


def view_draft(client, user, page):
    task = page.current_workflow_task
    urls = [
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, page.get_latest_revision().pk]),
        reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task.pk]),
    ]
    seen = any(DRAFT_TEXT in client.get(url).content.decode() for url in urls)
    assert DRAFT_TEXT not in client.get(page.url).content.decode()  # never on the public page
    return seen


def edit_page(client, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return opens_and_saves(client, url, section_form(page), page.revisions)


def publish(client, page):
    live_revision = page.live_revision_id
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), section_form(page, **{"action-publish": "1"})
    )
    page.refresh_from_db()
    return page.live_revision_id != live_revision and page.title.endswith("(edited)")


def vote(client, user, page):
    state = page.current_workflow_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk]),
        {"comment": "", "attested": "on", "conflict": "none"},
    )
    return user is not None and BoardVote.objects.filter(task_state=state, user=user).exists()


def edit_term(client):
    term = GlossaryTerm.objects.get(slug="bcr-abl1")
    url = reverse("wagtailsnippets_glossary_glossaryterm:edit", args=[term.pk])
    return opens_and_saves(client, url, term_form(term), term.revisions)


def manage_users(client):
    url = reverse("wagtailusers_users:add")
    data = {"username": "matrix_new", "email": "new@example.org", "first_name": "New", "last_name": "Person"}
    User = get_user_model()
    return opens_and_saves(client, url, data, User.objects.filter(username="matrix_new"))


def delete_page(client, page):
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    return not GuideSectionPage.objects.filter(pk=page.pk).exists()


@pytest.fixture(scope="class")
def shared_users_and_review(django_db_setup, django_db_blocker):
    """`users` and `in_review` made once for the class's tests; what each test changes through the admin (an
    edit, a publish, a vote, a deletion) is rolled back after it (conftest.class_transaction)."""
    with class_transaction(django_db_blocker):
        yield make_users(), make_in_review()


class TestTheMatrix:
    @pytest.mark.parametrize(("action", "role", "allowed"), CELLS)
    def test_permission_matrix(self, client, shared_users_and_review, action, role, allowed):
        users, in_review = shared_users_and_review
        check_cell(client, users, in_review, action, role, allowed)


def check_cell(client, users, in_review, action, role, allowed):
    user = users[role]
    if user is not None:
        client.force_login(user)
    done = {
        "view a draft in review": lambda: view_draft(client, user, in_review),
        "edit an English page": lambda: edit_page(client, childhood_section("risk-factors")),
        "edit a Spanish page": lambda: edit_page(client, GuideSectionPage.objects.get(slug="que-es-la-lla")),
        "publish": lambda: publish(client, childhood_section("signs-and-symptoms")),
        "vote in a board task": lambda: vote(client, user, in_review),
        "edit a glossary term": lambda: edit_term(client),
        "manage users": lambda: manage_users(client),
        "delete a live page": lambda: delete_page(client, childhood_section("tests-and-diagnosis")),
    }[action]()
    assert done is allowed, f"{role} {'could not' if allowed else 'could'} {action}"
