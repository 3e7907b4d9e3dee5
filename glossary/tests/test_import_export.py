"""Seed files, CSV import and export, driven the way people use them: management commands and the loader."""

import csv
import io
import textwrap
from io import StringIO

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from glossary.factories import GlossaryTermFactory
from glossary.importing import GlossaryImportError
from glossary.models import GlossaryTerm
from glossary.term_files import load_glossary_folder

pytestmark = pytest.mark.django_db

HEADER = "slug,name_en,pronunciation_en,abbreviations_en,other_names_en,definition_en,name_es,definition_es,related"


def write_csv(tmp_path, *rows):
    path = tmp_path / "terms.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def import_csv(path, *args):
    out = StringIO()
    call_command("import_glossary", str(path), *args, stdout=out)
    return out.getvalue()


def import_fails(path):
    before = GlossaryTerm.objects.count()
    with pytest.raises(CommandError) as error:
        import_csv(path, "--publish")
    assert GlossaryTerm.objects.count() == before, "nothing from a bad file is saved"
    return str(error.value)


GOOD_ROWS = (
    "zorp-index,zorp index,ZORP IN-dex,ZI,,A **measure** of zorps.,índice zorp,Una medida de zorps.,blip-cell",
    'blip-cell,blip cell,,BC,"blip body; blip unit",A cell that blips.,célula blip,Una célula que parpadea.,',
)


def test_import_creates_drafts_for_review(tmp_path):
    output = import_csv(write_csv(tmp_path, *GOOD_ROWS))
    assert "2 created, 0 updated as drafts, 0 unchanged." in output
    zorp = GlossaryTerm.objects.get(slug="zorp-index")
    assert not zorp.live
    draft = zorp.get_latest_revision_as_object()
    assert draft.definition_en == "<p>A <b>measure</b> of zorps.</p>"
    assert [link.related.slug for link in draft.related_links.all()] == ["blip-cell"]
    blip = GlossaryTerm.objects.get(slug="blip-cell").get_latest_revision_as_object()
    assert blip.other_names_en.splitlines() == ["blip body", "blip unit"]


def test_import_with_publish_makes_terms_live_and_importing_again_changes_nothing(tmp_path, client):
    path = write_csv(tmp_path, *GOOD_ROWS)
    assert "2 published" in import_csv(path, "--publish")
    assert client.get("/es/glosario/indice-zorp/").status_code == 200  # a Spanish slug from the Spanish name
    revisions = dict(GlossaryTerm.objects.values_list("slug", "latest_revision_id"))

    assert "0 created, 0 updated as drafts, 2 unchanged." in import_csv(path, "--publish")
    assert dict(GlossaryTerm.objects.values_list("slug", "latest_revision_id")) == revisions


def test_a_change_to_a_live_term_waits_for_review(tmp_path, client):
    import_csv(write_csv(tmp_path, *GOOD_ROWS), "--publish")
    changed = GOOD_ROWS[0].replace("A **measure** of zorps.", "A new measure.")
    assert "1 updated as drafts" in import_csv(write_csv(tmp_path, changed, GOOD_ROWS[1]))
    zorp = GlossaryTerm.objects.get(slug="zorp-index")
    assert zorp.has_unpublished_changes and "measure</b> of zorps" in zorp.definition_en
    assert (
        "of zorps"
        in client.get("/api/glossary/zorp-index/?lang=en").json()["translations"]["en"]["definition_text"]
    )


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            (GOOD_ROWS[0], ",,,,,A definition without a name.,,,"),
            "terms.csv:row 3: missing English name (name_en)",
        ),
        (
            (GOOD_ROWS[1], "other-blip,Blip Cell,,,,Same name again.,,,"),
            "terms.csv:row 3: 'Blip Cell' (en) is already a name of 'blip-cell'",
        ),
        (
            (GOOD_ROWS[1], "other-blip,other blip,,,,Another.,CÉLULA BLIP,Otra.,"),
            "terms.csv:row 3: 'CÉLULA BLIP' (es) is already a name of 'blip-cell'",
        ),
        (
            ("zorp-index,zorp index,,,,Zorps.,,,no-such-term",),
            "terms.csv:row 2: related term 'no-such-term' is not in the glossary",
        ),
        (
            ("zorp,zorp,,,,<script>alert(1)</script> Zorps.,,,",),
            "terms.csv:row 2: definition_en may only use",
        ),
        (
            ("zorp,zorp,,,,Zorps.,,Sin nombre en español.,",),
            "terms.csv:row 2: missing Spanish name (name_es)",
        ),
    ],
    ids=[
        "missing-name",
        "duplicate-name",
        "duplicate-spanish-name",
        "unknown-related",
        "script",
        "spanish-no-name",
    ],
)
def test_a_bad_row_is_reported_by_number_and_nothing_is_saved(tmp_path, rows, expected):
    message = import_fails(write_csv(tmp_path, *rows))
    assert expected in message
    assert "Nothing was imported." in message


