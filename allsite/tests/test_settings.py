"""Production settings refuse to start on missing secrets, naming what is missing."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

REQUIRED = {
    "SECRET_KEY": "x" * 50,
    "DATABASE_URL": "postgres://user@db:5432/allsite",
    "ALLOWED_HOSTS": "example.org",
    "WAGTAILADMIN_BASE_URL": "https://example.org",
}


def import_production(environment):
    env = {key: value for key, value in os.environ.items() if key not in REQUIRED}
    env.update(environment, DJANGO_SETTINGS_MODULE="allsite.settings.production")
    code = "import django; django.setup(); from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_production_names_each_missing_variable(missing):
    result = import_production({k: v for k, v in REQUIRED.items() if k != missing})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr.splitlines()[-1]


def test_production_starts_with_all_variables_and_uses_postgresql():
    result = import_production(REQUIRED)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_static_files_get_compressed_hashed_names_in_production():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from allsite.settings import production as p; print(p.STORAGES['staticfiles'])",
        ],
        env={**os.environ, **REQUIRED},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "CompressedManifestStaticFilesStorage" in result.stdout
