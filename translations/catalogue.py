"""Is the Spanish interface catalogue complete? Extract every marked string and compare with the .po file.

`makemessages` runs on a copy of the source tree with the committed catalogue, so the real catalogue is
never touched; what comes out untranslated or fuzzy is missing from, or untranslated in, the catalogue.
"""

import contextlib
import re
import shutil
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.test import override_settings

# Folders that hold no interface strings (or are not ours).
IGNORED = shutil.ignore_patterns(
    ".*",
    "__pycache__",
    "*.pyc",
    "locale",
    "content",
    "staticfiles",
    "media",
    "tmp-test-media",
    "bench",
    "docs",
)


def read_po(path: str | Path) -> list[tuple[str, list[str], bool]]:
    """(msgid, [msgstr, …], fuzzy) for each entry of a .po file, the header left out."""
    entries = []
    for chunk in Path(path).read_text(encoding="utf-8").split("\n\n"):
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in chunk.splitlines())
        fields = re.findall(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) ((?:".*"\n?)+)', chunk, re.M)
        values = {name: "".join(re.findall(r'"(.*)"', text)) for name, text in fields}
        if values.get("msgid"):
            translations = [value for name, value in values.items() if name.startswith("msgstr")]
            entries.append((values["msgid"], translations, fuzzy))
    return entries


def catalogue_problems(source_root: str | Path, po_path: str | Path, language: str = "es") -> list[str]:
    """Strings marked for translation under `source_root` that `po_path` lacks, leaves empty or marks fuzzy."""
    with tempfile.TemporaryDirectory() as temporary:
        tree, locale = Path(temporary) / "source", Path(temporary) / "locale"
        shutil.copytree(source_root, tree, ignore=IGNORED)
        target = locale / language / "LC_MESSAGES"
        target.mkdir(parents=True)
        if Path(po_path).exists():
            shutil.copy(po_path, target / "django.po")
        with contextlib.chdir(tree), override_settings(LOCALE_PATHS=[str(locale)]):
            call_command("makemessages", locale=[language], no_obsolete=True, verbosity=0)
        entries = read_po(target / "django.po")
    return [msgid for msgid, translations, fuzzy in entries if fuzzy or not all(translations)]