def test_a_name_already_in_the_glossary_is_refused(tmp_path):
    message = import_fails(write_csv(tmp_path, "new-mrd,Minimal Residual Disease,,,,Again.,,,"))
    assert "row 2: 'Minimal Residual Disease' (en) is already a name of 'minimal-residual-disease'" in message


def test_every_bad_row_is_listed(tmp_path):
    message = import_fails(write_csv(tmp_path, ",,,,,No name.,,,", GOOD_ROWS[1], ",,,,,No name either.,,,"))
    assert "row 2: missing English name" in message and "row 4: missing English name" in message


def test_export_writes_both_languages_and_reimports_unchanged(tmp_path):
    GlossaryTermFactory(
        slug="quux",
        name_en="quux",
        abbreviations_en="QX\nQU",
        # As the admin's editor saves it: export and import leave out the attribute.
        definition_en='<p data-block-key="x1">A <i>quux</i>, see <a href="https://example.org/">this</a>.</p>',
        name_es="cuux",
        definition_es="<p>Un cuux.</p>",
    ).save_revision().publish()
    out = StringIO()
    call_command("export_glossary", stdout=out)
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(out.getvalue()))}
    assert len(rows) >= 100
    assert rows["quux"]["abbreviations_en"] == "QX; QU"
    assert (
        rows["quux"]["definition_en"] == '<p>A <i>quux</i>, see <a href="https://example.org/">this</a>.</p>'
    )
    assert rows["quux"]["name_es"] == "cuux"
    seed = (settings.DEMO_CONTENT_DIR / "glossary" / "minimal-residual-disease.md").read_text(
        encoding="utf-8"
    )
    seed_es = yaml.safe_load(seed.split("---")[1])["es"]
    assert rows["minimal-residual-disease"]["abbreviations_es"] == "; ".join(seed_es["abbreviations"])

    mrd = GlossaryTerm.objects.get(slug="minimal-residual-disease")
    assert rows["minimal-residual-disease"]["slug_es"] == mrd.slug_es != ""

    path = tmp_path / "export.csv"
    call_command("export_glossary", "--output", str(path))
    assert f"0 created, 0 updated as drafts, {len(rows)} unchanged." in import_csv(path)


def test_a_csv_row_may_give_the_spanish_address_which_then_never_changes(tmp_path):
    header = HEADER.replace("slug,", "slug,slug_es,", 1)
    row = "zorp-index,indice-de-zorp,zorp index,,,,A measure.,índice zorp,Una medida.,"
    path = tmp_path / "terms.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    import_csv(path, "--publish")
    assert GlossaryTerm.objects.get(slug="zorp-index").slug_es == "indice-de-zorp"

    path.write_text(f"{header}\n{row.replace('indice-de-zorp', 'zorp-indice')}\n", encoding="utf-8")
    message = import_fails(path)
    assert "terms.csv:row 2: the term's Spanish slug is 'indice-de-zorp' and cannot change" in message
    path.write_text(f"{header}\n{row.replace('indice-de-zorp', 'Índice Zorp')}\n", encoding="utf-8")
    message = import_fails(path)
    assert "the Spanish slug 'Índice Zorp' must be lowercase letters, digits and hyphens" in message


SEED = """\
    ---
    slug: {slug}
    related: [{related}]
    en:
      name: {name}
      abbreviations: [QT]
      definition: >-
        A made-up term **for tests**.
    es:
      name: {name} es
      definition: Un término inventado.
    ---
    """


def seed(folder, slug, name=None, related="", text=None):
    folder.mkdir(exist_ok=True)
    body = (
        text
        if text is not None
        else SEED.format(slug=slug, name=name or slug.replace("-", " "), related=related)
    )
    (folder / f"{slug}.md").write_text(textwrap.dedent(body), encoding="utf-8")


def test_seed_files_load_published_and_load_again_unchanged(tmp_path, client):
    seed(tmp_path, "quix-one", related="quix-two")
    seed(tmp_path, "quix-two")
    report = load_glossary_folder(tmp_path, publish=True)
    assert (len(report.created), len(report.published)) == (2, 2)
    term = GlossaryTerm.objects.get(slug="quix-one")
    assert term.live and term.definition_en == "<p>A made-up term <b>for tests</b>.</p>"
    assert term.abbreviations_en == "QT" and term.name_es == "quix one es"
    assert client.get("/es/glosario/quix-one-es/").status_code == 200

    again = load_glossary_folder(tmp_path, publish=True)
    assert (len(again.created), len(again.updated), len(again.unchanged)) == (0, 0, 2)


