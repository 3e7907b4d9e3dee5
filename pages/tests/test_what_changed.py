"""What changed: the section as families will see it, with inserted and deleted words marked in place.

Every test opens the view through the admin, signed in as a member of the reviewing board (or an editor).
"""

import copy
import re
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile

from accounts.roles import EDITORS
from pages.factories import GuideSectionPageFactory
from pages.models import GuidePage, GuideSectionPage

pytestmark = pytest.mark.django_db


def label(kind, language="en"):
    text = {("ins", "en"): "Inserted: ", ("del", "en"): "Deleted: ", ("ins", "es"): "Añadido: "}
    text |= {("del", "es"): "Eliminado: "}
    return f'<span class="visually-hidden" lang="{language}">{text[kind, language]}</span>'


def ins(words, language="en"):
    return f"<ins>{label('ins', language)}{words}</ins>"


def deleted(words, language="en"):
    return f"<del>{label('del', language)}{words}</del>"


def person(username, *group_names):
    user = get_user_model().objects.create_user(username, f"{username}@example.org")
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def author():
    return get_user_model().objects.create_superuser("changes_author", "author@example.org", None)


@pytest.fixture
def reviewer():
    board = GuidePage.objects.get(slug="childhood-all", locale__language_code="en").board
    return person("changes_reviewer", board.group.name)


def section(slug="tests-and-diagnosis"):
    return GuideSectionPage.objects.get(slug=slug, locale__language_code="en")


def submit(page, author, edit):
    """`edit(body, key_points, draft)` changes a copy of the live content; the draft goes to board review."""
    draft = page.get_latest_revision_as_object()
    body, points = copy.deepcopy(list(draft.body.raw_data)), copy.deepcopy(list(draft.key_points.raw_data))
    edit(body, points, draft)
    draft.body, draft.key_points = body, points
    draft.revision_kind, draft.change_summary = "substantive", "Clearer."
    draft.save_revision(user=author)
    page.get_workflow().start(page, author)
    return GuideSectionPage.objects.get(pk=page.pk)


def typical_edit(body, points, draft):
    """A word changed, a sentence cut, a table cell and a question reworded, a question and a callout added,
    a text block and a key point removed, a key point and the summary extended."""
    body[1]["value"] = (
        body[1]["value"]
        .replace("past health", "general health")
        .replace(" In boys, they also check the testicles.", "")
    )
    table = next(block for block in body if block["type"] == "table")
    table["value"]["data"][2][1] = "Whether blasts (young leukemia cells) are in the blood"
    questions = next(block for block in body if block["type"] == "questions")
    questions["value"]["questions"][1] = "Which results are we still waiting for?"
    questions["value"]["questions"].insert(3, "Will my child need more tests later?")
    del body[5]
    callout = {"title": "Bring a notebook", "body": "<p>Write down each test.</p>", "kind": "tip"}
    body.insert(1, {"id": str(uuid.uuid4()), "type": "callout", "value": callout})
    points[1]["value"] = "A bone marrow aspiration and biopsy confirm the diagnosis of ALL."
    del points[3]
    draft.summary += " Most results come back within a week."


def what_changed(client, user, page, query="", status=200):
    client.force_login(user)
    response = client.get(reverse("what_changed", args=[page.pk]) + query)
    assert response.status_code == status
    return response.content.decode()


def article(html):
    match = re.search(r'<article class="what-changed-page" lang="(\w+)"[^>]*>(.*)</article>', html, re.S)
    assert match, "no page as families see it"
    return match.group(1), match.group(2)


def elements(html, tag):
    return re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html, re.S)


def test_a_reviewer_sees_each_change_where_it_stands(client, author, reviewer):
    live = section()
    removed_text = re.sub(r"<[^>]+>", "", live.body.raw_data[5]["value"])[:40]
    page = submit(live, author, typical_edit)
    html = what_changed(client, reviewer, page)
    assert "Blocks changed: 5. New: 1. Removed: 2. Moved: 0." in html
    language, shown = article(html)
    assert language == "en"

    # A changed word inside its paragraph; the sentence cut struck through where it stood.
    paragraph = next(p for p in elements(shown, "p") if "health and family illnesses" in p)
    assert f"child's {deleted('past')} {ins('general')} health" in paragraph
    assert deleted("In boys, they also check the testicles.") in paragraph

    # The table keeps its rows; the changed cell is marked inside itself.
    table = re.sub(r"\s+", " ", elements(shown, "table")[0])
    assert len(elements(table, "tr")) == 9
    assert f"<td> Whether blasts {ins('(young leukemia cells)')} are in the blood </td>" in table

    # The questions list: a reworded question in place, a new one as a new item.
    questions = next(ul for ul in elements(shown, "ul") if "What type of ALL" in ul)
    items = elements(questions, "li")
    assert len(items) == 7
    assert items[1] == (
        f"Which {deleted('test')} results are we still waiting "
        f"{deleted('for, and when will we get them?')}{ins('for?')}"
    )
    assert items[3] == ins("Will my child need more tests later?")

    # New and removed blocks are shown whole, each in one mark.
    assert re.search(
        rf'<ins class="what-changed-block">{re.escape(label("ins"))}\s*<aside class="callout callout-tip"',
        shown,
    )
    assert re.search(
        rf'<del class="what-changed-block">{re.escape(label("del"))}<div class="block-rich-text">'
        rf"<p>{re.escape(removed_text)}",
        shown,
    )

    # Key points: one extended in place, one removed (still a list item, struck through).
    key_points = elements(shown, "ul")[0]
    assert f"confirm the {deleted('diagnosis.')}{ins('diagnosis of ALL.')}" in key_points
    removed_point = "Tests of the chromosomes and genes in the leukemia cells help doctors choose treatment."
    assert "<li>" + deleted(removed_point) in key_points
    assert ins("Most results come back within a week.") in shown


