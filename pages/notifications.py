"""Board members get Wagtail's usual "submitted for review" email when a page reaches their board's task."""

from django.contrib.auth import get_user_model
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier

from .models import BoardReviewTask


class BoardReviewSubmissionEmailNotifier(BaseGroupApprovalTaskStateEmailNotifier):
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
