"""The guide importer, driven the way people use it: `manage.py import_guide` and `load_demo_content`.

Each test builds a small guide folder in tmp_path (see `guide_files` / `write_guide`), runs the command,
then checks the database and the public pages. The demo content is already loaded (conftest.py).
"""

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Revision

from conftest import class_transaction
from pages.models import GuidePage, GuideSectionPage

pytestmark = pytest.mark.django_db

EN_GUIDE_URL = "/en/test-import-guide/"
ES_GUIDE_URL = "/es/guia-de-prueba-de-importacion/"
EN_FIRST_URL = EN_GUIDE_URL + "first-test-section/"
EN_SECOND_URL = EN_GUIDE_URL + "second-test-section/"
ES_FIRST_URL = ES_GUIDE_URL + "primera-seccion-de-prueba/"
ES_SECOND_URL = ES_GUIDE_URL + "segunda-seccion-de-prueba/"

EN_GUIDE = """\
---
title: Test Import Guide
slug: test-import-guide
summary: A small guide that only the importer tests use.
audience: People who run the tests
---

This guide exists for **tests** only.
"""

EN_FIRST = """\
---
title: First test section
slug: first-test-section
summary: The first section of the test guide.
key_points:
  - The first key point of the test.
  - The second key point of the test.
  - The third key point of the test.
---

## What this section covers {#covers}

Plain text with **bold words**, *italic words* and a [link to the NCI](https://www.cancer.gov/types/leukemia).

- first bullet item
- second bullet item

## A heading without an anchor

::: callout warning Call the test team right away if
- the test **fails**
- the test hangs
:::

::: timeline The phases of testing
- Induction testing | about 4 weeks | Aims to find the first bugs.
- Maintenance testing | about 2 years |
:::
"""

EN_SECOND = """\
---
title: Second test section
slug: second-test-section
summary: The second section of the test guide.
key_points:
  - One point.
  - Two points.
  - Three points.
---

## Asking questions

The original second section text.

::: questions Questions to ask the test team
- What risk group is my test in?
- How long will the test take?
:::

::: links Learn more about testing
- [pytest documentation](https://docs.pytest.org/en/stable/) | How to write tests.
- [Django testing](https://docs.djangoproject.com/en/5.2/topics/testing/)
:::

::: table Typical test counts
| Test kind | What it measures |
|---|---|
| Unit test | One small piece of code |
| Smoke test | That the site starts at all |
:::
"""

ES_GUIDE = """\
---
title: Guía de prueba de importación
slug: guia-de-prueba-de-importacion
translation_of: test-import-guide
summary: Una guía pequeña que solo usan las pruebas del importador.
audience: Personas que ejecutan las pruebas
---

Esta guía existe solo para **pruebas**.
"""

ES_FIRST = """\
---
title: Primera sección de prueba
slug: primera-seccion-de-prueba
translation_of: first-test-section
summary: La primera sección de la guía de prueba.
key_points:
  - El primer punto clave de la prueba.
  - El segundo punto clave de la prueba.
  - El tercer punto clave de la prueba.
---

## Qué cubre esta sección {#cubre}

Texto con **palabras en negrita** y un [enlace al NCI](https://www.cancer.gov/espanol).
"""

ES_SECOND = """\
---
title: Segunda sección de prueba
slug: segunda-seccion-de-prueba
translation_of: second-test-section
summary: La segunda sección de la guía de prueba.
key_points:
  - Un punto.
  - Dos puntos.
  - Tres puntos.
---

El texto original de la segunda sección.

::: timeline Las fases de la prueba
- Inducción | unas 4 semanas | Busca los primeros errores.
:::
"""


def guide_files():
    """The files of a good two-language guide with two sections each, by path inside the guide folder."""
    return {
        "en/guide.md": EN_GUIDE,
        "en/10-first-section.md": EN_FIRST,
        "en/20-second-section.md": EN_SECOND,
        "es/guide.md": ES_GUIDE,
        "es/10-primera-seccion.md": ES_FIRST,
        "es/20-segunda-seccion.md": ES_SECOND,
    }


def write_guide(folder, files):
    """Write `files` ({relative path: text}) into `folder`, replacing what was there; returns the folder."""
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def run_import(folder, *args):
    """Run `manage.py import_guide FOLDER [args]`; returns what it printed."""
    out = StringIO()
    call_command("import_guide", str(folder), *args, stdout=out)
    return out.getvalue()


def counts():
    return Page.objects.count(), Revision.objects.count()


def english_guide():
    return GuidePage.objects.get(locale__language_code="en", slug="test-import-guide")


