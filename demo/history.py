"""The demo guides' editorial history (content/demo-history.yaml), applied once, to pages just created.

A new demo site should show what the dates do: reviews overdue and due soon, substantive changes on several
dates, a Spanish section behind its English page. Each event is a real publication (a revision, its
PublicationRecord, its audit-log entries, the translation mark), moved back to its date afterwards, so the
admin's history, the public dates and the reports all tell the same story.
"""

import datetime
from collections.abc import Container
from pathlib import Path

import yaml
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from content_files.errors import ContentError
from pages.models import GuidePage, PublicationRecord, RevisionKind
from pages.models.boards import board_for_page
from pages.models.review_dates import recompute_dates
from translations.marks import mark_in_step
from translations.models import TranslationStatus

EVENT_KEYS = {"page", "days_ago", "kind", "summary", "reviewed", "in_step"}


def apply_demo_history(
    path: Path, created_page_ids: Container[int], now: datetime.datetime | None = None
) -> None:
    """Move the first publications of the created pages back in time and publish the file's later events.

    Pages not in `created_page_ids` (already in the site before this run) are never touched. Raises
    ContentError naming the file and line for an unknown page, key or kind.
    """
    path = Path(path)
    now = now or timezone.now()
    text = path.read_text(encoding="utf-8")
    history = yaml.safe_load(text) or {}
    pages = _pages_by_reference()
    for reference, days_ago in (history.get("first_published") or {}).items():
        guide, _slash, language = reference.partition("/")
        matching = [page for ref, page in pages.items() if ref.startswith(f"{guide}/{language}/")]
        if not matching:
            raise ContentError(
                path, _line_of(text, reference), f"no guide '{guide}' in language '{language}'"
            )
        for page in matching:
            if page.pk in created_page_ids:
                _move_back(page, None, now - datetime.timedelta(days=days_ago))
    events = history.get("events") or []
    for event in sorted(events, key=lambda event: -event.get("days_ago", 0)):
        page = _checked_page(event, pages, path, text)
        if page.pk in created_page_ids:
            _publish(page, event, now - datetime.timedelta(days=event["days_ago"]))


def _pages_by_reference():
    """Every guide and section as "guide/language/slug", the guide named by its English slug (its folder)."""
    pages = {}
    for english in GuidePage.objects.filter(locale__language_code="en"):
        for guide in GuidePage.objects.filter(translation_key=english.translation_key).select_related(
            "locale"
        ):
            prefix = f"{english.slug}/{guide.locale.language_code}/"
            for page in [guide, *guide.get_children().specific()]:
                pages[prefix + page.slug] = page
    return pages


def _checked_page(event, pages, path, text):
    reference = event.get("page", "")
    line = _line_of(text, reference)
    unknown = set(event) - EVENT_KEYS
    if unknown:
        raise ContentError(path, line, f"unknown key(s) {', '.join(sorted(unknown))}")
    if reference not in pages:
        raise ContentError(path, line, f"no page '{reference}' (guide/language/slug)")
    if event.get("kind") not in RevisionKind.values or not isinstance(event.get("days_ago"), int):
        raise ContentError(path, line, "each event needs a kind (substantive, minor, review) and days_ago")
    if event["kind"] == RevisionKind.SUBSTANTIVE and not event.get("summary"):
        raise ContentError(path, line, "a substantive change needs its public summary")
    return pages[reference]


def _publish(page, event, when):
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    draft.revision_kind = event["kind"]
    draft.change_summary = event.get("summary", "") if event["kind"] == RevisionKind.SUBSTANTIVE else ""
    revision = draft.save_revision(log_action=True)
    revision.publish()
    PublicationRecord.objects.filter(revision=revision).update(reviewed=bool(event.get("reviewed")))
    if event.get("in_step"):
        mark_in_step(page)
    _move_back(page, revision, when, moves_mark=bool(event.get("in_step")))


def _move_back(page, revision, when, moves_mark=True):
    """Date a publication `when`: its revision, record and log entries, and the translation mark it made;
    `revision` None means everything the page has so far (its first publication). Events are applied in date
    order, so the dates recomputed here are the page's dates as of that publication."""
    if revision is None:
        revisions = Revision.page_revisions.filter(object_id=str(page.pk))
        log_entries = PageLogEntry.objects.filter(page_id=page.pk)
        moved = {"first_published_at": when, "last_published_at": when, "latest_revision_created_at": when}
    else:
        revisions = Revision.objects.filter(pk=revision.pk)
        log_entries = PageLogEntry.objects.filter(page_id=page.pk, revision_id=revision.pk)
        moved = {"last_published_at": when, "latest_revision_created_at": when}
    revision_ids = list(revisions.values_list("pk", flat=True))
    revisions.update(created_at=when)
    PublicationRecord.objects.filter(page_id=page.pk, revision_id__in=revision_ids).update(published_at=when)
    log_entries.update(timestamp=when)
    Page.objects.filter(pk=page.pk).update(**moved)
    if moves_mark:
        TranslationStatus.objects.filter(page_id=page.pk).update(in_step_at=when)
    page = Page.objects.get(pk=page.pk).specific
    dates = {
        name: str(value) if value else ""
        for name, value in recompute_dates(page, board_for_page(page)).items()
    }
    for entry in log_entries.filter(action="pages.dates_changed"):
        entry.data.update(dates)
        entry.save(update_fields=["data"])


def _line_of(text, needle):
    for number, line in enumerate(text.splitlines(), start=1):
        if needle and needle in line:
            return number
    return 0
