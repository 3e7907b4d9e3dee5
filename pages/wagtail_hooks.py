"""Admin registrations: editorial boards as snippets, and how board votes read in the audit log."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EditorialBoard


class EditorialBoardViewSet(SnippetViewSet):
    model = EditorialBoard
    icon = "group"
    menu_label = _("Editorial boards")
    list_display = ["name", "group", "review_cycle_months", "quorum"]
    search_fields = ["name_en", "name_es"]


register_snippet(EditorialBoardViewSet)


@hooks.register("register_log_actions")
def register_board_vote_action(actions):
    @actions.register_action("pages.board_vote")
    class BoardVoteFormatter(LogFormatter):
        label = _("Board vote")

        def format_message(self, log_entry):
            data = log_entry.data
            decision = _("approved") if data.get("decision") == "approve" else _("requested changes")
            return _("%(decision)s in '%(task)s' (%(approvals)s of %(needed)s approvals)") % {
                "decision": decision,
                "task": data.get("task", {}).get("title", ""),
                "approvals": data.get("approvals"),
                "needed": data.get("needed"),
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "")
