"""Test set-up shared by every app: the demo content is loaded once into the test database."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the English and Spanish demo guides once; each test then runs in a rolled-back transaction."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


@pytest.fixture
def english_home():
    from pages.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def spanish_home():
    from pages.models import HomePage

    return HomePage.objects.get(locale__language_code="es")