def spanish_guide():
    return GuidePage.objects.get(locale__language_code="es", slug="guia-de-prueba-de-importacion")


def section(language, slug):
    return GuideSectionPage.objects.get(locale__language_code=language, slug=slug)


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    # Block markup is compared exactly, so the glossary's term links (tested in glossary/) are taken out.
    return re.sub(r'<a class="glossary-term"[^>]*>(.*?)</a>', r"\1", response.content.decode())


def text_of(html):
    """The visible text of a page, whitespace collapsed, to check wording without caring about markup."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def child_slugs(page):
    return list(page.get_children().order_by("path").values_list("slug", flat=True))


# --- 1. A new guide arrives as drafts -------------------------------------------------------------------


def test_new_guide_is_imported_as_drafts(tmp_path, client, english_home, spanish_home):
    folder = write_guide(tmp_path / "test-import-guide", guide_files())
    pages_before, revisions_before = counts()

    output = run_import(folder)

    assert f"{folder}: 6 created, 0 updated as drafts, 0 unchanged." in output
    assert "published" not in output
    assert counts() == (pages_before + 6, revisions_before + 6)

    en_guide = english_guide()
    en_sections = [section("en", "first-test-section"), section("en", "second-test-section")]
    es_guide = spanish_guide()
    es_sections = [section("es", "primera-seccion-de-prueba"), section("es", "segunda-seccion-de-prueba")]
    for page in [en_guide, *en_sections, es_guide, *es_sections]:
        assert not page.live, page
        assert page.has_unpublished_changes, page
        assert page.latest_revision is not None, page
        assert Revision.objects.for_instance(page).count() == 1, page

    # Where the pages are in the tree, and in which language.
    assert en_guide.get_parent().specific == english_home
    assert es_guide.get_parent().specific == spanish_home
    assert en_guide.locale.language_code == "en"
    assert [page.locale.language_code for page in es_sections] == ["es", "es"]
    assert child_slugs(en_guide) == ["first-test-section", "second-test-section"]
    assert child_slugs(es_guide) == ["primera-seccion-de-prueba", "segunda-seccion-de-prueba"]

    # Spanish pages are translations of the English ones.
    assert es_guide.translation_key == en_guide.translation_key
    for english, spanish in zip(en_sections, es_sections, strict=True):
        assert spanish.translation_key == english.translation_key
        assert spanish.get_translation(english_home.locale) == english

    # The draft holds the content from the files.
    draft = en_sections[0].get_latest_revision_as_object()
    assert draft.title == "First test section"
    assert [point.value for point in draft.key_points] == [
        "The first key point of the test.",
        "The second key point of the test.",
        "The third key point of the test.",
    ]
    assert [block.block_type for block in draft.body] == [
        "heading",
        "rich_text",
        "heading",
        "callout",
        "timeline",
    ]
    assert en_guide.audience == "People who run the tests"

    # Nobody sees drafts.
    for url in (EN_GUIDE_URL, EN_FIRST_URL, EN_SECOND_URL, ES_GUIDE_URL, ES_FIRST_URL, ES_SECOND_URL):
        assert client.get(url).status_code == 404, url
    assert "Test Import Guide" not in html_of(client, "/en/")


# --- 2. --publish puts the guide on the site --------------------------------------------------------------


def test_publish_serves_every_block_kind(tmp_path, client):
    folder = write_guide(tmp_path / "test-import-guide", guide_files())

    output = run_import(folder, "--publish")

    assert "6 created, 0 updated as drafts, 0 unchanged, 6 published." in output
    for page in [english_guide(), spanish_guide(), section("en", "first-test-section")]:
        assert page.live and not page.has_unpublished_changes, page

    guide_html = html_of(client, EN_GUIDE_URL)
    assert "Test Import Guide" in guide_html
    assert "<b>tests</b>" in guide_html
    assert "People who run the tests" in guide_html
    assert "Test Import Guide" in html_of(client, "/en/")

    first = html_of(client, EN_FIRST_URL)
    assert "<h1>First test section</h1>" in first
    assert "The first section of the test guide." in first
    assert "<li>The second key point of the test.</li>" in first
    # Headings: the given anchor, else one made from the text; both listed under "On this page".
    assert '<h2 id="covers" class="block-heading">What this section covers</h2>' in first
    assert '<h2 id="a-heading-without-an-anchor" class="block-heading">' in first
    assert '<a href="#covers">What this section covers</a>' in first
    assert '<a href="#a-heading-without-an-anchor">A heading without an anchor</a>' in first
    # Rich text: bold, italic, link and a bullet list.
    assert "<b>bold words</b>" in first
    assert "<i>italic words</i>" in first
    assert '<a href="https://www.cancer.gov/types/leukemia">link to the NCI</a>' in first
    assert "<li>first bullet item</li>" in first
    assert "<li>second bullet item</li>" in first
    # Callout.
    assert '<aside class="callout callout-warning" aria-label="Call the test team right away if">' in first
    assert "<li>the test <b>fails</b></li>" in first
    # Timeline.
    assert '<figcaption class="timeline-title">The phases of testing</figcaption>' in first
    first_text = text_of(first)
    assert "Induction testing Typical duration: about 4 weeks Aims to find the first bugs." in first_text
    assert "Maintenance testing Typical duration: about 2 years" in first_text

    second = html_of(client, EN_SECOND_URL)
    # Questions.
    assert "Questions to ask the test team" in second
    assert "<li>What risk group is my test in?</li>" in second
    assert "<li>How long will the test take?</li>" in second
    # Links, with and without a description.
    assert "Learn more about testing" in second
    assert (
        '<a href="https://docs.pytest.org/en/stable/">pytest documentation</a> — How to write tests.'
        in second
    )
    assert '<a href="https://docs.djangoproject.com/en/5.2/topics/testing/">Django testing</a>' in second
    # Table: caption, header row, body rows.
    assert "<caption>Typical test counts</caption>" in second
    second_text = text_of(second)
    assert re.search(r'<th scope="col"[^>]*>\s*Test kind\s*</th>', second)
    assert re.search(r"<td[^>]*>\s*One small piece of code\s*</td>", second)
    assert "Smoke test That the site starts at all" in second_text

    # Spanish, at Spanish paths, with its own content.
    es_guide_html = html_of(client, ES_GUIDE_URL)
    assert "Guía de prueba de importación" in es_guide_html
    assert "Guía de prueba de importación" in html_of(client, "/es/")
    es_first = html_of(client, ES_FIRST_URL)
    assert "<h1>Primera sección de prueba</h1>" in es_first
    assert '<h2 id="cubre" class="block-heading">Qué cubre esta sección</h2>' in es_first
    assert "<b>palabras en negrita</b>" in es_first
    assert '<a href="https://www.cancer.gov/espanol">enlace al NCI</a>' in es_first
    es_second = html_of(client, ES_SECOND_URL)
    assert "El texto original de la segunda sección." in es_second
    assert "Las fases de la prueba" in es_second
    assert "Inducción" in es_second


# --- 3. Importing again changes nothing -------------------------------------------------------------------


@pytest.mark.parametrize("publish", [False, True], ids=["drafts", "published"])
def test_importing_the_same_folder_again_changes_nothing(tmp_path, publish):
    folder = write_guide(tmp_path / "test-import-guide", guide_files())
    args = ["--publish"] if publish else []
    run_import(folder, *args)
    after_first = counts()
    paths = dict(Page.objects.values_list("pk", "path"))

    output = run_import(folder, *args)

    assert f"{folder}: 0 created, 0 updated as drafts, 6 unchanged." in output
    assert counts() == after_first
    assert dict(Page.objects.values_list("pk", "path")) == paths


def test_load_demo_content_again_creates_nothing(client):
    before = counts()
    latest_revisions = dict(Page.objects.values_list("pk", "latest_revision_id"))
    out = StringIO()

    call_command("load_demo_content", stdout=out)

    assert counts() == before
    assert dict(Page.objects.values_list("pk", "latest_revision_id")) == latest_revisions
    lines = out.getvalue().splitlines()
    assert len(lines) == 4  # the home pages, the glossary and the two guides
    for line in lines:
        assert re.search(r": 0 created, 0 updated as drafts, 0 unchanged, \d+ already there", line), line
    assert client.get("/en/").status_code == 200
    assert client.get("/es/").status_code == 200


# --- 4. A changed file on a live page -----------------------------------------------------------------------


def test_changed_file_on_a_live_page_becomes_a_draft_until_published(tmp_path, client):
    files = guide_files()
    folder = write_guide(tmp_path / "test-import-guide", files)
    run_import(folder, "--publish")
    pages_before, revisions_before = counts()

    files["en/20-second-section.md"] = EN_SECOND.replace(
        "The original second section text.", "The revised second section text."
    )
    write_guide(folder, files)
    output = run_import(folder)

    assert f"{folder}: 0 created, 1 updated as drafts, 5 unchanged." in output
    assert counts() == (pages_before, revisions_before + 1)
    page = section("en", "second-test-section")
    assert page.live
    assert page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    assert "The revised second section text." in str(draft.body)
    html = html_of(client, EN_SECOND_URL)
    assert "The original second section text." in html
    assert "The revised second section text." not in html

    # Changed again, this time with --publish: the new text goes live.
    files["en/20-second-section.md"] = EN_SECOND.replace(
        "The original second section text.", "The final second section text."
    )
    write_guide(folder, files)
    output = run_import(folder, "--publish")

    assert f"{folder}: 0 created, 1 updated as drafts, 5 unchanged, 1 published." in output
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    html = html_of(client, EN_SECOND_URL)
    assert "The final second section text." in html
    assert "The original second section text." not in html
    # Only that page changed: the Spanish page still has its own text.
    assert "El texto original de la segunda sección." in html_of(client, ES_SECOND_URL)


def test_changed_front_matter_updates_the_page(tmp_path, client):
    files = guide_files()
    folder = write_guide(tmp_path / "test-import-guide", files)
    run_import(folder, "--publish")

    files["es/10-primera-seccion.md"] = ES_FIRST.replace(
        "title: Primera sección de prueba", "title: Primera sección, corregida"
    )
    write_guide(folder, files)
    output = run_import(folder, "--publish")

    assert "0 created, 1 updated as drafts, 5 unchanged, 1 published." in output
    assert "<h1>Primera sección, corregida</h1>" in html_of(client, ES_FIRST_URL)
    english = section("en", "first-test-section")
    assert section("es", "primera-seccion-de-prueba").translation_key == english.translation_key


def test_publish_after_a_draft_import_publishes_the_new_pages(tmp_path, client):
    folder = write_guide(tmp_path / "test-import-guide", guide_files())
    run_import(folder)  # drafts, for editors to review

    output = run_import(folder, "--publish")  # reviewed: now publish them

    assert "6 published" in output
    assert english_guide().live
    assert client.get(EN_FIRST_URL).status_code == 200


def test_publish_after_a_draft_import_publishes_the_changed_page(tmp_path, client):
    files = guide_files()
    folder = write_guide(tmp_path / "test-import-guide", files)
    run_import(folder, "--publish")
    files["en/20-second-section.md"] = EN_SECOND.replace(
        "The original second section text.", "The revised second section text."
    )
    write_guide(folder, files)
    run_import(folder)  # a draft, for editors to review

    run_import(folder, "--publish")  # reviewed: now publish it

    assert not section("en", "second-test-section").has_unpublished_changes
    assert "The revised second section text." in html_of(client, EN_SECOND_URL)


# --- 5. Section order is file-name order ----------------------------------------------------------------


def section_titles_in_order(html, titles):
    """The given titles sorted by where they first appear in the HTML (each must appear)."""
    positions = {title: html.find(title) for title in titles}
    assert all(position >= 0 for position in positions.values()), positions
    return sorted(titles, key=positions.get)


INSERTED_EN = """\
---
title: Inserted test section
slug: inserted-test-section
summary: A section added between the first and the second.
key_points:
  - Inserted one.
  - Inserted two.
  - Inserted three.