def test_blocks_with_new_ids_are_paired_by_position(client, author, reviewer):
    """An import gives every block a new id: only the changed word is marked, no block is new or removed."""

    def reimport(body, points, draft):
        for block in [*body, *points]:
            block["id"] = str(uuid.uuid4())
        body[3]["value"] = body[3]["value"].replace("blood", "BLOOD", 1)

    html = what_changed(client, reviewer, submit(section(), author, reimport))
    assert "Blocks changed: 1. New: 0. Removed: 0. Moved: 0." in html
    _language, shown = article(html)
    assert shown.count("<ins") == 1 and shown.count("<del") == 1 and ins("BLOOD") in shown


def test_blocks_are_paired_by_id_first_so_a_moved_block_is_shown_moved_not_rewritten(
    client, author, reviewer
):
    def move(body, points, draft):
        body.append(body.pop(2))  # the "Blood tests" heading goes to the end, unchanged

    html = what_changed(client, reviewer, submit(section(), author, move))
    assert "Blocks changed: 0. New: 0. Removed: 0. Moved: 1." in html
    _language, shown = article(html)
    assert "<ins" not in shown and "<del" not in shown
    assert "Moved: this block stood elsewhere in the page." in shown


def test_marks_and_labels_follow_the_reader_and_the_page_their_language(client, author, reviewer):
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "es"
    profile.save()
    page = submit(section(), author, typical_edit)
    html = what_changed(client, reviewer, page)
    assert "Qué cambió" in html and "Bloques cambiados: 5." in html
    language, shown = article(html)
    assert language == "en"  # the page is English; the reader's labels say they are Spanish
    assert f"child's {deleted('past', 'es')} {ins('general', 'es')} health" in shown
    assert "<h3>Key points</h3>" in shown  # as families see the English page

    spanish = GuideSectionPage.objects.get(slug="que-es-la-lla")
    editor = person("changes_editor", EDITORS)
    draft = spanish.get_latest_revision_as_object()
    draft.summary = "Un resumen nuevo."
    draft.save_revision(user=author)
    html = what_changed(client, editor, spanish)
    assert "What changed" in html
    language, shown = article(html)
    assert language == "es" and "<h3>Puntos clave</h3>" in shown
    assert ins("Un resumen nuevo.") in shown or ins("nuevo.") in shown


def test_no_difference_says_so(client, author, reviewer):
    html = what_changed(client, reviewer, submit(section(), author, lambda body, points, draft: None))
    assert "Families see no difference between these two revisions." in html
    _language, shown = article(html)
    assert "<ins" not in shown and "<del" not in shown


def test_a_page_never_published_is_shown_whole_as_new(client, author):
    guide = GuidePage.objects.get(slug="childhood-all", locale__language_code="en")
    new = GuideSectionPageFactory(parent=guide, live=False, title="A new section", summary="New summary.")
    new.save_revision(user=author)
    html = what_changed(client, person("changes_editor", EDITORS), Page.objects.get(pk=new.pk))
    assert "shown as new" in html
    _language, shown = article(html)
    assert f'<ins class="what-changed-block">{label("ins")}<h2>A new section</h2></ins>' in shown


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("?to=999999999", "Select a valid choice. 999999999 is not one of the available choices."),
        ("?from=earlier", "Select a valid choice. earlier is not one of the available choices."),
        ("?from=1&to=2", "Select a valid choice. 2 is not one of the available choices."),
        ("?to=", "This field is required."),
    ],
)
def test_revisions_that_are_not_this_pages_get_a_clear_error(client, author, reviewer, query, error):
    html = what_changed(client, reviewer, submit(section(), author, typical_edit), query, status=400)
    assert "These two revisions cannot be compared:" in html and error in html
    assert '<article class="what-changed-page"' not in html


def test_text_is_escaped(client, author, reviewer):
    def hostile(body, points, draft):
        draft.title = "Tests <script>alert(1)</script>"
        points[0]["value"] = "A point with <b>markup</b> & an ampersand"

    html = what_changed(client, reviewer, submit(section(), author, hostile))
    _language, shown = article(html)
    assert "<script>alert(1)" not in shown and "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert "&lt;b&gt;markup&lt;/b&gt; &amp; an ampersand" in shown


def test_reviewers_reach_what_changed_from_the_review_screens(client, author, reviewer):
    page = submit(section(), author, typical_edit)
    url = reverse("what_changed", args=[page.pk])
    client.force_login(reviewer)
    screens = {
        "the edit view's board votes panel": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "the workflow history": reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        "the page's history": reverse("wagtailadmin_pages:history", args=[page.pk]),
        "the comparison": reverse(
            "wagtailadmin_pages:revisions_compare", args=[page.pk, "live", page.get_latest_revision().pk]
        ),
    }
    for name, screen in screens.items():
        response = client.get(screen)
        assert response.status_code == 200, name
        assert f'href="{url}' in response.content.decode(), name
    state = page.current_workflow_state
    detail = reverse("wagtailadmin_pages:workflow_history_detail", args=[page.pk, state.pk])
    assert f'href="{url}' in client.get(detail).content.decode()
