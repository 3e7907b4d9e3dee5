"""manage.py export_glossary: every glossary term as CSV, for translators and boards."""

from django.core.management.base import BaseCommand

from glossary.csv_files import write_csv


class Command(BaseCommand):
    help = (
        "Write every glossary term as CSV (both languages side by side) to standard output or --output. "
        "Terms are exported as last edited, drafts included; --live exports only what families see now."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="file to write instead of standard output")
        parser.add_argument("--live", action="store_true", help="only live terms, as published")

    def handle(self, *args, output, live, **options):
        if output:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                write_csv(handle, live=live)
        else:
            write_csv(self.stdout, live=live)
