"""The admin dashboard's panels for reviewers: "Awaiting your review" and "Reviews due"."""

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from .models import BoardReviewTask, BoardVote
from .review_status import due_for_review, pages_user_can_act_on, with_status


class ReviewsDuePanel(Component):
    """Dashboard panel: pages overdue for review and pages due in the next 30 days that this user can act on,
    the first few of each with how many there are, so a long overdue list never hides what is due soon."""

    name = "reviews_due"
    order = 110
    template_name = "pages/admin/reviews_due_panel.html"
    shown = 10

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        pages = pages_user_can_act_on(self.user, due_for_review(timezone.localdate()))
        overdue, due_soon = with_status(pages, "overdue"), with_status(pages, "due_soon")
        return {
            "overdue": list(overdue[: self.shown]),
            "overdue_count": overdue.count(),
            "due_soon": list(due_soon[: self.shown]),
            "due_soon_count": due_soon.count(),
        }


class AwaitingReviewPanel(Component):
    """Dashboard panel in place of Wagtail's "Awaiting your review" (same name): its actions are labelled
    buttons, not a "⋯" menu, and a board review shows the approvals so far and the member's own vote instead
    of offering the task again with nothing to do. For board members it comes first."""

    name = "workflow_objects_to_moderate"
    template_name = "pages/admin/awaiting_review_panel.html"

    def __init__(self, user):
        self.user = user
        self.order = 50 if user.groups.filter(editorial_board__isnull=False).exists() else 220

    def get_context_data(self, parent_context=None):
        states = (
            TaskState.objects.reviewable_by(self.user)
            .select_related("revision", "revision__user", "workflow_state", "task")
            .prefetch_related("revision__content_object")
            .order_by("-started_at")
        )
        rows = [row for row in (self._row(state) for state in states) if row]
        return {"rows": rows, "csrf_token": (parent_context or {}).get("csrf_token")}

    def _row(self, state):
        obj = state.revision.content_object
        if obj is None:  # a revision of something deleted
            return None
        task = state.task.specific
        row = {"obj": obj, "task_state": state, "task": task, "actions": task.get_actions(obj, self.user)}
        row["is_page"] = isinstance(obj, Page)
        if row["is_page"]:
            row["urls"] = {
                name: f"wagtailadmin_pages:{name}"
                for name in ("workflow_action", "workflow_preview", "revisions_compare")
            }
        else:
            row["urls"] = {
                name: obj.snippet_viewset.get_url_name(name)
                for name in ("workflow_action", "workflow_preview", "revisions_compare")
            }
        row["previewable"] = getattr(obj, "is_previewable", False)
        if isinstance(task, BoardReviewTask):
            votes = list(task.votes_that_count(state))
            row["approvals"] = sum(1 for vote in votes if vote.decision == BoardVote.APPROVE)
            row["needed"] = task.approvals_needed(obj)
            row["my_vote"] = next((vote for vote in votes if vote.user_id == self.user.pk), None)
            if not row["actions"] and row["my_vote"] is None:
                row["cannot_vote"] = task.refusal_reason(obj, self.user, state)
        return row
