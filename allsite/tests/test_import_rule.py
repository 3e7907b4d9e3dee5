"""Imports run one way: each app imports only the apps docs/architecture.md allows it, at any level.

The table in docs/architecture.md (under "Who may import whom") is the rule; this test reads it, parses every
module of every app with `ast` (tests and migrations aside) and names each import the table does not allow,
as file:line. Imports inside functions count too: one that reaches up to dodge a cycle is still an arrow
upwards. So do literal names given to `apps.get_model`, `import_module` and `import_string`.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RULE = ROOT / "docs" / "architecture.md"
RULE_START = "<!-- import rule: allsite/tests/test_import_rule.py reads this table -->"
LOADERS = {"get_model", "import_module", "import_string"}


def allowed_imports():
    """{app: set of the apps it may import}, from the rule's table."""
    lines = RULE.read_text().split(RULE_START, 1)[1].strip().splitlines()
    table = {}
    for line in lines:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        names = re.findall(r"`(\w+)`", cells[0])
        if names:
            table[names[0]] = set(re.findall(r"`(\w+)`", cells[1]))
    return table


def our_apps():
    """Every package at the top of the repository: an app of ours (or a plain package such as content_files)."""
    return {path.parent.name for path in ROOT.glob("*/__init__.py")}


def modules(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" not in parts and "migrations" not in parts:
            yield path


def imported_names(tree):
    """(line, dotted name) of every absolute import and literal module or model name given to a loader."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            if name in LOADERS and isinstance(node.args[0].value, str):
                yield node.lineno, node.args[0].value


def forbidden_imports():
    """(file, line, app, imported name, imported app) of every import the table does not allow."""
    table, apps = allowed_imports(), our_apps()
    for app in sorted(apps):
        for path in modules(app):
            relative = path.relative_to(ROOT).as_posix()
            for line, name in imported_names(ast.parse(path.read_text(), filename=relative)):
                target = name.split(".")[0]
                if target in apps and target != app and target not in table.get(app, set()):
                    yield relative, line, app, name, target


def test_the_rule_places_every_app():
    assert our_apps() - set(allowed_imports()) == set(), "add the app to the table in docs/architecture.md"


def test_imports_run_one_way():
    found = [f"{path}:{line} {app} imports {name}" for path, line, app, name, _target in forbidden_imports()]
    assert not found, "imports the rule (docs/architecture.md) does not allow:\n" + "\n".join(found)
