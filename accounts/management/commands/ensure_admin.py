"""Create the local administrator account once, so a newcomer can sign in after `make run`."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create a superuser if none with that name exists. The username comes from ADMIN_USERNAME "
        "(default 'admin') and the password from ADMIN_PASSWORD; without it a random password is made "
        "and printed once. An existing account is left alone."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("ADMIN_USERNAME", "admin").strip() or "admin"
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Admin account '{username}' already exists; its password was not changed.")
            return

        password = os.environ.get("ADMIN_PASSWORD")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        user = User(
            username=username, email=os.environ.get("ADMIN_EMAIL", ""), is_staff=True, is_superuser=True
        )
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("ADMIN_PASSWORD is too weak: " + " ".join(error.messages)) from error
        user.set_password(password)
        user.save()

        self.stdout.write(self.style.SUCCESS(f"Created admin account '{username}'."))
        if generated:
            self.stdout.write(
                f"Sign in at /admin/ as '{username}' with password: {password}\n"
                "This password is shown only once. Change it with: manage.py changepassword " + username
            )
