"""manage.py import_glossary FILE.csv: create or update glossary terms from a CSV file, all or nothing."""

from django.core.management.base import BaseCommand, CommandError

from glossary.csv_files import read_csv
from glossary.importing import GlossaryImportError, write_terms


class Command(BaseCommand):
    help = (
        "Import glossary terms from a CSV file (the columns export_glossary writes). New and changed terms "
        "get a draft revision for review; nothing is published unless --publish is given. Any bad row stops "
        "the import and nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV file, e.g. glossary.csv")
        parser.add_argument("--publish", action="store_true", help="publish new and changed terms")

    def handle(self, *args, path, publish, **options):
        try:
            report = write_terms(read_csv(path), publish=publish)
        except GlossaryImportError as error:
            raise CommandError(f"{error}\nNothing was imported.") from error
        self.stdout.write(report.summary(path))