---

The inserted section text.
"""

INSERTED_ES = """\
---
title: Sección de prueba insertada
slug: seccion-de-prueba-insertada
translation_of: inserted-test-section
summary: Una sección añadida entre la primera y la segunda.
key_points:
  - Uno.
  - Dos.
  - Tres.
---

El texto de la sección insertada.
"""


def test_section_order_follows_file_names(tmp_path, client):
    files = guide_files()
    # File names order the sections, whatever order the slugs or titles would give.
    files["en/10-first-section.md"] = EN_FIRST.replace("slug: first-test-section", "slug: zz-first-section")
    files["es/10-primera-seccion.md"] = ES_FIRST.replace(
        "translation_of: first-test-section", "translation_of: zz-first-section"
    )
    folder = write_guide(tmp_path / "test-import-guide", files)
    run_import(folder, "--publish")

    assert child_slugs(english_guide()) == ["zz-first-section", "second-test-section"]
    assert child_slugs(spanish_guide()) == ["primera-seccion-de-prueba", "segunda-seccion-de-prueba"]
    titles = ["First test section", "Second test section"]
    assert section_titles_in_order(html_of(client, EN_GUIDE_URL), titles) == titles


def test_inserted_file_takes_its_place_in_the_order(tmp_path, client):
    files = guide_files()
    folder = write_guide(tmp_path / "test-import-guide", files)
    run_import(folder, "--publish")

    files["en/15-inserted-section.md"] = INSERTED_EN
    files["es/15-seccion-insertada.md"] = INSERTED_ES
    write_guide(folder, files)
    output = run_import(folder, "--publish")

    assert "2 created, 0 updated as drafts, 6 unchanged, 2 published." in output
    assert child_slugs(english_guide()) == [
        "first-test-section",
        "inserted-test-section",
        "second-test-section",
    ]
    assert child_slugs(spanish_guide()) == [
        "primera-seccion-de-prueba",
        "seccion-de-prueba-insertada",
        "segunda-seccion-de-prueba",
    ]
    titles = ["First test section", "Inserted test section", "Second test section"]
    assert section_titles_in_order(html_of(client, EN_GUIDE_URL), titles) == titles
    es_titles = ["Primera sección de prueba", "Sección de prueba insertada", "Segunda sección de prueba"]
    assert section_titles_in_order(html_of(client, ES_GUIDE_URL), es_titles) == es_titles
    # The pager follows the new order too.
    inserted = html_of(client, EN_GUIDE_URL + "inserted-test-section/")
    assert re.search(r'rel="prev" href="/en/test-import-guide/first-test-section/"', inserted)
    assert re.search(r'rel="next" href="/en/test-import-guide/second-test-section/"', inserted)
    assert "Sección de prueba insertada" in html_of(client, ES_GUIDE_URL + "seccion-de-prueba-insertada/")


def test_renamed_files_reorder_existing_sections(tmp_path, client):
    files = guide_files()
    folder = write_guide(tmp_path / "test-import-guide", files)
    run_import(folder, "--publish")
    revisions_before = Revision.objects.count()

    files["en/30-first-section.md"] = files.pop("en/10-first-section.md")
    write_guide(folder, files)
    output = run_import(folder, "--publish")

    assert "0 created, 0 updated as drafts, 6 unchanged." in output
    assert Revision.objects.count() == revisions_before
    assert child_slugs(english_guide()) == ["second-test-section", "first-test-section"]
    titles = ["Second test section", "First test section"]
    assert section_titles_in_order(html_of(client, EN_GUIDE_URL), titles) == titles


# --- 6. Bad input stops the import, names file and line, and saves nothing --------------------------------


def assert_import_fails(folder, relative, line, message, *args):
    """The import stops with `<file>:<line>: <message>` and leaves pages and revisions as they were."""
    before = counts()
    latest_revisions = dict(Page.objects.values_list("pk", "latest_revision_id"))
    with pytest.raises(CommandError) as caught:
        run_import(folder, *args)
    error = str(caught.value)
    where = f"{Path(folder) / relative}:{line}: " if line else f"{Path(folder) / relative}: "
    assert error.startswith(where), error
    assert message in error, error
    assert error.endswith("Nothing was imported."), error
    assert counts() == before
    assert dict(Page.objects.values_list("pk", "latest_revision_id")) == latest_revisions
    return error


SECTION_TOP = """\
---
title: Second test section
slug: second-test-section
summary: The second section of the test guide.
key_points:
  - One point.
  - Two points.
