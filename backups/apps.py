from django.apps import AppConfig


class BackupsConfig(AppConfig):
    """Back up and restore the database and media (make backup / make restore)."""

    name = "backups"
