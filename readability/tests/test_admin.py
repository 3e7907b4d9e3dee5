"""Through the admin: scores computed on save, the Checks panel's plain-language section, board targets."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from glossary.models import GlossaryTerm
from pages.models import GuidePage, GuideSectionPage
from readability.models import BoardTargets, RevisionScore

from .helpers import EASY, HARD, MEDIUM, guide, member, section_with

pytestmark = pytest.mark.django_db


def plain_language_section(response):
    """The HTML of the plain-language section of the Checks panel on an edit page."""
    html = response.content.decode()
    found = re.search(r'<section class="readability-checks".*?</section>', html, re.S)
    assert found, "no plain-language section in the Checks panel"
    return found.group()


def edit(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def test_a_section_saved_in_the_admin_gets_scores_for_its_revision(client):
    client.force_login(member("editor"))
    guide = GuidePage.objects.get(url_path="/home/childhood-all/")
    data = nested_form_data(
        {
            "title": "Hard words",
            "slug": "hard-words",
            "summary": "A section written badly on purpose.",
            "key_points": streamfield([("point", "Short point.")]),
            "body": streamfield([("rich_text", rich_text(HARD))]),
        }
    )
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["pages", "guidesectionpage", guide.pk]), data
    )
    assert response.status_code == 302

    page = GuideSectionPage.objects.get(slug="hard-words")
    score = RevisionScore.objects.get(revision=page.latest_revision)
    assert score.language == "en" and score.grade > 8 and score.long_sentence_count == 2

    panel = plain_language_section(edit(client, page))
    assert "Misses the board's target: grade 8.0 or lower." in panel
    assert "Sentences over 25 words (2)" in panel
    assert 'data-action="readability-checks#find"' in panel
    assert "Consolidation chemotherapy administered intravenously" in panel
    assert "<script" not in panel


def test_a_new_revision_and_an_overwritten_one_are_scored_again():
    page = section_with(HARD)
    first = page.latest_revision
    assert RevisionScore.objects.get(revision=first).level == 1

    page.body = [{"type": "rich_text", "value": EASY}]
    second = page.save_revision(user=member("editor"))
    assert RevisionScore.objects.get(revision=second).level == 5
    assert RevisionScore.objects.get(revision=first).level == 1  # the old revision keeps its own scores

    page.body = [{"type": "rich_text", "value": HARD}]
    page.save_revision(user=member("editor"), overwrite_revision=second)
    assert RevisionScore.objects.get(revision=second).level == 1


def test_only_guide_section_revisions_are_scored():
    guide = GuidePage.objects.get(url_path="/home/childhood-all/")
    revision = guide.save_revision(user=member("editor"))
    term = GlossaryTerm.objects.filter(live=True).first()
    term_revision = term.save_revision(user=member("editor"))
    assert not RevisionScore.objects.filter(revision__in=[revision, term_revision]).exists()


def test_the_panel_shows_an_easy_section_meeting_its_target(client):
    page = section_with(EASY)
    client.force_login(member("editor"))
    panel = plain_language_section(edit(client, page))
    assert "Meets the board's target: grade 8.0 or lower." in panel
    assert re.search(r'data-readability-score="reading-ease">\s*1\d\d\.\d · Very easy', panel)
    assert "Sentences over 25 words (0)" in panel


def test_too_little_text_says_so(client):
    page = section_with("<p>Fever.</p>", summary="Call us.")
    client.force_login(member("editor"))
    panel = plain_language_section(edit(client, page))
    assert "Not enough text to score: 3 words (at least 30 needed)." in panel
    assert "data-readability-target" not in panel


def test_a_new_page_asks_for_a_draft_first(client):
    client.force_login(member("editor"))
    guide = GuidePage.objects.get(url_path="/home/childhood-all/")
    response = client.get(reverse("wagtailadmin_pages:add", args=["pages", "guidesectionpage", guide.pk]))
    assert "Save a draft to see plain-language scores." in plain_language_section(response)


def test_other_pages_and_snippets_keep_wagtails_checks_panel_alone(client):
    client.force_login(member("editor"))
    response = edit(client, GuidePage.objects.get(url_path="/home/childhood-all/"))
    assert "Content metrics" in response.content.decode()
    assert "readability-checks" not in response.content.decode()


def test_the_editor_loads_the_panels_script_from_a_static_file(client):
    client.force_login(member("editor"))
    html = edit(client, section_with(EASY)).content.decode()
    assert re.search(r'<script src="/static/readability/js/checks\.js" defer></script>', html)


def test_glossary_terms_are_never_hard_words_and_a_new_term_clears_the_flag(client):
    page = section_with(EASY + "<p>Your child will have a myelogram and some thrombocytopenia.</p>")
    client.force_login(member("editor"))
    panel = plain_language_section(edit(client, page))
    assert "Hard words (2)" in panel and "myelogram" in panel and "thrombocytopenia" in panel

    term = GlossaryTerm(
        slug="myelogram",
        name_en="myelogram",
        name_es="mielograma",
        definition_en="<p>A test.</p>",
        definition_es="<p>Una prueba.</p>",
    )
    term.save()
    term.save_revision().publish()
    panel = plain_language_section(edit(client, page))
    assert "Hard word (1)" in panel and "myelogram" not in panel


def test_a_spanish_page_shows_its_english_source_and_the_parity_line(client):
    client.force_login(member("translator"))
    spanish = GuideSectionPage.objects.get(url_path="/inicio/lla-infantil/signos-y-sintomas/")
    panel = plain_language_section(edit(client, spanish))
    assert 'data-readability-score="inflesz"' in panel
    assert "Meets the board's target: INFLESZ 55.0 or higher." in panel
    assert "English: grade" in panel
    assert "The Spanish is no more than one band harder than the English." in panel

    spanish.body = [
        {
            "type": "rich_text",
            "value": "<p>La administración intravenosa de quimioterapia intensificada requiere "
            "hospitalización prolongada, monitorización hematológica exhaustiva y medicación "
            "antiemética individualizada.</p>" * 3,
        }
    ]
    spanish.save_revision(user=member("translator"))
    panel = plain_language_section(edit(client, spanish))
    assert "Misses the board's target: INFLESZ 55.0 or higher." in panel
    assert re.search(r"The Spanish reads [234] bands harder than the English", panel)


def test_a_boards_targets_apply_to_its_sections(client):
    page = section_with(MEDIUM)  # grade 11.9
    client.force_login(member("editor"))
    assert "Misses the board's target: grade 8.0 or lower." in plain_language_section(edit(client, page))
    board = guide("home/childhood-all").board
    BoardTargets.objects.create(board=board, english_max_grade=12)
    assert "Meets the board's target: grade 12.0 or lower." in plain_language_section(edit(client, page))


def test_managing_editors_set_a_boards_targets_editors_may_not(client):
    board = guide("home/adult-all").board
    add_url = reverse("readability_targets:add")
    client.force_login(member("editor"))
    assert client.get(add_url).status_code in (302, 403)

    client.force_login(member("managing_editor"))
    listing = client.get(reverse("wagtailsnippets_pages_editorialboard:list")).content.decode()
    assert f"{add_url}?board={board.pk}" in listing  # the button beside the board
    assert client.get(f"{add_url}?board={board.pk}").status_code == 200
    response = client.post(
        add_url, {"board": board.pk, "english_max_grade": "7.5", "spanish_min_inflesz": "60"}
    )
    assert response.status_code == 302
    targets = BoardTargets.objects.get(board=board)
    assert (str(targets.english_max_grade), str(targets.spanish_min_inflesz)) == ("7.5", "60.0")

    response = client.post(
        add_url, {"board": board.pk, "english_max_grade": "40", "spanish_min_inflesz": "60"}
    )
    assert response.status_code == 200  # a second row for the board, and a grade out of range: refused
    assert set(response.context["form"].errors) == {"board", "english_max_grade"}


def test_revisions_saved_before_the_app_are_scored_when_first_shown(client):
    page = section_with(HARD)
    RevisionScore.objects.all().delete()
    client.force_login(member("editor"))
    assert "Misses the board" in plain_language_section(edit(client, page))
    assert RevisionScore.objects.filter(revision=page.latest_revision).exists()


def test_public_pages_never_score(client):
    RevisionScore.objects.all().delete()
    assert client.get("/en/childhood-all/types-of-treatment/").status_code == 200
    assert not RevisionScore.objects.exists()
