"""One backup archive (.tar.gz): manifest.json, the database dump and the media folder.

PostgreSQL is dumped with pg_dump's custom format and restored with pg_restore in one transaction. SQLite is
dumped with Django's dumpdata, primary keys as they are (content types and permissions included, so that
references to them stay right), and restored by emptying every table and loading the dump, in one
transaction. A restore checks the whole archive before it touches anything, so a bad file changes nothing.
"""

import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction

FORMAT = "allsite-backup"
VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DUMP_FILES = {"postgresql": "database.dump", "sqlite": "database.json"}
SQLITE_EXCLUDES = ["sessions"]  # a restore signs everyone out


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message names the file and what is wrong."""


def database_kind() -> str:
    engine = connection.settings_dict["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite" in engine:
        return "sqlite"
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {engine}.")


def create_backup(output_dir: str | Path) -> Path:
    """Write allsite-YYYYmmdd-HHMMSS.tar.gz into output_dir and return its path."""
    kind = database_kind()
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    created = datetime.now()
    target = output_dir / f"allsite-{created:%Y%m%d-%H%M%S}.tar.gz"
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / DUMP_FILES[kind]
        if kind == "postgresql":
            _run_pg("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}")
        else:
            call_command(
                "dumpdata", *_apps_in_load_order(), exclude=SQLITE_EXCLUDES, output=str(dump), verbosity=0
            )
        manifest = Path(tmp) / MANIFEST
        manifest.write_text(
            json.dumps(
                {"format": FORMAT, "version": VERSION, "database": kind, "created": created.isoformat()}
            )
        )
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(manifest, MANIFEST)
            tar.add(dump, dump.name)
            media_root = Path(settings.MEDIA_ROOT)
            tar.add(media_root if media_root.is_dir() else tmp, MEDIA, recursive=media_root.is_dir())
        partial.rename(target)  # never a half-written archive under the final name
    return target


def restore_backup(path: str | Path) -> None:
    """Replace the database and the media folder with the archive's, or change nothing and raise."""
    path = Path(path)
    kind = database_kind()
    if not path.is_file():
        raise BackupError(f"{path}: no such file.")
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".restore-") as tmp:
        dump = _unpack(path, Path(tmp), kind)
        if kind == "postgresql":
            _run_pg(
                "pg_restore", "--list", str(dump), path=path, database=False
            )  # readable, before any change
            connection.close()
            _run_pg(
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                str(dump),
                path=path,
            )
        else:
            _load_sqlite(dump, path)
        _replace_media(Path(tmp) / MEDIA, media_root)
    ContentType.objects.clear_cache()
    cache.clear()  # pages and the glossary snapshot cached from the database that was replaced


def _unpack(path, tmp, kind):
    try:
        with tarfile.open(path, "r:gz") as tar:
            names = tar.getnames()
            if MANIFEST not in names:
                raise BackupError(f"{path}: not an allsite backup archive (no {MANIFEST}).")
            manifest = json.load(tar.extractfile(MANIFEST))
            if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
                raise BackupError(f"{path}: not an allsite backup archive of version {VERSION}.")
            if manifest.get("database") != kind:
                raise BackupError(
                    f"{path}: holds a {manifest.get('database')} database, but this site uses {kind}."
                )
            if DUMP_FILES[kind] not in names:
                raise BackupError(f"{path}: the database dump {DUMP_FILES[kind]} is missing.")
            tar.extractall(tmp, filter="data")  # refuses absolute paths, '..' and links out of tmp
    except (tarfile.TarError, EOFError, OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{path}: not a readable backup archive ({error}).") from error
    return tmp / DUMP_FILES[kind]


def _apps_in_load_order():
    """Content types and permissions first: saving other rows may look content types up (and make them)."""
    first = ["contenttypes", "auth"]
    return first + [config.label for config in django_apps.get_app_configs() if config.label not in first]


def _load_sqlite(dump, path):
    try:
        json.loads(dump.read_text())
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{path}: the database dump is not valid JSON ({error}).") from error
    with transaction.atomic():  # flush and load together: a failure leaves the database as it was
        # No post_migrate: the dump brings its own content types and permissions, with their keys.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        ContentType.objects.clear_cache()
        call_command("loaddata", str(dump), verbosity=0)


def _replace_media(new_media, media_root):
    if not new_media.is_dir():
        return
    old = media_root.with_name(f".{media_root.name}-before-restore")
    shutil.rmtree(old, ignore_errors=True)
    if media_root.exists():
        media_root.rename(old)
    new_media.rename(media_root)
    shutil.rmtree(old, ignore_errors=True)


def _run_pg(program, *args, path=None, database=True):
    """Run pg_dump/pg_restore against the configured (under tests: the test) database."""
    settings_dict = connection.settings_dict
    env = {**os.environ}
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    target = [f"--dbname={settings_dict['NAME']}"] if database else []
    try:
        subprocess.run(  # noqa: S603 - fixed program, arguments from settings and our own temp files
            [program, *target, *args], env=env, check=True, capture_output=True, text=True
        )
    except FileNotFoundError as error:
        raise BackupError(f"{program} is not installed (apt-get install postgresql-client).") from error
    except subprocess.CalledProcessError as error:
        where = f"{path}: " if path else ""
        raise BackupError(f"{where}{program} failed: {error.stderr.strip()}") from error
