"""The Spanish content follows docs/spanish-style.md: one Spanish term per concept.

The style sheet ends with a machine-readable list of excluded variants; every Spanish guide file, the
Spanish home page and the Spanish half of every glossary term are checked against it, and a failure names
`file:line`, the text found and the term to use. Which lines count is explained in the style sheet.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from django.conf import settings

STYLE_SHEET = settings.BASE_DIR / "docs" / "spanish-style.md"
CONTENT = settings.DEMO_CONTENT_DIR

# Front-matter keys whose values are identifiers, not text families read.
SKIPPED_KEYS = re.compile(r"^(slug|translation_of|board):")
# Glossary keys that list variants on purpose, so that search and the automatic links find the term.
VARIANT_KEYS = re.compile(r"^\s+(abbreviations|other_names):")
LINK_ADDRESS = re.compile(r"\]\([^)]*\)")


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern
    use: str


def load_rules(path: Path = STYLE_SHEET) -> list[Rule]:
    """The rules from the sheet's first ```yaml block (the section "Excluded variants")."""
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^```yaml\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    assert match, f"{path}: no ```yaml block of excluded variants"
    rules = []
    for entry in yaml.safe_load(match.group(1)):
        flags = 0 if entry.get("case") == "sensitive" else re.IGNORECASE
        rules.append(Rule(re.compile(entry["pattern"], flags), entry["use"]))
    return rules


def guide_lines(path: Path):
    """(line number, text) of a Spanish guide or home file, without identifiers and link addresses."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not SKIPPED_KEYS.match(line):
            yield number, LINK_ADDRESS.sub("]()", line)


def glossary_lines(path: Path):
    """(line number, text) of the `es:` half of a glossary file, without its lists of variants."""
    in_spanish = in_variants = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(r"^\S", line):  # a top-level key (or the closing ---) ends the previous block
            in_spanish = line.startswith("es:")
            continue
        if re.match(r"^  \S", line):  # a key of the language block
            in_variants = bool(VARIANT_KEYS.match(line))
        if in_spanish and not in_variants:
            yield number, LINK_ADDRESS.sub("]()", line)


def violations(path: Path, lines, rules: list[Rule]) -> list[str]:
    found = []
    for number, text in lines:
        for rule in rules:
            for match in rule.pattern.finditer(text):
                found.append(f"{path}:{number}: {match.group(0)!r} — use {rule.use}")
    return found


def spanish_files():
    """One test case per Spanish guide or home file and per glossary file, named by its path."""
    guides = sorted(CONTENT.glob("guides/*/es/*.md")) + [CONTENT / "home" / "es.md"]
    cases = [(path, guide_lines) for path in guides]
    cases += [(path, glossary_lines) for path in sorted(CONTENT.glob("glossary/*.md"))]
    return [pytest.param(path, reader, id=str(path.relative_to(CONTENT))) for path, reader in cases]


def test_the_style_sheet_lists_excluded_variants():
    rules = load_rules()
    assert len(rules) >= 10
    assert all(rule.use for rule in rules)


@pytest.mark.parametrize(("path", "reader"), spanish_files())
def test_spanish_content_uses_the_style_sheet_terms(path, reader):
    found = violations(path.relative_to(settings.BASE_DIR), reader(path), load_rules())
    assert not found, "Spanish text uses variants that docs/spanish-style.md rules out:\n" + "\n".join(found)


def test_the_check_names_file_and_line_of_a_variant(tmp_path):
    """The check itself can fail: a guide file and a glossary term with excluded variants are caught, and
    the variants a glossary term lists as other names, link addresses and slugs are not."""
    guide = tmp_path / "01-prueba.md"
    guide.write_text(
        "---\ntitle: Prueba\nslug: conteo-de-sangre\n---\n\n"
        "Sus conteos de sangre bajan al 90%.\n"
        "Lea [la guía](https://example.org/junta-editorial) del consejo editorial.\n",
        encoding="utf-8",
    )
    term = tmp_path / "term.md"
    term.write_text(
        "---\nslug: x\nen:\n  name: blood count\n  definition: A conteo in English is not checked.\n"
        "es:\n  name: recuento\n  other_names: [conteo]\n  definition: >-\n"
        "    Lo que mide el hemograma, también\n    llamado conteo.\n---\n",
        encoding="utf-8",
    )
    rules = load_rules()
    assert violations(guide, guide_lines(guide), rules) == [
        f"{guide}:6: 'conteos' — use recuento",
        f"{guide}:6: '0%' — use 90 % (a space before the percent sign)",
    ]
    assert violations(term, glossary_lines(term), rules) == [f"{term}:11: 'conteo' — use recuento"]
