"""Who may read which revisions, through the admin as each role: comparisons, history, previews, What changed.

    view (an English section in its board's review)   Board      Board      Trans-   Editors  Anonymous
                                                      (its own)  (another)  lators
    compare the draft with the live version              ✓          ✗          ✗        ✓       sign-in
    the page's history                                   ✓          ✗          ✗        ✓       sign-in
    preview the draft                                    ✓          ✗          ✗        ✓       sign-in
    What changed (the draft against the live version)    ✓          ✗          ✗        ✓       sign-in
    compare two published revisions                      ✓          ✗          ✓        ✓       sign-in
    preview the live version                             ✓          ✗          ✓        ✓       sign-in
    What changed between two published revisions         ✓          ✗          ✓        ✓       sign-in

Translators read the published revisions of the English pages whose Spanish version they may edit. A board
member reads a page only while it waits in that board's task. Refused means Wagtail's refusal: back to the
dashboard with "Sorry, you do not have permission to access this area." (the admin turns a 403 into that);
What changed answers 400 "These two revisions cannot be compared" for a revision the user may not read.
"""

import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import escape

from accounts.roles import EDITORS, TRANSLATORS
from conftest import class_transaction
from pages.models import BoardReviewTask, GuidePage, GuideSectionPage

pytestmark = pytest.mark.django_db

# One word each, so that no comparison splits them.
DRAFT_TEXT = "DraftOnlyReviewersMayRead"
PUBLISHED_TEXT = "PublishedForEveryoneInTheAdmin"
INSERTED = '<span class="visually-hidden" lang="en">Inserted: </span>'
SEEN, REFUSED, SIGN_IN = "seen", "refused", "sign-in"
ROLES = ["own_board", "other_board", "translator", "editor", "anonymous"]
MATRIX = {
    #                                                 own     other    transl.  editor  anonymous
    "compare the draft with the live version": (SEEN, REFUSED, REFUSED, SEEN, SIGN_IN),
    "the page's history": (SEEN, REFUSED, REFUSED, SEEN, SIGN_IN),
    "preview the draft": (SEEN, REFUSED, REFUSED, SEEN, SIGN_IN),
    "What changed (the draft against the live version)": (SEEN, REFUSED, REFUSED, SEEN, SIGN_IN),
    "compare two published revisions": (SEEN, REFUSED, SEEN, SEEN, SIGN_IN),
    "preview the live version": (SEEN, REFUSED, SEEN, SEEN, SIGN_IN),
    "What changed between two published revisions": (SEEN, REFUSED, SEEN, SEEN, SIGN_IN),
}
CELLS = [
    pytest.param(view, role, expected, id=f"{role}-{view.split(' (')[0].replace(' ', '_')}")
    for view, row in MATRIX.items()
    for role, expected in zip(ROLES, row, strict=True)
]


def person(username, *group_names):
    user = get_user_model().objects.create_user(username, f"{username}@example.org")
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


def board_group(guide_slug):
    return GuidePage.objects.get(slug=guide_slug, locale__language_code="en").board.group.name


def make_users():
    return {
        "own_board": person("access_own_board", board_group("childhood-all")),
        "other_board": person("access_other_board", board_group("adult-all")),
        "translator": person("access_translator", TRANSLATORS),
        "editor": person("access_editor", EDITORS),
        "anonymous": None,
    }


def make_author():
    return get_user_model().objects.create_superuser("access_author", "author@example.org", None)


@pytest.fixture
def users():
    return make_users()


@pytest.fixture
def author():
    return make_author()


def publish(page, user, summary_text, kind="substantive"):
    draft = GuideSectionPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.summary = summary_text
    draft.revision_kind, draft.change_summary = kind, "Clearer."
    revision = draft.save_revision(user=user)
    revision.publish(user=user)
    return revision


@pytest.fixture
def in_review(author):
    return make_in_review(author)


