"""manage.py restore FILE: put back the database and media of a backup archive (make restore FILE=…)."""

from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the configured database and the media folder with those in a backup archive. The archive is "
        "checked first: a missing or broken file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="an archive written by manage.py backup")

    def handle(self, *args, file, **options):
        try:
            restore_backup(file)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {file}. If this code is newer than the backup, run manage.py migrate."
            )
        )
