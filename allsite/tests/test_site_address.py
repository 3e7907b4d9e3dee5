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


def settings_values(*lookups):
    """WAGTAILADMIN_BASE_URL as each (settings module, environment) of `lookups` makes it, each in a fresh
    process: the results, in order. The processes run at the same time (starting Django takes a second or two)."""
    code = "import django; django.setup(); from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"
    processes = []
    for module, environment in lookups:
        env = {key: value for key, value in os.environ.items() if key != "WAGTAILADMIN_BASE_URL"}
        env.update(environment, DJANGO_SETTINGS_MODULE=module)
        processes.append(
            subprocess.Popen(
                [sys.executable, "-c", code],
                env=env,
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    results = []
    for process in processes:
        stdout, stderr = process.communicate()
        results.append(subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr))
    return results


def test_development_takes_the_address_from_the_environment():
    default, given = settings_values(
        ("allsite.settings.dev", {}),
        ("allsite.settings.dev", {"WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8100/"}),
    )
    assert default.stdout.strip() == "http://127.0.0.1:8000"
    assert given.stdout.strip() == "http://127.0.0.1:8100"


PRODUCTION = {
    "SECRET_KEY": "x" * 50,
    "DATABASE_URL": "postgres://user@db:5432/allsite",
    "ALLOWED_HOSTS": "guide.example.org",
}


def test_production_requires_a_full_address():
    missing, hostname_only, full = settings_values(
        ("allsite.settings.production", PRODUCTION),
        ("allsite.settings.production", {**PRODUCTION, "WAGTAILADMIN_BASE_URL": "guide.example.org"}),
        ("allsite.settings.production", {**PRODUCTION, "WAGTAILADMIN_BASE_URL": "https://guide.example.org"}),
    )
    assert missing.returncode != 0 and "WAGTAILADMIN_BASE_URL" in missing.stderr.splitlines()[-1]

    assert hostname_only.returncode != 0
    assert (
        "WAGTAILADMIN_BASE_URL must be the site's address, such as https://guide.example.org, not 'guide.example.org'"
        in hostname_only.stderr.splitlines()[-1]
    )

    assert full.returncode == 0, full.stderr
    assert full.stdout.strip() == "https://guide.example.org"
