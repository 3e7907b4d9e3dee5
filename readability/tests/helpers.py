"""Sections with chosen text, saved the way editors save them, and the demo members who look at them."""

from django.contrib.auth import get_user_model
from wagtail.models import Page

from pages.factories import GuideSectionPageFactory

# Thirty one-syllable words in five sentences: far below grade 8.
EASY = (
    "<p>The cat sat on the mat. The dog ran to the cat. It sat down too. They both slept well. Then it was day.</p>"
    * 2
)
# Grade 11.9: meets a target of 12, misses the default 8.
MEDIUM = (
    "<p>Chemotherapy medicines kill leukemia cells throughout the body, and most children take them for "
    "about two years.</p>"
) * 3
# Long words in long sentences: far above grade 8, and two sentences over 25 words.
HARD = (
    "<p>Consolidation chemotherapy administered intravenously necessitates considerable hospitalization, "
    "comprehensive laboratory monitoring, individualized supportive medication, "
    "and coordinated communication between multidisciplinary oncology professionals throughout every "
    "phase of the treatment plan.</p>"
) * 2


def member(username):
    """A demo member made by load_demo_content (editor, translator, managing_editor, ped_reviewer1, …)."""
    return get_user_model().objects.get(username=username)


def guide(path):
    return Page.objects.get(url_path=f"/{path}/").specific


def section_with(html, parent_path="home/childhood-all", user=None, **fields):
    """A draft section under the guide at `parent_path` whose body is one paragraph block of `html`."""
    page = GuideSectionPageFactory(
        parent=guide(parent_path),
        live=False,
        summary=fields.pop("summary", "A short summary."),
        key_points=[],
        body=[{"type": "rich_text", "value": html}],
        locale=guide(parent_path).locale,
        **fields,
    )
    page.save_revision(user=user or member("editor"))
    return page