def test_a_seed_file_may_give_the_spanish_slug(tmp_path, client):
    seed(
        tmp_path,
        "quix-one",
        text=SEED.format(slug="quix-one", name="quix one", related="").replace(
            "related: []", "slug_es: uno-quix\n    related: []"
        ),
    )
    load_glossary_folder(tmp_path, publish=True)
    assert GlossaryTerm.objects.get(slug="quix-one").slug_es == "uno-quix"
    assert client.get("/es/glosario/uno-quix/").status_code == 200
    assert client.get("/es/glosario/quix-one/")["Location"] == "/es/glosario/uno-quix/"


@pytest.mark.parametrize(
    ("slug_es", "message"),
    [
        ("Uno Quix", "'slug_es' must be lowercase letters, digits and hyphens"),
        ("leucemia-linfoblastica-aguda", "the Spanish slug 'leucemia-linfoblastica-aguda' is also used by"),
    ],
    ids=["not-a-slug", "taken"],
)
def test_a_bad_spanish_slug_is_reported_and_nothing_is_saved(tmp_path, slug_es, message):
    text = SEED.format(slug="quix-bad", name="x", related="").replace(
        "related: []", f"slug_es: {slug_es}\n    related: []"
    )
    seed(tmp_path, "quix-bad", text=text)
    with pytest.raises(GlossaryImportError) as error:
        load_glossary_folder(tmp_path, publish=True)
    assert f"{tmp_path / 'quix-bad.md'}:3: " in str(error.value) and message in str(error.value)
    assert not GlossaryTerm.objects.filter(slug="quix-bad").exists()


def test_a_spanish_slug_never_changes(tmp_path):
    seed(tmp_path, "quix-one")
    load_glossary_folder(tmp_path, publish=True)
    assert GlossaryTerm.objects.get(slug="quix-one").slug_es == "quix-one-es"
    seed(
        tmp_path,
        "quix-one",
        text=SEED.format(slug="quix-one", name="quix one", related="").replace(
            "related: []", "slug_es: otro\n    related: []"
        ),
    )
    with pytest.raises(GlossaryImportError, match="Spanish slug is 'quix-one-es' and cannot change"):
        load_glossary_folder(tmp_path, publish=True)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("---\nslug: quix-bad\nen: [\n---\n", 3, "broken front matter"),
        (SEED.format(slug="quix-other", name="x", related=""), 2, "must be the file name ('quix-bad.md')"),
        (
            SEED.format(slug="quix-bad", name="x", related="nope"),
            3,
            "related term 'nope' is not in the glossary",
        ),
        (
            SEED.format(slug="quix-bad", name="x", related="").replace(
                "      definition: Un", "      other: Un"
            ),
            11,
            "unknown key 'other'",
        ),
        (
            SEED.format(slug="quix-bad", name="x", related="").replace("**for tests**", "<b onclick=x>t</b>"),
            7,
            "definitions may only use **bold**",
        ),
        (
            SEED.format(slug="quix-bad", name="Minimal residual disease", related=""),
            5,
            "'Minimal residual disease' (en) is already a name of 'minimal-residual-disease'",
        ),
        (
            SEED.format(slug="quix-bad", name="x", related="") + "Some body text\n",
            13,
            "nothing after its front matter",
        ),
    ],
    ids=["yaml", "slug-not-file-name", "unknown-related", "unknown-key", "html", "duplicate-name", "body"],
)
def test_a_bad_seed_file_is_reported_by_file_and_line_and_nothing_is_saved(tmp_path, text, line, message):
    seed(tmp_path, "quix-good")
    seed(tmp_path, "quix-bad", text=textwrap.dedent(text))
    before = GlossaryTerm.objects.count()
    with pytest.raises(GlossaryImportError) as error:
        load_glossary_folder(tmp_path, publish=True)
    where = f"{tmp_path / 'quix-bad.md'}:{line}: "
    assert any(problem.startswith(where) and message in problem for problem in str(error.value).splitlines())
    assert GlossaryTerm.objects.count() == before


def test_the_demo_glossary_is_loaded_in_both_languages():
    terms = GlossaryTerm.objects.filter(live=True)
    assert terms.count() >= 100
    assert not terms.filter(name_es__isnull=True).exists() and not terms.filter(name_es="").exists()
