"""The admin dashboard's "Reviews due" panel."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from .review_status import due_for_review, pages_user_can_act_on


class ReviewsDuePanel(Component):
    """Dashboard panel: pages overdue for review or due in the next 30 days that this user can act on."""

    name = "reviews_due"
    order = 110
    template_name = "pages/admin/reviews_due_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        pages = list(pages_user_can_act_on(self.user, due_for_review(today))[:20])
        return {
            "overdue": [p for p in pages if p.review_due < today],
            "due_soon": [p for p in pages if p.review_due >= today],
        }
