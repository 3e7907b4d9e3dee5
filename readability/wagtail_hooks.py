"""Admin registrations: the Checks panel's script, Reports → Readability, each board's targets (Settings →
Readability targets, and a button beside each board in Snippets → Editorial boards), and readability in
board review (the approval form's reason below the target, the notes in the votes panel)."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from pages.models import EditorialBoard

from .admin_views import ReadabilityReportView
from .models import BoardTargets
from .votes import add_reason_field, review_notes


@hooks.register("insert_editor_js")
def checks_panel_script():
    return format_html('<script src="{}" defer></script>', static("readability/js/checks.js"))


@hooks.register("construct_board_approval_form")
def ask_for_a_reason_below_target(form):
    add_reason_field(form)


@hooks.register("insert_board_review_notes")
def readability_review_notes(page):
    return review_notes(page)


@hooks.register("register_admin_urls")
def register_readability_report_urls():
    return [
        path("reports/readability/", ReadabilityReportView.as_view(), name="readability_report"),
        path(
            "reports/readability/results/",
            ReadabilityReportView.as_view(results_only=True),
            name="readability_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_readability_report_menu_item():
    return MenuItem(_("Readability"), reverse("readability_report"), icon_name="glasses", order=720)


class BoardTargetsPermissionPolicy(ModelPermissionPolicy):
    """Targets are part of a board: whoever may change editorial boards may set, change or remove them."""

    def __init__(self):
        super().__init__(BoardTargets, auth_model=EditorialBoard)

    def user_has_permission(self, user, action):
        return super().user_has_permission(user, "change")

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(["change"])


board_targets_policy = BoardTargetsPermissionPolicy()
register_permission_policy(BoardTargets, board_targets_policy, exact_class=True)


class BoardTargetsCreateView(CreateView):
    def get_initial(self):
        """The button beside a board in the boards listing names that board."""
        return {**super().get_initial(), "board": self.request.GET.get("board")}


class BoardTargetsViewSet(ModelViewSet):
    model = BoardTargets
    icon = "glasses"
    menu_label = _("Readability targets")
    add_to_settings_menu = True
    name = "readability_targets"
    list_display = ["board", "english_max_grade", "spanish_min_inflesz"]
    form_fields = ["board", "english_max_grade", "spanish_min_inflesz"]
    add_view_class = BoardTargetsCreateView


board_targets_viewset = BoardTargetsViewSet()


@hooks.register("register_admin_viewset")
def register_board_targets_viewset():
    return board_targets_viewset


@hooks.register("register_snippet_listing_buttons")
def board_targets_button(snippet, user, next_url=None):
    if not isinstance(
        snippet, EditorialBoard
    ) or not board_targets_viewset.permission_policy.user_has_permission(user, "change"):
        return
    targets = BoardTargets.objects.filter(board=snippet).first()
    if targets:
        url = reverse(board_targets_viewset.get_url_name("edit"), args=[targets.pk])
    else:
        url = reverse(board_targets_viewset.get_url_name("add")) + f"?board={snippet.pk}"
    yield Button(_("Readability targets"), url, icon_name="glasses", priority=50)