def make_in_review(author):
    """'What is ALL?' published twice (two published revisions), then a draft waiting in its board's task."""
    section = GuideSectionPage.objects.get(slug="what-is-all", locale__language_code="en")
    section.earlier_revision = section.live_revision
    publish(section, author, PUBLISHED_TEXT)
    draft = GuideSectionPage.objects.get(pk=section.pk).get_latest_revision_as_object()
    draft.summary = DRAFT_TEXT
    draft.revision_kind, draft.change_summary = "substantive", "Clearer."
    draft.save_revision(user=author)
    page = GuideSectionPage.objects.get(pk=section.pk)
    page.get_workflow().start(page, author)
    page = GuideSectionPage.objects.get(pk=section.pk)
    page.earlier_revision = section.earlier_revision
    return page


def outcome(client, url, marker, absent=None):
    """SEEN (the marker is on the page, `absent` is not), REFUSED (Wagtail's refusal, or What changed saying that
    it cannot compare a revision the user may not read) or SIGN_IN."""
    response = client.get(url)
    if response.status_code == 400:
        assert "These two revisions cannot be compared" in response.content.decode()
        return REFUSED
    if response.status_code == 200:
        content = response.content.decode()
        assert marker in content, f"{url} answered but does not show {marker!r}"
        assert absent is None or absent not in content, f"{url} shows {absent!r}"
        return SEEN
    assert response.status_code == 302, response.status_code
    if response["Location"].startswith(reverse("wagtailadmin_login")):
        return SIGN_IN
    assert response["Location"] == reverse("wagtailadmin_home")
    messages = [str(message).strip() for message in get_messages(response.wsgi_request)]
    assert "Sorry, you do not have permission to access this area." in messages
    return REFUSED


def check(client, view, page):
    live, latest = page.live_revision, page.get_latest_revision()
    earlier = page.earlier_revision
    what_changed = reverse("what_changed", args=[page.pk])
    return {
        "compare the draft with the live version": lambda: outcome(
            client,
            reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", latest.pk]),
            DRAFT_TEXT,
        ),
        "the page's history": lambda: outcome(
            client, reverse("wagtailadmin_pages:history", args=[page.pk]), page.title
        ),
        "preview the draft": lambda: outcome(
            client, reverse("wagtailadmin_pages:revisions_view", args=[page.pk, latest.pk]), DRAFT_TEXT
        ),
        "What changed (the draft against the live version)": lambda: outcome(
            client, f"{what_changed}?from={live.pk}&to={latest.pk}", DRAFT_TEXT
        ),
        "compare two published revisions": lambda: outcome(
            client,
            reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, earlier.pk, "live"]),
            PUBLISHED_TEXT,
            absent=DRAFT_TEXT,
        ),
        "preview the live version": lambda: outcome(
            client, reverse("wagtailadmin_pages:revisions_view", args=[page.pk, live.pk]), PUBLISHED_TEXT
        ),
        "What changed between two published revisions": lambda: outcome(
            client, f"{what_changed}?from={earlier.pk}&to={live.pk}", PUBLISHED_TEXT, absent=DRAFT_TEXT
        ),
    }[view]()


@pytest.fixture(scope="class")
def shared_users_and_review(django_db_setup, django_db_blocker):
    """`users` and `in_review` made once for the class's tests, which only read through the admin; each test's
    own writes (its session) are rolled back after it (conftest.class_transaction)."""
    with class_transaction(django_db_blocker):
        yield make_users(), make_in_review(make_author())


class TestTheMatrix:
    @pytest.mark.parametrize(("view", "role", "expected"), CELLS)
    def test_who_reads_which_revisions(self, client, shared_users_and_review, view, role, expected):
        users, in_review = shared_users_and_review
        if users[role] is not None:
            client.force_login(users[role])
        assert check(client, view, in_review) == expected


