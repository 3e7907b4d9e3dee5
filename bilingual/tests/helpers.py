"""Pages and translations for the side-by-side tests, made the ways editors make them."""

from bs4 import BeautifulSoup
from wagtail.models import Locale

from pages.factories import GuideSectionPageFactory, body_blocks
from pages.models import GuidePage, GuideSectionPage, RevisionKind

SECTION = {"en": "/en/childhood-all/phases-of-treatment/", "es": "/es/lla-infantil/fases-del-tratamiento/"}
SIDE_BY_SIDE = {"en": SECTION["en"] + "side-by-side/", "es": SECTION["es"] + "bilingue/"}
GUIDE_SIDE_BY_SIDE = {"en": "/en/childhood-all/side-by-side/", "es": "/es/lla-infantil/bilingue/"}


def demo_section(language):
    return GuideSectionPage.objects.get(url_path__endswith=SECTION[language].split("/", 2)[2])


def publish(page, kind=RevisionKind.MINOR, **changes):
    page = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.revision_kind = kind
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def english_section(blocks=4, **fields):
    guide = GuidePage.objects.get(slug="childhood-all", locale__language_code="en")
    return GuideSectionPageFactory(parent=guide, body=body_blocks(blocks), **fields)


def translated(english, publish_it=True):
    """The Spanish version as Wagtail's Translate makes it (copy_for_translation), published."""
    spanish = english.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish.save_revision()
    return publish(spanish) if publish_it else spanish


def side_by_side_url(page, language):
    word = "side-by-side" if language == "en" else "bilingue"
    return f"{page.url}{word}/"


def rows(html):
    """[[cell, cell] per row of blocks, in page order]: each cell a BeautifulSoup tag (its `lang`, its text)."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        row.find_all("div", class_="side-by-side-cell", recursive=False)
        for row in soup.select(".side-by-side-row:not(.side-by-side-intro)")
    ]


def intro_cells(html):
    """The cells with each side's dates, notice, summary and key points."""
    return BeautifulSoup(html, "html.parser").select(".side-by-side-intro > .side-by-side-cell")


def is_unmatched(cell):
    return cell.find(class_="side-by-side-unmatched") is not None
