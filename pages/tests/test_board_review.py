"""Board review through the admin and Wagtail's workflow API: quorum, change requests, who may vote."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.factories import GuidePageFactory, GuideSectionPageFactory
from pages.models import BoardReviewTask, BoardVote, EditorialBoard, GuideSectionPage, PublicationRecord

from .admin_forms import edit_form_data

pytestmark = pytest.mark.django_db
User = get_user_model()


def make_user(username, *groups, superuser=False):
    user = User.objects.create_user(username, f"{username}@example.org", "a-long-test-password")
    user.is_superuser = superuser
    user.save()
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    user.user_permissions.add(access)
    for group in groups:
        user.groups.add(group)
    return user


@pytest.fixture
def review(english_home):
    """A guide reviewed by a 3-member board (quorum 2), then signed off by a managing editor."""
    members_group = Group.objects.create(name="Test board members")
    board = EditorialBoard.objects.create(name="Test Board", name_es="Comité de prueba", group=members_group)
    editors = Group.objects.create(name="Test managing editors")
    board_task = BoardReviewTask.objects.create(name="Test board review")  # uses the guide's board
    sign_off = GroupApprovalTask.objects.create(name="Test sign-off")
    sign_off.groups.add(editors)
    workflow = Workflow.objects.create(name="Test board workflow")
    WorkflowTask.objects.create(workflow=workflow, task=board_task, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=sign_off, sort_order=1)
    guide = GuidePageFactory(parent=english_home, board=board)
    WorkflowPage.objects.create(page=guide, workflow=workflow)
    section = GuideSectionPageFactory(parent=guide, live=False)

    class Review:
        pass

    r = Review()
    r.board, r.board_task, r.workflow, r.guide, r.section = board, board_task, workflow, guide, section
    r.author = make_user("author", superuser=True)
    r.members = [make_user(f"member{i}", members_group) for i in range(1, 4)]
    r.outsider = make_user("outsider")
    r.managing_editor = make_user("managing", editors)
    return r


def submit(review, kind="substantive", summary="Explains the new maintenance schedule."):
    """The author saves a revision stating its kind and starts the guide's workflow."""
    page = review.section
    page.revision_kind, page.change_summary = kind, summary
    page.save_revision(user=review.author)
    review.workflow.start(page, review.author)
    return WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)


APPROVAL = {"attested": "on", "conflict": "none"}  # what a member ticks in the approval form


def vote(client, user, review, action="approve", comment="", **statement):
    """A vote through the admin's workflow action view, as its form posts it (an approval attested)."""
    client.force_login(user)
    state = review.section.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[review.section.pk, action, state.pk])
    data = {**(APPROVAL if action == "approve" else {}), "comment": comment, **statement}
    return client.post(url, data)


def test_submitting_through_the_admin_requires_the_kind_of_revision(client, review):
    client.force_login(review.author)
    data = nested_form_data(
        {
            "title": "Maintenance",
            "slug": review.section.slug,
            "summary": "Changed.",
            "key_points": streamfield([("point", "A point.")]),
            "body": streamfield([("rich_text", rich_text("<p>Text.</p>"))]),
            "revision_kind": "",
            "change_summary": "",
            "action-submit": "Submit",
        }
    )
    url = reverse("wagtailadmin_pages:edit", args=[review.section.pk])
    response = client.post(url, data)
    assert response.status_code == 200
    assert "revision_kind" in response.context["form"].errors
    assert not WorkflowState.objects.filter(object_id=str(review.section.pk)).exists()

    data.update({"revision_kind": "substantive"})
    response = client.post(url, data)
    assert "change_summary" in response.context["form"].errors

    data.update({"change_summary": "Explains the new maintenance schedule."})
    response = client.post(url, data)
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(review.section.pk))
    assert state.current_task_state.task.specific == review.board_task


def test_quorum_then_sign_off_publishes_and_sets_the_dates(client, review):
    submit(review)
    assert vote(client, review.members[0], review).status_code == 302
    task_state = TaskState.objects.get(task=review.board_task)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS  # 1 of 2: still in review

    client.force_login(review.author)
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[review.section.pk])).content.decode()
    assert "1 of 2 approvals" in edit_page and "member1" in edit_page

    vote(client, review.members[1], review, comment="Clear and accurate.")
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert review.section.current_workflow_task.specific.name == "Test sign-off"
    review.section.refresh_from_db()
    assert not review.section.live

    vote(client, review.managing_editor, review)
    review.section.refresh_from_db()
    assert review.section.live
    record = PublicationRecord.objects.get(page=review.section)
    assert record.kind == "substantive" and record.reviewed
    assert review.section.last_updated == review.section.last_reviewed == record.published_at.date()
    assert review.section.next_review_due.year == record.published_at.year + 1
    votes = BoardVote.objects.filter(task_state=task_state).order_by("created_at")
    assert [(v.user.username, v.decision, v.comment) for v in votes] == [
        ("member1", "approve", ""),
        ("member2", "approve", "Clear and accurate."),
    ]