---
"""  # 8 lines: the body starts at line 9

ES_SECTION_TOP = """\
---
title: Segunda sección de prueba
slug: segunda-seccion-de-prueba
translation_of: second-test-section
summary: La segunda sección de la guía de prueba.
key_points:
  - Un punto.
---
"""  # 8 lines: the body starts at line 9

BAD_FILES = [
    pytest.param(
        "en/20-second-section.md",
        "---\nslug: second-test-section\nsummary: No title.\nkey_points:\n  - One.\n---\n\nText.\n",
        1,
        "missing title in the front matter",
        id="missing-title",
    ),
    pytest.param(
        "es/guide.md",
        "---\ntitle: ''\nslug: guia-de-prueba-de-importacion\ntranslation_of: test-import-guide\n"
        "summary: Sin título.\n---\n",
        2,
        "missing title in the front matter",
        id="empty-title",
    ),
    pytest.param(
        "en/20-second-section.md",
        "---\ntitle: Second test section\nslug: second-test-section\n"
        "summary: a summary: with a second colon\nkey_points:\n  - One.\n---\n\nText.\n",
        4,
        "broken front matter: mapping values are not allowed here",
        id="broken-yaml",
    ),
    pytest.param(
        "en/guide.md",
        "---\ntitle: Test Import Guide\nslug: test-import-guide\nsummary: Not closed.\n\nIntro text.\n",
        1,
        "the front matter is not closed with a '---' line",
        id="front-matter-not-closed",
    ),
    pytest.param(
        "en/20-second-section.md",
        "Text before any front matter.\n",
        1,
        "the file must start with front matter",
        id="no-front-matter",
    ),
    pytest.param(
        "en/20-second-section.md",
        SECTION_TOP + "\n## Video\n\nWatch this.\n\n::: video x\n- clip\n:::\n",
        14,
        "unknown block 'video'",
        id="unknown-block",
    ),
    pytest.param(
        "en/20-second-section.md",
        SECTION_TOP + "\nText.\n\n::: questions Questions to ask\n- Is this block closed?\n- No.\n",
        12,
        "the 'questions' block opened here is never closed with ':::'",
        id="block-never-closed",
    ),
    pytest.param(
        "en/20-second-section.md",
        SECTION_TOP + "\n## Allowed\n\nText.\n\n### Not allowed\n\nMore text.\n",
        14,
        "only '## ' headings are allowed",
        id="h3-heading",
    ),
    pytest.param(
        "en/20-second-section.md",
        SECTION_TOP + "\n# A page title in the body\n",
        10,
        "only '## ' headings are allowed",
        id="h1-heading",
    ),
    pytest.param(
        "en/20-second-section.md",
        SECTION_TOP + "\n## Heading\n\n<script>alert('x')</script>\n",
        12,
        "<script> is not allowed here",
        id="script-tag",
    ),
    pytest.param(
        "en/20-second-section.md",
        SECTION_TOP + "\nSee [this page](/en/other-page/).\n",
        10,
        "links must be absolute https:// addresses",
        id="relative-link",
    ),
    pytest.param(
        "es/20-segunda-seccion.md",
        ES_SECTION_TOP
        + "\n::: timeline Las fases\n- Inducción | unas 4 semanas | Primera fase.\n"
        + "- Consolidación sin duración\n:::\n",
        12,
        "a timeline phase is 'name | typical duration | description'",
        id="timeline-line",
    ),
    pytest.param(
        "es/20-segunda-seccion.md",
        ES_SECTION_TOP
        + "\n::: table Recuentos\n| Prueba | Qué mide |\n|---|---|\n| Hemoglobina | Oxígeno |\n"
        "| Plaquetas | Coagulación | de más |\n:::\n",
        14,
        "this row has 3 cells; the header has 2",
        id="table-row-cells",
    ),
    pytest.param(
        "es/20-segunda-seccion.md",
        ES_SECTION_TOP + "\n::: links Más información\n- Sin enlace | descripción\n:::\n",
        11,
        "a link line is '- [label](https://address) | description'",
        id="links-line",
    ),
    pytest.param(
        "es/20-segunda-seccion.md",
        ES_SECTION_TOP + "\n::: callout danger Cuidado\n- algo\n:::\n",
        10,
        "a callout starts with its kind",
        id="callout-kind",
    ),
    pytest.param(
        "es/20-segunda-seccion.md",
        ES_SECTION_TOP.replace("translation_of: second-test-section", "translation_of: no-such-section")
        + "\nTexto.\n",
        4,
        "translation_of names 'no-such-section', but there is no such English guide section",
        id="translation-of-unknown-section",
    ),
    pytest.param(
        "es/guide.md",
        ES_GUIDE.replace("translation_of: test-import-guide", "translation_of: no-such-guide"),
        4,
        "translation_of names 'no-such-guide', but there is no such English guide",
        id="translation-of-unknown-guide",
    ),
    pytest.param(
        "es/20-segunda-seccion.md",
        ES_SECTION_TOP.replace("translation_of: second-test-section", "translation_of: test-import-guide")
        + "\nTexto.\n",
        4,
        "there is no such English guide section",
        id="translation-of-names-the-guide",
    ),
    pytest.param(
        "es/20-segunda-seccion.md",
        ES_SECTION_TOP.replace("translation_of: second-test-section\n", "") + "\nTexto.\n",
        1,
        "missing translation of in the front matter",
        id="spanish-without-translation-of",
    ),
    pytest.param(
        "en/20-second-section.md",
        EN_SECOND.replace("slug: second-test-section", "slug: first-test-section"),
        3,
        "slug 'first-test-section' is also used by 10-first-section.md",
        id="duplicate-slug",
    ),
    pytest.param(
        "es/20-segunda-seccion.md",
        ES_SECOND.replace("slug: segunda-seccion-de-prueba", "slug: primera-seccion-de-prueba"),
        3,
        "slug 'primera-seccion-de-prueba' is also used by 10-primera-seccion.md",
        id="duplicate-spanish-slug",
    ),
    pytest.param(
        "en/20-second-section.md",
        EN_SECOND.replace("summary:", "author: Somebody\nsummary:"),
        4,
        "unknown front matter key 'author'",
        id="unknown-key",
    ),
    pytest.param(
        "en/guide.md",
        EN_GUIDE.replace("audience:", "key_points:\n  - Not on a guide.\naudience:"),
        5,
        "unknown front matter key 'key_points'",
        id="section-key-on-guide",
    ),
    pytest.param(
        "en/20-second-section.md",
        EN_SECOND.replace("slug: second-test-section", "slug: Second_Section"),
        3,
        "'slug' must be lowercase letters, digits and hyphens",
        id="bad-slug",
    ),
    pytest.param(
        "en/20-second-section.md",
        EN_SECOND.replace("  - Three points.\n", "  - Three points.\n  - 4\n"),
        5,
        "'key_points' must be a list of short sentences",
        id="key-point-not-text",
    ),
    pytest.param(
        "en/20-second-section.md",
        SECTION_TOP + "\n\n",
        9,
        "the section has no body text",
        id="empty-body",
    ),
]


@pytest.mark.parametrize(("relative", "text", "line", "message"), BAD_FILES)
def test_bad_file_stops_a_new_import(tmp_path, client, relative, text, line, message):
    files = guide_files()
    files[relative] = text
    folder = write_guide(tmp_path / "test-import-guide", files)

    assert_import_fails(folder, relative, line, message, "--publish")

    assert not GuidePage.objects.filter(
        slug__in=["test-import-guide", "guia-de-prueba-de-importacion"]
    ).exists()
    assert not GuideSectionPage.objects.filter(slug="first-test-section").exists()
    assert client.get(EN_GUIDE_URL).status_code == 404


@pytest.fixture(scope="class")
def published_guide_folder(django_db_setup, django_db_blocker, tmp_path_factory):
    """The test guide's folder, imported with --publish once for a class's tests, which each start from it
    (conftest.class_transaction): as if each had imported it itself, without paying for the import each time."""
    folder = write_guide(tmp_path_factory.mktemp("published") / "test-import-guide", guide_files())
    with class_transaction(django_db_blocker):
        run_import(folder, "--publish")
        yield folder


class TestAnUpdateOfALiveGuide:
    @pytest.mark.parametrize(("relative", "text", "line", "message"), BAD_FILES)
    def test_bad_file_stops_an_update_of_a_live_guide(
        self, published_guide_folder, client, relative, text, line, message
    ):
        """Earlier files changed and were fine, the bad file comes later: the live guide stays as it was."""
        folder = published_guide_folder
        files = guide_files()
        assert section("en", "first-test-section").live  # published by the fixture, in this transaction
        files["en/10-first-section.md"] = EN_FIRST.replace("Plain text with", "Changed text with")
        files["en/guide.md"] = EN_GUIDE.replace("for **tests** only", "for changed tests")
        files[relative] = text
        write_guide(folder, files)

        assert_import_fails(folder, relative, line, message, "--publish")

        assert not section("en", "first-test-section").has_unpublished_changes
        assert "Plain text with" in html_of(client, EN_FIRST_URL)
        assert "for <b>tests</b> only" in html_of(client, EN_GUIDE_URL)


def test_translation_error_found_while_writing_rolls_back_the_english_pages(tmp_path):
    """translation_of is checked while writing, after the English pages were written: all is undone."""
    files = guide_files()
    files["es/20-segunda-seccion.md"] = ES_SECOND.replace(
        "translation_of: second-test-section", "translation_of: first-test-sectio"
    )
    folder = write_guide(tmp_path / "test-import-guide", files)
    pages_before = Page.objects.count()

    assert_import_fails(
        folder, "es/20-segunda-seccion.md", 4, "translation_of names 'first-test-sectio'", "--publish"
    )

    assert Page.objects.count() == pages_before
    assert not GuidePage.objects.filter(slug="test-import-guide").exists()


def test_missing_folder(tmp_path):
    folder = tmp_path / "no-such-guide"

    error = assert_import_fails(folder, "", None, "no such guide folder")

    assert error.startswith(f"{folder}: no such guide folder")


def test_folder_with_an_unknown_language(tmp_path):
    files = guide_files()
    files["fr/guide.md"] = EN_GUIDE
    folder = write_guide(tmp_path / "test-import-guide", files)

    assert_import_fails(folder, "fr", None, "'fr' is not one of the site's languages")


def test_folder_without_english(tmp_path):
    files = {name: text for name, text in guide_files().items() if name.startswith("es/")}
    folder = write_guide(tmp_path / "test-import-guide", files)

    assert_import_fails(folder, "", None, "needs its source language folder 'en/'")


def test_language_folder_without_guide_file(tmp_path):
    files = guide_files()
    del files["es/guide.md"]
    folder = write_guide(tmp_path / "test-import-guide", files)

    assert_import_fails(folder, "es/guide.md", None, "every language folder needs a guide.md")


def test_load_demo_content_with_a_bad_guide_loads_nothing(tmp_path, client):
    """One bad guide among good ones: load_demo_content saves nothing at all."""
    content = tmp_path / "content"
    shutil.copytree(settings.DEMO_CONTENT_DIR / "home", content / "home")
    write_guide(content / "guides" / "a-good-guide", guide_files())
    bad_files = guide_files()
    bad_files["en/guide.md"] = EN_GUIDE.replace("test-import-guide", "another-test-guide")
    bad_files["en/10-first-section.md"] = EN_FIRST.replace("first-test-section", "another-first-section")
    bad_files["en/20-second-section.md"] = SECTION_TOP + "\n::: video x\n:::\n"
    write_guide(content / "guides" / "b-bad-guide", bad_files)
    before = counts()

    with pytest.raises(CommandError) as caught:
        call_command("load_demo_content", "--content-dir", str(content), stdout=StringIO())

    error = str(caught.value)
    bad_file = content / "guides" / "b-bad-guide" / "en" / "20-second-section.md"
    assert error.startswith(f"{bad_file}:10: unknown block 'video'"), error
    assert error.endswith("Nothing was loaded.")
    assert counts() == before
    assert client.get(EN_GUIDE_URL).status_code == 404


# --- Bugs found while testing (xfail until fixed) --------------------------------------------------------


def test_script_tag_after_a_paragraph_is_reported_at_its_own_line(tmp_path):
    files = guide_files()
    files["en/20-second-section.md"] = (
        SECTION_TOP + "\n## Heading\n\nA harmless paragraph.\n\n<script>alert('x')</script>\n"
    )
    folder = write_guide(tmp_path / "test-import-guide", files)

    assert_import_fails(folder, "en/20-second-section.md", 14, "<script> is not allowed here")


def test_callout_left_open_before_another_block_is_an_error(tmp_path):
    files = guide_files()
    files["en/20-second-section.md"] = (
        SECTION_TOP + "\n::: callout info Remember\n- this callout is never closed\n\n"
        "::: questions Questions\n- Is it?\n:::\n"
    )
    folder = write_guide(tmp_path / "test-import-guide", files)

    assert_import_fails(folder, "en/20-second-section.md", 10, "never closed")


def test_callout_with_a_paragraph_then_a_list_keeps_both(tmp_path, client):
    files = guide_files()
    files["en/20-second-section.md"] = (
        SECTION_TOP + "\n::: callout warning Fever is an emergency\n"
        "Call the care team right away if your child has a fever.\n\n"
        "- Take the temperature by mouth.\n- Do not wait until morning.\n\n"
        "Keep the number on the fridge.\n:::\n"
    )
    folder = write_guide(tmp_path / "test-import-guide", files)

    run_import(folder, "--publish")

    second = html_of(client, EN_SECOND_URL)
    assert "<p>Call the care team right away if your child has a fever.</p>" in second
    assert "<li>Take the temperature by mouth.</li>" in second
    assert "<li>Do not wait until morning.</li>" in second
    assert "<p>Keep the number on the fridge.</p>" in second


def test_raw_html_attributes_in_prose_are_refused(tmp_path):
    files = guide_files()
    files["en/20-second-section.md"] = SECTION_TOP + '\n<p onclick="alert(1)">Click me.</p>\n\nMore text.\n'
    folder = write_guide(tmp_path / "test-import-guide", files)

    assert_import_fails(folder, "en/20-second-section.md", 10, "not allowed")


def test_two_translations_of_the_same_page_are_an_error(tmp_path):
    files = guide_files()
    files["es/20-segunda-seccion.md"] = ES_SECOND.replace(
        "translation_of: second-test-section", "translation_of: first-test-section"
    )
    folder = write_guide(tmp_path / "test-import-guide", files)

    assert_import_fails(folder, "es/20-segunda-seccion.md", 4, "first-test-section", "--publish")


def test_unclosed_quote_in_front_matter_is_reported_where_it_opens(tmp_path):
    files = guide_files()
    files["en/20-second-section.md"] = EN_SECOND.replace("summary: The second", 'summary: "The second')
    folder = write_guide(tmp_path / "test-import-guide", files)

    assert_import_fails(folder, "en/20-second-section.md", 4, "broken front matter")
