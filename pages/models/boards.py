"""Editorial boards and their review task: a page stays in review until a quorum of members approves."""

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.log_actions import log
from wagtail.models import Page, Task, TaskState

from ..board_form import EditorialBoardForm
from ..vote_forms import CONFLICT_CHOICES, ApproveForm, RequestChangesForm

# Sent when a member votes, with `vote` (a BoardVote) and `statement` (the vote form's cleaned data, with
# anything other apps added to it): they keep their part of the statement with the vote.
board_vote_cast = Signal()


class EditorialBoard(models.Model):
    """A group of experts who review pages; `group` holds its members. Name translated (modeltranslation)."""

    name = models.CharField(max_length=200, unique=True, verbose_name=_("name"))
    group = models.OneToOneField(
        Group,
        on_delete=models.PROTECT,
        related_name="editorial_board",
        verbose_name=_("members"),
        help_text=_("The user group whose members belong to this board."),
    )
    review_cycle_months = models.PositiveSmallIntegerField(
        default=12,
        verbose_name=_("review cycle (months)"),
        help_text=_("How often each page must be reviewed."),
    )
    quorum = models.PositiveSmallIntegerField(
        default=2,
        verbose_name=_("quorum"),
        help_text=_("How many different members must approve a revision."),
    )

    base_form_class = EditorialBoardForm
    panels = [
        FieldPanel("name_en"),
        FieldPanel("name_es"),
        FieldPanel("group"),
        FieldPanel("review_cycle_months"),
        FieldPanel("quorum"),
    ]

    class Meta:
        verbose_name = _("editorial board")
        verbose_name_plural = _("editorial boards")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def has_member(self, user: User) -> bool:
        return user.is_active and self.group.user_set.filter(pk=user.pk).exists()


def board_for_page(page: Page) -> EditorialBoard | None:
    """The board responsible for a page, as the page names it: a guide its own, a section its guide's."""
    if isinstance(page, Page):
        page = page.specific_deferred
    editorial_board = getattr(page, "editorial_board", None)
    return editorial_board() if editorial_board else None


class BoardReviewTask(Task):
    """Workflow step where `quorum` members of a board must approve; any member may request changes.

    With no board chosen, the board of the page's guide reviews (one task serves every guide). Votes are
    per revision: with WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT, votes on an older revision no longer count.
    """

    board = models.ForeignKey(
        EditorialBoard,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="review_tasks",
        verbose_name=_("board"),
        help_text=_("Leave empty to have the board of the page's guide review it."),
    )
    quorum = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        verbose_name=_("approvals needed"),
        help_text=_("Leave empty to use the board's quorum."),
    )

    admin_form_fields = [*Task.admin_form_fields, "board", "quorum"]

    class Meta:
        verbose_name = _("board review task")
        verbose_name_plural = _("board review tasks")

    @classmethod
    def get_description(cls):
        return _("A quorum of an editorial board's members must approve; any member may request changes")

    def board_for(self, obj: Page) -> EditorialBoard | None:
        return self.board or board_for_page(obj)

    def approvals_needed(self, obj: Page) -> int:
        board = self.board_for(obj)
        return self.quorum or (board.quorum if board else 1)

    def is_member(self, obj: Page, user: User) -> bool:
        board = self.board_for(obj)
        return bool(board and board.has_member(user))

    def votes_that_count(self, task_state: TaskState) -> "models.QuerySet[BoardVote]":
        """Votes on this task state; only those on the latest revision when re-approval is required."""
        votes = BoardVote.objects.filter(task_state=task_state).select_related("user")
        if getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False):
            votes = votes.filter(revision=task_state.workflow_state.content_object.get_latest_revision())
        return votes

    def refusal_reason(self, obj: Page, user: User, task_state: TaskState) -> str | None:
        """Why `user` may not vote on the object's current revision, or None if they may."""
        revision = obj.get_latest_revision()
        if not self.is_member(obj, user):
            return _("Only members of the reviewing board can vote.")
        if revision and revision.user_id == user.pk:
            return _("You wrote this revision, so you cannot vote on it.")
        if BoardVote.objects.filter(task_state=task_state, revision=revision, user=user).exists():
            return _("You have already voted on this revision.")
        return None

    def get_actions(self, obj, user):
        task_state = obj.current_workflow_task_state
        if task_state is None or self.refusal_reason(obj, user, task_state):
            return []
        # Both open a form: a change request needs its reason, an approval its attestation.
        return [
            (BoardVote.REQUEST_CHANGES, _("Request changes"), True),
            (BoardVote.APPROVE, _("Approve"), True),
        ]

    def get_form_for_action(self, action):
        return ApproveForm if action == BoardVote.APPROVE else RequestChangesForm

    def get_template_for_action(self, action):
        return "pages/admin/board_vote_modal.html"

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        """Record the vote; approve the task once enough members agree, send it back on a change request.

        Returns the address of the vote's confirmation, where the admin's workflow action view sends the
        member next (the edit view ignores it and confirms through the `after_edit_page` hook instead).
        """
        obj = task_state.workflow_state.content_object
        if isinstance(obj, Page):
            obj = obj.specific
        reason = self.refusal_reason(obj, user, task_state)
        if reason or action_name not in (BoardVote.APPROVE, BoardVote.REQUEST_CHANGES):
            raise PermissionDenied(reason or _("Unknown action."))
        # The same form the admin showed, checked again here: every way of voting records the same statement.
        form = self.get_form_for_action(action_name)(data=kwargs, task_state=task_state)
        if not form.is_valid():
            raise PermissionDenied(" ".join(str(e) for errors in form.errors.values() for e in errors))
        statement = form.cleaned_data
        comment = statement.get("comment", "")
        vote = BoardVote.objects.create(
            task_state=task_state,
            revision=obj.get_latest_revision(),
            user=user,
            decision=action_name,
            comment=comment,
            attested=bool(statement.get("attested")),
            conflict_of_interest=statement.get("conflict", ""),
            conflict_statement=statement.get("conflict_statement", ""),
        )
        board_vote_cast.send(sender=type(self), vote=vote, statement=statement)
        approvals = self.votes_that_count(task_state).filter(decision=BoardVote.APPROVE).count()
        needed = self.approvals_needed(obj)
        log(
            instance=obj,
            action="pages.board_vote",
            user=user,
            revision=vote.revision,
            data={
                "decision": action_name,
                "comment": comment,
                "task": {"id": self.pk, "title": self.name},
                "approvals": approvals,
                "needed": needed,
                "attested": vote.attested,
                "conflict_of_interest": vote.conflict_statement if vote.has_conflict else "",
            },
        )
        if action_name == BoardVote.REQUEST_CHANGES:
            task_state.reject(user=user, comment=comment)
        elif approvals >= needed:
            task_state.approve(user=user, comment=comment)
        return reverse("board_vote_recorded", args=[vote.pk])

    def user_can_access_editor(self, obj, user):
        return user.is_superuser or self.is_member(obj, user)

    def locked_for_user(self, obj, user):
        return not (user.is_superuser or self.is_member(obj, user))

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if self.board is not None:
            return states if self.board.has_member(user) else TaskState.objects.none()
        boards = EditorialBoard.objects.filter(group__user=user).prefetch_related("guides")
        guides = [guide for board in boards for guide in board.guides.all()]
        if not guides:
            return TaskState.objects.none()
        page_ids = Page.objects.none()
        for guide in guides:
            page_ids = page_ids | Page.objects.descendant_of(guide, inclusive=True)
        return states.filter(
            workflow_state__object_id__in=[str(pk) for pk in page_ids.values_list("pk", flat=True)]
        )