def test_request_changes_sends_it_back_to_the_author_with_the_comment(client, review):
    state = submit(review)
    vote(client, review.members[0], review, action="reject", comment="Please cite the trial.")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Please cite the trial."
    review.section.refresh_from_db()
    assert not review.section.live


@pytest.mark.parametrize("who", ["author_member", "outsider", "twice"])
def test_votes_that_are_refused(client, review, who):
    submit(review)
    if who == "author_member":
        review.section.save_revision(user=review.members[2])  # member3 wrote the latest revision
        voter = review.members[2]
    elif who == "outsider":
        voter = review.outsider
    else:
        voter = review.members[0]
        vote(client, voter, review)
    before = BoardVote.objects.count()
    response = vote(client, voter, review)
    # Wagtail's admin answers a refused action by sending the user to the dashboard with an error.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert BoardVote.objects.count() == before
    task_state = TaskState.objects.get(task=review.board_task)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


@override_settings(WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT=True)
def test_an_edit_during_review_resets_the_count_when_reapproval_is_required(client, review):
    submit(review)
    vote(client, review.members[0], review)
    review.section.save_revision(user=review.author)  # edited during review
    vote(client, review.members[1], review)
    task_state = TaskState.objects.get(task=review.board_task)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS  # member1's vote was on the older revision
    assert vote(client, review.members[0], review).status_code == 302  # may vote again on the new one
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED


@override_settings(WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT=False)
def test_without_reapproval_votes_on_older_revisions_still_count(client, review):
    submit(review)
    vote(client, review.members[0], review)
    review.section.save_revision(user=review.author)
    vote(client, review.members[1], review)
    assert TaskState.objects.get(task=review.board_task).status == TaskState.STATUS_APPROVED


def test_votes_are_in_the_audit_log(client, review):
    submit(review)
    vote(client, review.members[0], review, comment="Looks right.")
    client.force_login(review.author)
    history = client.get(reverse("wagtailadmin_pages:history", args=[review.section.pk])).content.decode()
    assert "Approved in &#x27;Test board review&#x27; (1 of 2 approvals)" in history
    assert "Looks right." in history


def test_board_members_are_emailed_when_a_page_reaches_their_review(review, mailoutbox):
    for index, member in enumerate(review.members):
        member.email = f"board{index}@example.org"
        member.save()
    review.outsider.email = "outsider@example.org"
    review.outsider.save()
    submit(review)
    recipients = {address for message in mailoutbox for address in message.to}
    assert {"board0@example.org", "board1@example.org", "board2@example.org"} <= recipients
    assert "outsider@example.org" not in recipients


def test_spanish_review_team_then_board_sign_off_publishes_a_spanish_page(client):
    """The demo 'Spanish review' workflow: language team (quorum 2), then one member of the guide's board."""
    section = GuideSectionPage.objects.get(slug="que-es-la-lla")
    translator = make_user("spanish_author", superuser=True)
    page = section.get_latest_revision_as_object()
    page.title = "¿Qué es la LLA? (revisada)"
    page.revision_kind, page.change_summary = "substantive", "Explica mejor la médula ósea."
    page.save_revision(user=translator)
    section.get_workflow().start(section, translator)

    def act(username):
        client.force_login(User.objects.get(username=username))
        state = GuideSectionPage.objects.get(pk=section.pk).current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[section.pk, "approve", state.pk])
        return client.post(url, {**APPROVAL, "comment": ""})

    act("es_reviewer1")
    act("es_reviewer2")
    current = GuideSectionPage.objects.get(pk=section.pk).current_workflow_task
    assert current.name == "Board sign-off"
    assert act("adult_reviewer1").status_code == 302  # another board: not theirs to sign off
    assert GuideSectionPage.objects.get(pk=section.pk).current_workflow_task.name == "Board sign-off"
    act("ped_reviewer1")
    section.refresh_from_db()
    assert section.live and section.title == "¿Qué es la LLA? (revisada)"
    assert PublicationRecord.objects.filter(page=section).first().reviewed


# --- Votes that feel like votes: a confirmation, the member's own vote, a reason and an attestation ----------


def test_an_approval_is_confirmed_with_the_count_so_far(client, review):
    submit(review)

    response = vote(client, review.members[0], review)

    assert response.status_code == 302
    page = client.get(response["Location"], follow=True).content.decode()
    assert f"You approved “{review.section.title}”. 1 of 2 approvals." in page
    stored = BoardVote.objects.get(user=review.members[0])
    assert stored.attested and stored.conflict_of_interest == "none" and stored.conflict_statement == ""


def test_the_last_approval_says_the_review_is_complete(client, review):
    submit(review)
    vote(client, review.members[0], review)

    response = vote(client, review.members[1], review)

    page = client.get(response["Location"], follow=True).content.decode()
    assert "2 of 2 approvals. The board&#x27;s review is complete." in page


