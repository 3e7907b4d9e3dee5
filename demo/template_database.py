"""The demo database made once and kept as a template, so that a test run starts in seconds.

Migrating and loading the demo content takes a minute or more; copying a database takes about one second:
on PostgreSQL with CREATE DATABASE … TEMPLATE, on SQLite as a file copy. The template is named after a hash of everything that decides its content
(migrations and the rest of the project's code, content/, the interface translations, the installed packages
and the settings module), so a change to any of them makes a new one and a stale template is never used.
Code that only answers requests is left out, so that editing a view does not cost a rebuild: views, URLs,
middleware and template tags (REQUEST_ONLY below) must not create or change data at load time.
Sessions sharing a server build each template once: the build holds an advisory lock (a file lock on
SQLite), and the template only gets its name, by a rename, once it is complete. The newest few templates are kept; older ones are dropped.
"""

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError

PREFIX = "allsite_demo_"
KEEP = 20  # templates kept (35 MB each): several worktrees and branches share a server, each with its own
# Folders whose files never decide the demo database: tests, tooling, documents, assets, local state.
SKIPPED_FOLDERS = {"tests", "docs", "bench", "static", "templates", "node_modules", "templatetags"}
# Modules that only answer requests: `migrate` and `load_demo_content` never run them.
REQUEST_ONLY = {"views.py", "urls.py", "middleware.py"}


def fingerprint(root=None):
    """A hash of every input of `migrate` + `load_demo_content`: project code (not tests), content/, locale/,
    the installed distributions and the settings module."""
    root = Path(root or settings.BASE_DIR)
    digest = hashlib.sha256()
    for path in sorted(_inputs(root)):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    for distribution in sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()):
        digest.update(distribution.encode() + b"\0")
    digest.update(settings.SETTINGS_MODULE.encode())
    return digest.hexdigest()


def _inputs(root):
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [
            name
            for name in subfolders
            if not name.startswith((".", "tmp-", "__")) and name not in SKIPPED_FOLDERS
        ]
        data_folder = Path(folder).relative_to(root).parts[:1] in (("content",), ("locale",))
        for name in files:
            if data_folder or (
                name.endswith(".py")
                and not name.startswith("test_")
                and name not in REQUEST_ONLY
                and name != "conftest.py"
            ):
                yield Path(folder) / name


def media_folder(template):
    """Media files the demo load wrote (images of the guides), kept beside the template on this machine."""
    return Path(tempfile.gettempdir()) / f"{template}-media"


def template_name():
    return PREFIX + fingerprint()[:20]


def ensure_template(connection, rebuild=False):
    """The name of the template database for the current code and content, built first if need be (or if
    `rebuild`). `connection` is Django's default connection (PostgreSQL), whose server holds the templates.
    """
    template = template_name()
    lock = int(template.removeprefix(PREFIX)[:15], 16)
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [lock])
        try:
            if rebuild or not (_exists(cursor, template) and media_folder(template).is_dir()):
                _build(cursor, connection.settings_dict, template)
                _drop_old_templates(cursor, template)
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [lock])
    return template


def ensure_sqlite_template(rebuild=False):
    """The SQLite file kept for the current code and content (in the system's temporary folder), built first
    if need be (or if `rebuild`); a file lock keeps concurrent sessions from building it twice."""
    template = template_name() + "_sqlite"
    path = Path(tempfile.gettempdir()) / f"{template}.sqlite3"
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if rebuild or not (path.is_file() and media_folder(template).is_dir()):
            building = path.with_suffix(".building")
            building.unlink(missing_ok=True)
            _load(f"sqlite:///{building}", template)
            building.replace(path)
            for old in sorted(path.parent.glob(f"{PREFIX}*.sqlite3"), key=lambda p: -p.stat().st_mtime)[
                KEEP:
            ]:
                old.unlink(missing_ok=True)
                shutil.rmtree(media_folder(old.stem), ignore_errors=True)
    return template, path


def _exists(cursor, name):
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    return cursor.fetchone() is not None


def _build(cursor, settings_dict, template):
    building = f"{template}_building"
    cursor.execute(f'DROP DATABASE IF EXISTS "{template}"')
    cursor.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')  # a build that was interrupted
    cursor.execute(f'CREATE DATABASE "{building}"')
    user, password = settings_dict["USER"] or "postgres", settings_dict["PASSWORD"]
    credentials = f"{user}:{password}" if password else user
    address = f"{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}"
    try:
        _load(f"postgres://{credentials}@{address}/{building}", template)
    except RuntimeError:
        cursor.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
        raise
    cursor.execute(f'ALTER DATABASE "{building}" RENAME TO "{template}"')


def _load(database_url, template):
    """`migrate` and `load_demo_content` into the empty database at `database_url`, as the tests' settings
    would, with the media files going to the template's own folder."""
    media = media_folder(template)
    shutil.rmtree(media, ignore_errors=True)
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
        "DATABASE_URL": database_url,
        "TEST_MEDIA_ROOT": str(media),
    }
    for command in (["migrate", "--no-input"], ["load_demo_content"]):
        result = subprocess.run(  # noqa: S603 - this Python, our manage.py, fixed arguments
            [sys.executable, "manage.py", *command, "-v0"],
            cwd=settings.BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {command[0]} failed while building {template}:\n{result.stderr}")
    media.mkdir(parents=True, exist_ok=True)


def _drop_old_templates(cursor, current):
    """Keep the KEEP newest templates (by creation order); a template being copied right now stays."""
    cursor.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname NOT LIKE %s ORDER BY oid DESC",
        [PREFIX.replace("_", r"\_") + "%", "%building"],
    )
    for (name,) in cursor.fetchall()[KEEP:]:
        if name == current:
            continue
        try:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        except DatabaseError:  # in use by another session: it goes next time
            continue
        shutil.rmtree(media_folder(name), ignore_errors=True)


def copy_media(template):
    """Put the media files the template's rows refer to into this run's MEDIA_ROOT."""
    shutil.copytree(media_folder(template), settings.MEDIA_ROOT, dirs_exist_ok=True)
