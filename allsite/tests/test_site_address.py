"""Links in emails follow the address the site is served at (WAGTAILADMIN_BASE_URL): `make run` passes the
host and port it serves, development reads the environment, production requires it."""

import os
import shutil
import stat
import subprocess
import sys

import pytest
from django.conf import settings

ROOT = settings.BASE_DIR


def fake_venv(tmp_path):
    """A stand-in for .venv whose python records how `make` ran it, and does nothing else."""
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    python = bin_dir / "python"
    python.write_text('#!/bin/sh\necho "WAGTAILADMIN_BASE_URL=$WAGTAILADMIN_BASE_URL $*" >> "$RUN_LOG"\n')
    python.chmod(python.stat().st_mode | stat.S_IXUSR)
    for marker in (".installed-runtime", ".installed-dev"):
        (tmp_path / "venv" / marker).touch()  # newer than the requirements files: nothing to install
    return tmp_path / "venv"


@pytest.mark.parametrize(
    ("arguments", "environment", "address"),
    [
        ([], {}, "http://127.0.0.1:8000"),
        (["PORT=8100"], {}, "http://127.0.0.1:8100"),
        (["HOST=localhost", "PORT=8200"], {}, "http://localhost:8200"),
        (["PORT=8100"], {"WAGTAILADMIN_BASE_URL": "https://guide.example.org"}, "https://guide.example.org"),
    ],
)
def test_make_run_gives_the_server_the_address_it_serves(tmp_path, arguments, environment, address):
    venv = fake_venv(tmp_path)
    log = tmp_path / "run.log"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("WAGTAILADMIN_BASE_URL", "HOST", "PORT")
    }
    result = subprocess.run(
        [shutil.which("make"), "--no-print-directory", "run", f"VENV={venv}", *arguments],
        cwd=ROOT,
        env={**env, **environment, "RUN_LOG": str(log)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    runserver = [line for line in log.read_text().splitlines() if " runserver " in line]
    assert runserver and runserver[0].startswith(f"WAGTAILADMIN_BASE_URL={address} manage.py runserver")


def settings_value(module, environment):
    env = {key: value for key, value in os.environ.items() if key != "WAGTAILADMIN_BASE_URL"}
    env.update(environment, DJANGO_SETTINGS_MODULE=module)
    code = "import django; django.setup(); from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_development_takes_the_address_from_the_environment():
    assert settings_value("allsite.settings.dev", {}).stdout.strip() == "http://127.0.0.1:8000"
    result = settings_value("allsite.settings.dev", {"WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8100/"})
    assert result.stdout.strip() == "http://127.0.0.1:8100"


PRODUCTION = {
    "SECRET_KEY": "x" * 50,
    "DATABASE_URL": "postgres://user@db:5432/allsite",
    "ALLOWED_HOSTS": "guide.example.org",
}


def test_production_requires_a_full_address():
    result = settings_value("allsite.settings.production", PRODUCTION)
    assert result.returncode != 0 and "WAGTAILADMIN_BASE_URL" in result.stderr.splitlines()[-1]

    result = settings_value(
        "allsite.settings.production", {**PRODUCTION, "WAGTAILADMIN_BASE_URL": "guide.example.org"}
    )
    assert result.returncode != 0
    assert (
        "WAGTAILADMIN_BASE_URL must be the site's address, such as https://guide.example.org, not 'guide.example.org'"
        in result.stderr.splitlines()[-1]
    )

    result = settings_value(
        "allsite.settings.production", {**PRODUCTION, "WAGTAILADMIN_BASE_URL": "https://guide.example.org"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "https://guide.example.org"