def modal_vote(client, user, review, action, data):
    """The vote as the dashboard's modal posts it (XHR): form errors come back in the modal."""
    client.force_login(user)
    state = review.section.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[review.section.pk, action, state.pk])
    return client.post(url, data, headers={"x-requested-with": "XMLHttpRequest"})


@pytest.mark.parametrize(
    ("action", "data", "error"),
    [
        ("approve", {"conflict": "none"}, "Confirm that you reviewed this revision"),
        ("approve", {"attested": "on"}, "This field is required."),
        ("approve", {"attested": "on", "conflict": "declared"}, "Say in a few words what your conflict"),
        ("reject", {"comment": "  "}, "Say what needs to change"),
    ],
    ids=["no-attestation", "no-declaration", "conflict-without-statement", "change-request-without-comment"],
)
def test_a_vote_without_its_statement_is_refused_with_a_form_error(client, review, action, data, error):
    submit(review)

    response = modal_vote(client, review.members[0], review, action, data)

    assert response.status_code == 200
    assert error in response.json()["html"]
    assert not BoardVote.objects.exists()


def test_a_declared_conflict_is_kept_with_the_vote_and_shown_to_the_author(client, review):
    submit(review)
    statement = "I advise a company that makes one of these medicines."

    response = modal_vote(
        client,
        review.members[0],
        review,
        "approve",
        {"attested": "on", "conflict": "declared", "conflict_statement": statement},
    )

    assert response.json()["step"] == "success"
    assert BoardVote.objects.get().conflict_statement == statement
    client.force_login(review.author)
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[review.section.pk])).content.decode()
    assert "reviewed this revision; conflict of interest: I advise a company" in edit_page


def test_request_changes_is_confirmed(client, review):
    submit(review)

    response = vote(client, review.members[0], review, action="reject", comment="Cite the 2024 approval.")

    page = client.get(response["Location"], follow=True).content.decode()
    assert f"You requested changes to “{review.section.title}”" in page


def dashboard(client, user):
    client.force_login(user)
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_dashboard_offers_labelled_actions_first_then_shows_the_members_vote(client, review):
    submit(review)
    member = review.members[0]

    before = dashboard(client, member)
    awaiting = before.index("Awaiting your review")
    assert awaiting < before.index("Reviews due")
    row = before[awaiting:]
    assert ">Approve<span" in row and ">Request changes<span" in row
    assert "0 of 2 approvals" in row

    vote(client, member, review)
    after = dashboard(client, member)
    row = after[after.index("Awaiting your review") :]
    assert "Your vote:</strong> Approved" in row
    assert "1 of 2 approvals" in row
    assert "data-workflow-action-url" not in row


def test_the_author_is_told_why_they_cannot_vote(client, review):
    author_member = review.members[2]
    review.section.save_revision(user=author_member)
    review.workflow.start(review.section, author_member)

    row = dashboard(client, author_member)
    assert "You wrote this revision, so you cannot vote on it." in row


def test_a_vote_from_the_edit_view_is_confirmed_too(client, review):
    """The author edits and submits in the admin; a member approves from the edit view's action menu, whose
    modal collects the form and posts it with the unchanged page."""
    client.force_login(review.author)
    data = edit_form_data(client, review.section)
    data.update({"revision_kind": "substantive", "change_summary": "Clearer.", "action-submit": "Submit"})
    assert client.post(reverse("wagtailadmin_pages:edit", args=[review.section.pk]), data).status_code == 302
    member = review.members[0]
    client.force_login(member)
    data = edit_form_data(client, review.section)
    data.update(
        {
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": '{"attested": true, "conflict": "none", "comment": ""}',
        }
    )

    response = client.post(reverse("wagtailadmin_pages:edit", args=[review.section.pk]), data, follow=True)

    assert f"You approved “{review.section.title}”. 1 of 2 approvals." in response.content.decode()
    assert BoardVote.objects.filter(user=member, attested=True).exists()


def test_the_review_dates_export_lists_the_last_reviews_approvals(client, review):
    submit(review)
    vote(client, review.members[0], review)
    vote(client, review.members[1], review, conflict="declared", conflict_statement="Speaker fees.")
    vote(client, review.managing_editor, review)
    client.force_login(User.objects.create_superuser("exporter", "x@example.org", "a-long-test-password"))

    response = client.get(reverse("review_dates_report") + "?export=csv")
    csv = b"".join(response.streaming_content).decode()

    assert "Approvals of the last board review" in csv.splitlines()[0]
    row = next(line for line in csv.splitlines() if line.startswith(review.section.title))
    assert "member1 (reviewed this revision; no conflict of interest)" in row
    assert "member2 (reviewed this revision; conflict of interest: Speaker fees.)" in row
