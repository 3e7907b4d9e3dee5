"""The cached demo database's key: every input of the demo load changes it, tests and documents do not."""

from demo.template_database import fingerprint


def project(root):
    files = {
        "pages/models.py": "class Page: ...",
        "pages/migrations/0001_initial.py": "operations = []",
        "pages/tests/test_pages.py": "def test(): ...",
        "content/guides/childhood-all/en/guide.md": "# Guide",
        "locale/es/LC_MESSAGES/django.po": 'msgid "x"',
        "docs/content-format.md": "How to write a guide.",
        "conftest.py": "import pytest",
        "pages/views.py": "def page(request): ...",
        "pages/templatetags/page_tags.py": "register = None",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return fingerprint(root)


def test_code_migrations_content_and_translations_change_the_key(tmp_path):
    before = project(tmp_path)
    for name in (
        "pages/models.py",
        "pages/migrations/0001_initial.py",
        "content/guides/childhood-all/en/guide.md",
        "locale/es/LC_MESSAGES/django.po",
    ):
        path = tmp_path / name
        original = path.read_text()
        path.write_text(original + "\n# changed")
        assert fingerprint(tmp_path) != before, name
        path.write_text(original)
    assert fingerprint(tmp_path) == before
    (tmp_path / "content" / "glossary").mkdir()
    (tmp_path / "content" / "glossary" / "new-term.md").write_text("# New term")
    assert fingerprint(tmp_path) != before


def test_tests_documents_and_request_only_code_leave_the_key_alone(tmp_path):
    before = project(tmp_path)
    for name in (
        "pages/tests/test_pages.py",
        "docs/content-format.md",
        "conftest.py",
        "pages/views.py",
        "pages/templatetags/page_tags.py",
    ):
        (tmp_path / name).write_text("changed")
    (tmp_path / "tmp-test-media" / "main").mkdir(parents=True)
    (tmp_path / "tmp-test-media" / "main" / "upload.py").write_text("not code")
    assert fingerprint(tmp_path) == before
