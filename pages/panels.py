"""Admin panels of the guide's page types: the editor's statement about a revision, and the board's votes on
the page under review ("1 of 2 approvals", who and what)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel

from .models.boards import BoardReviewTask


def revision_panel() -> MultiFieldPanel:
    """The editor's statement about the revision, with the board's votes while it is in review."""
    return MultiFieldPanel(
        [BoardVotesPanel(), FieldPanel("revision_kind"), FieldPanel("change_summary")],
        heading=_("About this revision"),
    )


class BoardVotesPanel(Panel):
    """Read-only: the current board review's count and each vote that counts for the latest revision."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "pages/admin/board_votes_panel.html"

        def is_shown(self):
            return self.review() is not None

        def review(self) -> dict | None:
            if not hasattr(self, "_review"):
                self._review = None
                page = self.instance
                task_state = page.current_workflow_task_state if page and page.pk else None
                if task_state is not None:
                    task = task_state.task.specific
                    if isinstance(task, BoardReviewTask):
                        votes = list(task.votes_that_count(task_state))
                        self._review = {
                            "page": page,
                            "task": task,
                            "board": task.board_for(page),
                            "approvals": sum(1 for vote in votes if vote.decision == "approve"),
                            "needed": task.approvals_needed(page),
                            "votes": votes,
                        }
            return self._review

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["review"] = self.review()
            return context
