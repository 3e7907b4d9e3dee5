"""manage.py import_guide PATH: create or update a guide's pages from its Markdown files."""

from django.core.management.base import BaseCommand, CommandError

from content_files.errors import ContentError
from pages.importer import import_guide


class Command(BaseCommand):
    help = (
        "Import a guide folder (docs/content-format.md). New and changed pages get a draft revision for "
        "editors to review; nothing is published unless --publish is given, and --publish refuses a page "
        "edited in the admin since its last import unless --force is given. Any bad file or refusal stops "
        "the whole import and nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="guide folder, e.g. content/guides/childhood-all")
        parser.add_argument("--publish", action="store_true", help="publish new and changed pages")
        parser.add_argument(
            "--force",
            action="store_true",
            help="with --publish: publish even over revisions made in the admin since the last import",
        )
        parser.add_argument(
            "--summary",
            default="",
            help="public one-line summary of the change (default: 'First published.' or 'Updated.')",
        )

    def handle(self, *args, path, publish, force, summary, **options):
        try:
            report = import_guide(path, publish=publish, summary=summary, force=force)
        except ContentError as error:
            raise CommandError(f"{error}\nNothing was imported.") from error
        self.stdout.write(report.summary(path))
