"""manage.py check_catalogue: fail when a marked interface string is missing from or untranslated in a catalogue."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from translations.catalogue import catalogue_problems


class Command(BaseCommand):
    help = "Check that locale/<language>/LC_MESSAGES/django.po translates every string marked in the code."

    def add_arguments(self, parser):
        parser.add_argument("--language", default="es")

    def handle(self, *args, language, **options):
        po_path = settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"
        problems = catalogue_problems(settings.BASE_DIR, po_path, language)
        if problems:
            listed = "\n".join(f"  {msgid!r}" for msgid in problems)
            raise CommandError(
                f"{po_path}: {len(problems)} string(s) missing or untranslated:\n{listed}\n"
                f"Add them at the end of {po_path.name} with their translations, then run compilemessages."
            )
        self.stdout.write(f"{po_path}: every marked string is translated.")
