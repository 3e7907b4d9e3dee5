"""Board review through the admin: an approval below the board's target needs a reason, kept with the vote;
the votes panel shows the revision's scores and their change from the live revision."""

import json
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from pages.models import BoardVote, GuideSectionPage
from readability.models import BelowTargetApproval, BoardTargets

from .helpers import EASY, HARD, member

pytestmark = pytest.mark.django_db
APPROVAL = {"attested": "on", "conflict": "none"}


@pytest.fixture
def in_review():
    """A demo section (reviewed by the demo Pediatric board), its text replaced by `HARD`, submitted."""
    page = GuideSectionPage.objects.get(url_path="/home/childhood-all/risk-groups/")
    page.body = [{"type": "rich_text", "value": HARD}]
    page.revision_kind, page.change_summary = "minor", ""
    page.save_revision(user=member("editor"))
    page.get_workflow().start(page, member("editor"))
    return page


def vote(client, username, page, **data):
    """An approval through the dashboard's modal, posted as Wagtail's modal posts it (with the review's id)."""
    client.force_login(member(username))
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(
        url, {**APPROVAL, "task_state": task_state.pk, **data}, headers={"x-requested-with": "XMLHttpRequest"}
    )


def modal_html(response):
    return json.loads(response.content)["html"]


def test_the_approval_form_shows_the_scores_and_asks_for_a_reason(client, in_review):
    client.force_login(member("ped_reviewer1"))
    task_state = in_review.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[in_review.pk, "approve", task_state.pk])
    html = modal_html(client.get(url, headers={"x-requested-with": "XMLHttpRequest"}))
    assert f'name="task_state" value="{task_state.pk}"' in html
    assert "Misses the board's target: grade 8.0 or lower." in html
    assert 'name="below_target_reason"' in html
    assert "Since the live revision:" in html and "Grade level" in html


def test_an_approval_below_the_target_without_a_reason_is_refused(client, in_review):
    response = vote(client, "ped_reviewer1", in_review)
    html = modal_html(response)
    assert (
        "This revision misses the board&#x27;s target (grade 8.0 or lower): say why you approve it anyway."
        in html
    )
    assert not BoardVote.objects.filter(revision=in_review.get_latest_revision()).exists()


def test_the_reason_is_kept_with_the_vote_and_shown_in_the_votes_panel(client, in_review):
    response = vote(
        client,
        "ped_reviewer1",
        in_review,
        below_target_reason="Terms a family needs; the glossary explains them.",
    )
    assert json.loads(response.content)["step"] == "success"
    approval = BelowTargetApproval.objects.get()
    assert approval.vote.user == member("ped_reviewer1") and approval.vote.decision == "approve"
    assert approval.vote.revision == in_review.get_latest_revision()
    assert approval.reason == "Terms a family needs; the glossary explains them."
    assert approval.score > 8 and approval.target_description() == "grade 8.0 or lower"

    client.force_login(member("editor"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[in_review.pk])).content.decode()
    notes = html[html.index("data-readability-review-notes") :]
    assert "1 of 2 approvals" in html
    assert (
        "ped_reviewer1 approved below the target (grade 8.0 or lower): “Terms a family needs; the glossary explains them.”"
        in notes
    )
    assert re.search(r"Since the live revision:\s+Grade level \d+\.\d → \d+\.\d \(\+\d+\.\d\)", notes)


def test_a_revision_that_meets_the_target_needs_no_reason_and_keeps_none(client, in_review):
    in_review.body = [{"type": "rich_text", "value": EASY}]
    in_review.save_revision(user=member("editor"))
    response = vote(client, "ped_reviewer1", in_review, below_target_reason="Not needed.")
    assert json.loads(response.content)["step"] == "success"
    assert BoardVote.objects.filter(revision=in_review.get_latest_revision(), decision="approve").exists()
    assert not BelowTargetApproval.objects.exists()


def test_the_boards_own_target_decides(client, in_review):
    BoardTargets.objects.create(board=in_review.get_parent().specific.board, english_max_grade=18)
    in_review.body = [
        {
            "type": "rich_text",
            "value": EASY
            + "<p>Induction chemotherapy usually lasts about four weeks in total for most children.</p>",
        }
    ]
    in_review.save_revision(user=member("editor"))
    assert json.loads(vote(client, "ped_reviewer1", in_review).content)["step"] == "success"


def test_the_task_checks_the_reason_again_whatever_was_posted(in_review):
    """A vote that skipped the modal (or posted another review's id) is refused by the task itself."""
    task_state = in_review.current_workflow_task_state
    task = task_state.task.specific
    with pytest.raises(PermissionDenied, match="say why you approve it anyway"):
        task.on_action(task_state, member("ped_reviewer2"), "approve", attested=True, conflict="none")
    task.on_action(
        task_state,
        member("ped_reviewer2"),
        "approve",
        attested=True,
        conflict="none",
        below_target_reason="Needed.",
    )
    assert BelowTargetApproval.objects.get().reason == "Needed."
