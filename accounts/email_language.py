"""The language of the emails a person receives: their preferred admin language (Wagtail's
UserProfile.preferred_language, set in Account → Preferences or on the user form), English by default.

Never the language of whoever caused the email: a reviewer working in Spanish does not make an English
speaker's notice Spanish.
"""

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import translation
from wagtail.users.models import UserProfile


def email_language(user: User) -> str:
    preferred = UserProfile.objects.filter(user=user).values_list("preferred_language", flat=True).first()
    return preferred or settings.LANGUAGE_CODE


def in_language_of(user: User) -> translation.override:
    """`with in_language_of(user):` writes subject and body in the recipient's language."""
    return translation.override(email_language(user))
