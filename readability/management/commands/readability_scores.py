"""Print every guide section's readability scores, as Reports → Readability shows them.

    manage.py readability_scores [--language CODE] [--check]

Revisions saved before the readability app was installed (or scored by an older version of it) are
scored first, so this is also the command to run once after deploying it. `--check` exits with status 1
when a section misses its board's target or reads more than one band harder than its English source.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page, Revision

from ...report import LEVELS, MISSES, PARITY_HARDER, label_of, sections_with_scores
from ...revisions import revision_score


def section_path(page: Page) -> str:
    """ "childhood-all/phases-of-treatment": the page's path below its home page."""
    return "/".join(page.url_path.strip("/").split("/")[1:])


class Command(BaseCommand):
    help = "Score guide sections that have no scores yet and print every section's scores."

    def add_arguments(self, parser):
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            help="Only sections in this language.",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Exit with status 1 if a section misses its target or its English parity.",
        )

    def handle(self, *args, language=None, check=False, **options):
        sections = sections_with_scores()
        if language:
            sections = sections.filter(language=language)
        unscored = [row.shown_revision_id for row in sections if row.words is None and row.shown_revision_id]
        for revision in Revision.objects.filter(pk__in=unscored):
            revision_score(revision)
        rows = list(sections_with_scores().filter(pk__in=[row.pk for row in sections]))
        level = label_of(LEVELS)
        self.stdout.write(
            f"{'language':8} {'section':48} {'words':>6} {'sentences':>9} {'score':>30} "
            f"{'band':20} {'long':>4} {'target':8} parity"
        )
        failures = 0
        for row in rows:
            if row.level is None:
                score = "not enough text" if row.words is not None else "no revision"
            elif row.language == "es":
                score = f"INFLESZ {row.inflesz:5.1f}  F-H {row.fernandez_huerta:5.1f}"
            else:
                score = f"grade {row.grade:4.1f}  ease {row.reading_ease:5.1f}"
            failed = row.target_status == MISSES or row.parity_status == PARITY_HARDER
            failures += failed
            self.stdout.write(
                f"{row.language:8} {section_path(row)[:48]:48} {row.words or 0:6} {row.sentences or 0:9} {score:>30} "
                f"{level(row.level):20} {row.long_sentence_count or 0:4} {row.target_status:8} "
                f"{row.parity_status or '-'}"
            )
        self.stdout.write(
            f"{len(rows) - failures} of {len(rows)} sections meet their board's targets and parity."
        )
        if check and failures:
            raise CommandError(f"{failures} sections miss their board's target or their English parity.")