class BoardVote(models.Model):
    """One member's decision on one revision during a board review: kept for the record and the count.

    An approval carries the member's attestation that they reviewed the revision and their conflict of
    interest declaration; votes cast before attestations existed have neither (`conflict_of_interest` "").
    """

    APPROVE = "approve"
    REQUEST_CHANGES = "reject"  # Wagtail's action name for "request changes"
    DECISIONS = [(APPROVE, _("Approved")), (REQUEST_CHANGES, _("Requested changes"))]

    task_state = models.ForeignKey(TaskState, on_delete=models.CASCADE, related_name="board_votes")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="board_votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="board_votes")
    decision = models.CharField(max_length=20, choices=DECISIONS)
    comment = models.TextField(blank=True)
    attested = models.BooleanField(default=False, verbose_name=_("reviewed this revision"))
    conflict_of_interest = models.CharField(
        max_length=20, choices=CONFLICT_CHOICES, blank=True, verbose_name=_("conflict of interest")
    )
    conflict_statement = models.TextField(blank=True, verbose_name=_("conflict of interest statement"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["task_state", "revision", "user"], name="one_vote_per_member_per_revision"
            )
        ]

    def __str__(self):
        return f"{self.user} {self.decision} revision {self.revision_id}"

    @property
    def has_conflict(self) -> bool:
        return bool(self.conflict_statement)

    def declaration(self) -> str:
        """The member's statement in a few words, for the votes panel and the report export."""
        if self.decision != self.APPROVE:
            return ""
        parts = [gettext("reviewed this revision") if self.attested else gettext("no attestation")]
        if self.has_conflict:
            parts.append(
                gettext("conflict of interest: %(statement)s") % {"statement": self.conflict_statement}
            )
        elif self.conflict_of_interest:
            parts.append(gettext("no conflict of interest"))
        return "; ".join(parts)

    def confirmation(self) -> str:
        """What the member is told after voting: their vote and where the review stands."""
        if self.decision == self.REQUEST_CHANGES:
            return gettext(
                "You requested changes to “%(title)s”. It goes back to its author with your comment."
            ) % {"title": self.revision.object_str}
        task = self.task_state.task.specific
        page = self.task_state.workflow_state.content_object
        approvals = task.votes_that_count(self.task_state).filter(decision=self.APPROVE).count()
        needed = task.approvals_needed(page.specific if isinstance(page, Page) else page)
        message = gettext("You approved “%(title)s”. %(approvals)s of %(needed)s approvals.") % {
            "title": self.revision.object_str,
            "approvals": approvals,
            "needed": needed,
        }
        if approvals >= needed:
            message += " " + gettext("The board's review is complete.")
        return message
