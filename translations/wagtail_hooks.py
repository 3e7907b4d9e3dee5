"""Admin registrations: the Translations report, dashboard panel, status view and "in step" publishing."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.models import Page

from pages.models import GuidePage, GuideSectionPage

from .admin_views import TranslationsReportView, translation_status_view
from .dashboard import TranslationsToDoPanel
from .publish_in_step import publish_in_step
from .status import SOURCE_LANGUAGE


def is_translation(page: Page) -> bool:
    return isinstance(page.specific_deferred, GuidePage | GuideSectionPage) and (
        page.locale.language_code != SOURCE_LANGUAGE
    )


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path("reports/translations/", TranslationsReportView.as_view(), name="translations_report"),
        path(
            "reports/translations/results/",
            TranslationsReportView.as_view(results_only=True),
            name="translations_report_results",
        ),
        path("translations/<int:page_id>/", translation_status_view, name="translation_status"),
        path(
            "translations/<int:page_id>/publish-in-step/",
            publish_in_step,
            name="translations_publish_in_step",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translations_report_menu_item():
    return MenuItem(_("Translations"), reverse("translations_report"), icon_name="globe", order=710)


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    panels.append(TranslationsToDoPanel())


@hooks.register("register_page_header_buttons")
def translation_status_button(page, user, view_name, next_url=None):
    if is_translation(page):
        yield Button(
            _("Translation status"),
            reverse("translation_status", args=[page.pk]),
            icon_name="globe",
            priority=80,
        )


class PublishInStepMenuItem(ActionMenuItem):
    """Publish and say the translation now matches the live English page (the plain Publish keeps the mark).

    The button posts the edit form to `publish_in_step` (publish_in_step.py), which publishes and marks in
    one transaction.
    """

    label = _("Publish, in step with English")
    name = "action-publish"
    icon_name = "upload"
    template_name = "translations/admin/publish_in_step_menu_item.html"
    order = 15

    def is_shown(self, context):
        if context["view"] != "edit" or context["locked_for_user"] or not is_translation(context["page"]):
            return False
        return self.get_user_page_permissions_tester(context).can_publish()

    def get_url(self, parent_context):
        return reverse("translations_publish_in_step", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_publish_in_step_menu_item():
    return PublishInStepMenuItem()
