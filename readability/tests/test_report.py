"""Reports → Readability and `manage.py readability_scores`: every section, filters, export, targets."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Locale

from pages.models import GuideSectionPage
from readability.models import BoardTargets

from .helpers import HARD, MEDIUM, guide, member, section_with

pytestmark = pytest.mark.django_db
URL = reverse("readability_report")


def rows(client, **filters):
    """The report's rows as CSV dicts (the export carries every column)."""
    response = client.get(URL, {**filters, "export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(content)))


def test_every_section_in_both_languages_is_listed_with_its_scores(client):
    client.force_login(member("editor"))
    for language, title in (("en", "Types of Treatment"), ("es", "Tipos de tratamiento para la LLA")):
        locale = Locale.objects.get(language_code=language)
        response = client.get(URL, {"locale": locale.pk})  # one language fits on the report's first page
        assert response.status_code == 200
        assert title in response.content.decode()
    found = rows(client)
    assert len(found) == GuideSectionPage.objects.count()
    english = next(row for row in found if row["Title"] == "Types of Treatment")
    assert float(english["Flesch–Kincaid grade"]) > 0 and english["INFLESZ"] == ""
    assert english["Band"] and english["Board target"] in ("Meets", "Misses")
    spanish = next(row for row in found if row["Title"] == "Tipos de tratamiento para la LLA")
    assert float(spanish["INFLESZ"]) > 0 and spanish["Beside the English"] == "Within one band"


def test_filters_find_sections_that_miss_their_target(client):
    page = section_with(HARD)
    client.force_login(member("editor"))
    missing = rows(client, target_status="misses")
    assert page.title in [row["Title"] for row in missing]
    assert all(row["Board target"] == "Misses" for row in missing)
    assert page.title in [row["Title"] for row in rows(client, level=1)]
    assert page.title not in [row["Title"] for row in rows(client, target_status="meets")]
    spanish = rows(client, locale=Locale.objects.get(language_code="es").pk)
    assert spanish and {row["Language"] for row in spanish} == {"es"}


def test_a_boards_own_targets_change_the_status(client):
    page = section_with(MEDIUM)  # grade 11.9
    client.force_login(member("editor"))
    assert next(row for row in rows(client) if row["Title"] == page.title)["Board target"] == "Misses"
    board = guide("home/childhood-all").board
    BoardTargets.objects.create(board=board, english_max_grade=12)
    assert next(row for row in rows(client) if row["Title"] == page.title)["Board target"] == "Meets"


def test_the_report_exports_xlsx(client):
    client.force_login(member("translator"))
    response = client.get(URL, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert b"".join(response.streaming_content)[:2] == b"PK"  # a zip file, as .xlsx files are


def test_the_command_prints_every_section_and_checks_targets(capsys):
    call_command("readability_scores", language="es")
    output = capsys.readouterr().out
    assert "lla-infantil/tipos-de-tratamiento" in output and "INFLESZ" in output
    assert "childhood-all/" not in output

    section_with(HARD)
    with pytest.raises(CommandError, match="miss their board's target"):
        call_command("readability_scores", check=True)
