"""Emails about reviews, each in its recipient's language (their preferred admin language, English by
default: accounts.email_language) with links to the address the site is served at (WAGTAILADMIN_BASE_URL).

- Board members get Wagtail's "submitted for review" email when a page reaches their board's task.
- Wagtail's own workflow emails (submitted, approved, changes requested, a group's sign-off task) go out as
  Wagtail sends them, except that a recipient with no preferred language gets English: Wagtail would use the
  language of whoever acted (a Spanish-speaking reviewer would make an English speaker's notice Spanish).
- Review reminders (manage.py send_review_reminders): one email per member listing their pages due.

`connect_email_notifiers()` connects them all. It runs when this app is ready, before wagtail.admin's
(INSTALLED_APPS order), and takes Wagtail's own dispatch_uids, so Wagtail's later connections are no-ops
and each email goes out once.
"""

import datetime
from collections.abc import Sequence

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.mail import (
    BaseGroupApprovalTaskStateEmailNotifier,
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from accounts.email_language import in_language_of

from .models import BoardReviewTask, EditorialBoard


class EnglishByDefault:
    """Wagtail writes each email in the recipient's preferred language, else in the active one: make that
    English while the emails are written."""

    def send_notifications(self, template_set, context, recipients, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return super().send_notifications(template_set, context, recipients, **kwargs)


class BoardReviewSubmissionEmailNotifier(EnglishByDefault, BaseGroupApprovalTaskStateEmailNotifier):
    """Wagtail's group-approval submission email (same templates), sent to the reviewing board's members."""

    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        return isinstance(instance.task.specific, BoardReviewTask)

    def get_recipient_users(self, task_state, **kwargs):
        page = task_state.workflow_state.content_object
        board = task_state.task.specific.board_for(page)
        if board is None:
            return get_user_model().objects.none()
        members = board.group.user_set.all()
        if (user := kwargs.get("user")) is not None:
            members = members.exclude(pk=user.pk)
        return members


class GroupTaskSubmissionEmailNotifier(EnglishByDefault, GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class WorkflowSubmissionEmailNotifier(EnglishByDefault, WorkflowStateSubmissionEmailNotifier):
    pass


class WorkflowApprovalEmailNotifier(EnglishByDefault, WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejectionEmailNotifier(EnglishByDefault, WorkflowStateRejectionEmailNotifier):
    pass


# Module-level: signals hold only weak references to their receivers. (signal, sender, dispatch_uid).
EMAIL_NOTIFIERS = {
    BoardReviewSubmissionEmailNotifier(): (
        task_submitted,
        TaskState,
        "board_review_submitted_email_notification",
    ),
    # Wagtail's own dispatch_uids (wagtail.admin.signal_handlers): these replace its notifiers.
    GroupTaskSubmissionEmailNotifier(): (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
    ),
    WorkflowSubmissionEmailNotifier(): (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
    ),
    WorkflowRejectionEmailNotifier(): (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
    ),
    WorkflowApprovalEmailNotifier(): (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
    ),
}


def connect_email_notifiers() -> None:
    for notifier, (signal, sender, dispatch_uid) in EMAIL_NOTIFIERS.items():
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)


def send_review_reminder(user: User, pages: Sequence[Page], today: datetime.date) -> None:
    """Email `user` the `pages` of their boards that are due for review (soonest first), in their language."""
    boards = EditorialBoard.objects.in_bulk({page.review_board_id for page in pages})
    overdue = sum(1 for page in pages if page.review_due < today)
    with in_language_of(user):
        subject = ngettext(
            "Reviews due: %(count)d page, %(overdue)d overdue",
            "Reviews due: %(count)d pages, %(overdue)d overdue",
            len(pages),
        ) % {"count": len(pages), "overdue": overdue}
        lines = [
            _("Hello %(name)s,") % {"name": user.get_full_name() or user.get_username()},
            "",
            _("These pages are due for review:"),
            "",
        ]
        for page in pages:
            values = {
                "title": page.title,
                "language": page.locale.get_display_name(),
                "board": boards.get(page.review_board_id, "—"),  # named in this language
                "date": page.review_due.isoformat(),
            }
            if page.review_due < today:
                line = _("%(title)s (%(language)s, %(board)s): OVERDUE since %(date)s") % values
            else:
                line = _("%(title)s (%(language)s, %(board)s): due %(date)s") % values
            edit_url = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[page.pk])
            lines += [f"- {line}", f"  {edit_url}"]
        body = "\n".join(lines)
    send_mail(subject, body, None, [user.email])
