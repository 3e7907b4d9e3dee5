"""In a real browser: a family member opens and closes a term's definition (mouse and keyboard) and browses the
glossary by letter."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from conftest import BROWSER_MARKS

pytestmark = BROWSER_MARKS
TERM = "minimal-residual-disease"


@pytest.fixture(scope="module")
def term_on_page(demo_site):
    """(page URL, the term's text there, its definition) for a demo section that uses the term."""
    from glossary.models import TermOccurrence
    from glossary.snapshot import current_glossary

    occurrence = TermOccurrence.objects.filter(term__slug=TERM, page__locale__language_code="en").first()
    html = Client().get(occurrence.page.url).content.decode()
    text = re.search(rf'<a class="glossary-term" href="/en/glossary/{TERM}/"[^>]*>([^<]+)</a>', html).group(1)
    definition = current_glossary().by_slug[TERM].entries["en"].definition_text
    return demo_site.url + occurrence.page.url, text, definition


def open_page(page, term_on_page):
    url, text, definition = term_on_page
    page.goto(url)
    term = page.get_by_role("button", name=text, exact=True)
    return term, page.locator(f"#{term.get_attribute('aria-controls')}"), definition


def test_open_and_close_a_term_with_the_mouse(page, term_on_page, demo_site):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    term, panel, definition = open_page(page, term_on_page)
    expect(term).to_have_attribute("aria-expanded", "false")
    expect(panel).to_be_hidden()

    term.click()
    expect(term).to_have_attribute("aria-expanded", "true")
    expect(panel).to_contain_text(definition)
    expect(panel.get_by_role("link", name="More about this term")).to_have_attribute(
        "href", f"/en/glossary/{TERM}/"
    )

    term.click()
    expect(term).to_have_attribute("aria-expanded", "false")
    expect(panel).to_be_hidden()

    term.click()
    panel.get_by_role("button", name="Close").click()
    expect(panel).to_be_hidden()
    expect(term).to_be_focused()

    term.click()
    page.locator("h1").click()  # a click elsewhere closes it too
    expect(term).to_have_attribute("aria-expanded", "false")

    assert all(url.startswith(demo_site.url) for url in requests), "no third-party requests"


def test_open_and_close_a_term_with_the_keyboard(page, term_on_page):
    term, panel, definition = open_page(page, term_on_page)

    term.focus()
    page.keyboard.press("Enter")
    expect(term).to_have_attribute("aria-expanded", "true")
    expect(panel).to_contain_text(definition)

    page.keyboard.press("Tab")  # the definition comes right after its button
    expect(panel.get_by_role("link", name="More about this term")).to_be_focused()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(term).to_be_focused()

    page.keyboard.press("Space")
    expect(term).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(term).to_have_attribute("aria-expanded", "false")
    expect(term).to_be_focused()


def test_browse_the_spanish_glossary_by_letter_and_open_a_term(page, demo_site):
    """On a phone: the glossary, then the letter M, then one of its terms, with the keyboard where it counts."""
    from glossary.snapshot import current_glossary

    first_m = current_glossary().by_letter("es")["M"][0]
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_site.url + "/es/glosario/")
    letters = page.get_by_role("navigation", name="Términos por letra inicial")
    expect(letters.get_by_role("link", name="A", exact=True)).to_have_attribute("aria-current", "page")
    letters.get_by_role("link", name="M", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(demo_site.url + "/es/glosario/letra/m/")
    expect(page.get_by_role("heading", level=2, name="Términos que empiezan por M")).to_be_visible()
    expect(letters.get_by_role("link", name="M", exact=True)).to_have_attribute("aria-current", "page")
    page.get_by_role("link", name=first_m.name, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(first_m.name)
