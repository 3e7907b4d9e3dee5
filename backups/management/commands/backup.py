"""manage.py backup: one archive with the database and the media folder (make backup)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write the database (pg_dump on PostgreSQL, dumpdata on SQLite) and the media folder to one archive."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=str(settings.BASE_DIR / "backups"),
            help="folder for the archive (default: backups/)",
        )

    def handle(self, *args, output, **options):
        try:
            archive = create_backup(output)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {archive}"))
