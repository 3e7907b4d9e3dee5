"""The catalogue check: it finds missing and untranslated strings, and our catalogue passes it."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from translations.catalogue import catalogue_problems

needs_gettext = pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")

PO_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.fixture
def project(tmp_path):
    """A tiny source tree with one template string and one Python string."""
    (tmp_path / "app" / "templates").mkdir(parents=True)
    (tmp_path / "app" / "templates" / "page.html").write_text(
        '{% load i18n %}<p>{% translate "Hello families" %}</p>'
    )
    (tmp_path / "app" / "views.py").write_text(
        'from django.utils.translation import gettext as _\nTITLE = _("Guide")\n'
    )
    return tmp_path


def write_po(path, entries):
    body = "".join(f'{flags}msgid "{msgid}"\nmsgstr "{msgstr}"\n\n' for msgid, msgstr, flags in entries)
    path.write_text(PO_HEADER + body, encoding="utf-8")
    return path


@needs_gettext
def test_checker_reports_strings_missing_from_the_catalogue(project, tmp_path):
    po = write_po(tmp_path / "es.po", [("Guide", "Guía", "")])
    assert catalogue_problems(project, po) == ["Hello families"]


@needs_gettext
def test_checker_reports_untranslated_and_fuzzy_strings(project, tmp_path):
    po = write_po(tmp_path / "es.po", [("Guide", "", ""), ("Hello families", "Hola", "#, fuzzy\n")])
    assert sorted(catalogue_problems(project, po)) == ["Guide", "Hello families"]


@needs_gettext
def test_checker_passes_a_complete_catalogue_and_leaves_it_untouched(project, tmp_path):
    po = write_po(tmp_path / "es.po", [("Guide", "Guía", ""), ("Hello families", "Hola, familias", "")])
    before = po.read_bytes()
    assert catalogue_problems(project, po) == []
    assert po.read_bytes() == before


@needs_gettext
def test_the_spanish_catalogue_translates_every_marked_string():
    po = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"
    before = po.read_bytes()
    call_command("check_catalogue")
    assert po.read_bytes() == before


@needs_gettext
def test_check_catalogue_names_the_missing_strings(settings, tmp_path, project):
    settings.BASE_DIR = project
    (project / "locale" / "es" / "LC_MESSAGES").mkdir(parents=True)
    write_po(project / "locale" / "es" / "LC_MESSAGES" / "django.po", [("Guide", "Guía", "")])
    with pytest.raises(CommandError, match="1 string\\(s\\) missing or untranslated:\n  'Hello families'"):
        call_command("check_catalogue")