def test_the_dashboard_offers_board_members_a_comparison_that_opens(client, users, in_review):
    client.force_login(users["own_board"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[in_review.pk, "live", in_review.get_latest_revision().pk],
    )
    assert "Compare with live version" in dashboard and compare in dashboard
    assert outcome(client, compare, DRAFT_TEXT) == SEEN


def vote(client, member, page, action, comment=""):
    client.force_login(member)
    state = GuideSectionPage.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    approval = {"attested": "on", "conflict": "none"} if action == "approve" else {}
    assert client.post(url, {**approval, "comment": comment}).status_code == 302


@pytest.mark.parametrize("ending", ["approved by the board", "changes requested", "workflow cancelled"])
def test_board_members_read_the_page_only_while_it_is_in_their_task(client, users, in_review, author, ending):
    member = users["own_board"]
    client.force_login(member)
    assert check(client, "What changed (the draft against the live version)", in_review) == SEEN

    board = board_group("childhood-all")
    if ending == "approved by the board":  # the quorum (2) approves: the page moves on to sign-off
        vote(client, person("access_voter1", board), in_review, "approve")
        vote(client, person("access_voter2", board), in_review, "approve")
    elif ending == "changes requested":
        vote(client, person("access_voter1", board), in_review, "reject", "Please cite the trial.")
    else:
        in_review.current_workflow_state.cancel(user=author)
    task = GuideSectionPage.objects.get(pk=in_review.pk).current_workflow_task
    assert not isinstance(task, BoardReviewTask)

    client.force_login(member)
    for view in MATRIX:
        assert check(client, view, in_review) == REFUSED, view


def link_to(page_html, text):
    """The address of the link whose text starts with `text` (HTML entities in it decoded)."""
    match = re.search(r'<a [^>]*href="([^"]+)"[^>]*>\s*' + re.escape(text), page_html)
    assert match, f"no link {text!r}"
    return unescape(match.group(1))


def test_translators_follow_the_links_of_the_translation_status_page(client, users, author):
    """An English change after the translation's in-step mark: the status page's three links all open."""
    english = GuideSectionPage.objects.get(slug="what-is-all", locale__language_code="en")
    spanish = GuideSectionPage.objects.get(slug="que-es-la-lla")
    publish(english, author, PUBLISHED_TEXT)
    client.force_login(users["translator"])

    status_page = client.get(reverse("translation_status", args=[spanish.pk])).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[english.pk]) not in status_page  # refused to translators
    english_page = link_to(status_page, escape(english.title))
    assert english_page.startswith(f"/admin/pages/{english.pk}/revisions/")
    assert outcome(client, english_page, PUBLISHED_TEXT) == SEEN
    compare = link_to(status_page, "What changed in English since this translation")
    assert outcome(client, compare, PUBLISHED_TEXT) == SEEN
    what_changed = link_to(status_page, "What changed, as families will see it")
    assert what_changed.startswith(reverse("what_changed", args=[english.pk]))
    assert outcome(client, what_changed, f"<ins>{INSERTED}") == SEEN


def test_translators_asking_for_an_english_draft_get_a_clear_error(client, users, in_review):
    client.force_login(users["translator"])
    url = f"{reverse('what_changed', args=[in_review.pk])}?from={in_review.live_revision_id}&to={in_review.get_latest_revision().pk}"
    response = client.get(url)
    assert response.status_code == 400
    content = response.content.decode()
    assert "These two revisions cannot be compared" in content and DRAFT_TEXT not in content


def test_a_spanish_reviewer_reads_the_english_source_while_the_translation_is_in_their_task(client, users):
    translator = users["translator"]
    spanish = GuideSectionPage.objects.get(slug="que-es-la-lla")
    draft = spanish.get_latest_revision_as_object()
    draft.summary = "Resumen revisado."
    draft.revision_kind, draft.change_summary = "minor", ""
    draft.save_revision(user=translator)
    spanish.get_workflow().start(spanish, translator)
    spanish = GuideSectionPage.objects.get(pk=spanish.pk)
    english = GuideSectionPage.objects.get(slug="what-is-all", locale__language_code="en")
    language_team = spanish.current_workflow_task.specific.board  # the Spanish review's first task
    reviewer = person("access_es_reviewer", language_team.group.name)
    client.force_login(reviewer)

    assert outcome(client, reverse("what_changed", args=[spanish.pk]), "Resumen revisado.") == SEEN
    assert (
        outcome(client, reverse("wagtailadmin_pages:history", args=[spanish.pk]), escape(spanish.title))
        == SEEN
    )
    live = reverse("wagtailadmin_pages:revisions_view", args=[english.pk, english.live_revision_id])
    assert outcome(client, live, escape(english.title)) == SEEN
    assert outcome(client, reverse("wagtailadmin_pages:history", args=[english.pk]), english.title) == REFUSED
