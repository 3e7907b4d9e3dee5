"""manage.py send_review_reminders: one email per board member listing their pages due for review, in their
language (pages.notifications)."""

from collections import defaultdict

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from pages.models import EditorialBoard, ReviewReminder
from pages.notifications import send_review_reminder
from pages.review_status import DUE_SOON_DAYS, due_for_review


class Command(BaseCommand):
    help = (
        f"Email each editorial board member the pages of their boards that are overdue for review or due "
        f"within {DUE_SOON_DAYS} days. Nobody is emailed twice on the same day. Run it daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="say who would be emailed; send nothing")

    def handle(self, *args, dry_run, **options):
        today = timezone.localdate()
        due = list(due_for_review(today))
        pages_by_user = defaultdict(dict)
        for board in EditorialBoard.objects.select_related("group"):
            board_pages = [page for page in due if page.review_board_id == board.pk]
            if not board_pages:
                continue
            for user in board.group.user_set.filter(is_active=True).exclude(email=""):
                pages_by_user[user].update({page.pk: page for page in board_pages})

        sent = 0
        for user, pages in sorted(pages_by_user.items(), key=lambda item: item[0].username):
            if ReviewReminder.objects.filter(user=user, sent_on=today).exists():
                self.stdout.write(f"{user.username}: already reminded today")
                continue
            pages = sorted(pages.values(), key=lambda page: page.review_due)
            if dry_run:
                self.stdout.write(
                    f"{user.username} <{user.email}>: would be reminded of {len(pages)} page(s)"
                )
                continue
            with transaction.atomic():
                ReviewReminder.objects.create(user=user, sent_on=today, page_count=len(pages))
                send_review_reminder(user, pages, today)
            sent += 1
            self.stdout.write(f"{user.username} <{user.email}>: reminded of {len(pages)} page(s)")
        self.stdout.write(f"{sent} reminder(s) sent." if not dry_run else "Dry run: nothing was sent.")
