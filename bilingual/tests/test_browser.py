"""The side-by-side view in Chromium: no WCAG 2.2 A/AA violation (axe) at phone and desktop widths in both
languages, columns on a desktop, blocks interleaved on a phone, the one-language switch, paper, terms.

Screenshots go to SCREENSHOT_DIR or tmp-screenshots/ (side-by-side-<page>-<language>-<width>.png).
"""

import pytest

from conftest import BROWSER_MARKS, screenshot, wcag_violations

from .helpers import GUIDE_SIDE_BY_SIDE, SIDE_BY_SIDE

pytestmark = BROWSER_MARKS
PAGES = {"section": SIDE_BY_SIDE, "guide": GUIDE_SIDE_BY_SIDE}
OTHER = {"en": "es", "es": "en"}


def first_row_cells(tab):
    """(top, left) of the first row's two cells, and their languages."""
    cells = tab.locator(".side-by-side-row:not(.side-by-side-intro)").first.locator(".side-by-side-cell")
    boxes = [cells.nth(n).bounding_box() for n in range(2)]
    return boxes, [cells.nth(n).get_attribute("lang") for n in range(2)]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_wcag_violations_and_the_layout_of_each_width(
    browser_page, name, language, demo_site, screenshot_dir
):
    width_name, tab = browser_page
    response = tab.goto(demo_site.url + PAGES[name][language])
    assert response.status == 200
    assert tab.locator("html").get_attribute("lang") == language
    boxes, languages = first_row_cells(tab)
    assert languages == [language, OTHER[language]]  # the reader's language first
    if width_name == "desktop":
        assert boxes[1]["x"] > boxes[0]["x"] + boxes[0]["width"] - 1 and boxes[0]["y"] == boxes[1]["y"]
    else:
        assert boxes[1]["y"] >= boxes[0]["y"] + boxes[0]["height"] - 1  # interleaved: one under the other
    count, report = wcag_violations(tab)
    screenshot(tab, screenshot_dir / f"side-by-side-{name}-{language}-{width_name}.png", width_name)
    assert count == 0, report


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_switch_shows_one_language_only(browser_page, language, demo_site):
    _width_name, tab = browser_page
    tab.goto(demo_site.url + SIDE_BY_SIDE[language])
    other = OTHER[language]
    assert tab.locator(f".side-by-side-cell.side-by-side-{other}").first.is_visible()
    tab.locator(f"label[for='show-{language}']").click()
    assert not tab.locator(f".side-by-side-cell.side-by-side-{other}").first.is_visible()
    assert tab.locator(f".side-by-side-cell.side-by-side-{language}").first.is_visible()
    assert wcag_violations(tab)[0] == 0
    tab.locator("label[for='show-both']").click()
    assert tab.locator(f".side-by-side-cell.side-by-side-{other}").first.is_visible()


def test_a_term_opens_its_definition_in_its_sides_language_with_the_other_name(browser_page, demo_site):
    _width_name, tab = browser_page
    tab.goto(demo_site.url + SIDE_BY_SIDE["en"])
    term = tab.locator(".side-by-side-cell.side-by-side-es a.glossary-term").first
    term.click()
    panel = tab.locator(f"#{term.get_attribute('aria-controls')}")
    panel.locator(".glossary-panel-definition").wait_for()
    other = panel.locator(".glossary-panel-other")
    assert other.inner_text().startswith("En inglés:")
    assert other.locator("[lang='en']").inner_text() == term.get_attribute("data-glossary-other-name")
    assert (
        panel.locator(".glossary-panel-close").inner_text() == "Cerrar"
    )  # the panel speaks its side's language
    assert wcag_violations(tab)[0] == 0


def test_on_paper_two_columns_and_each_section_on_a_new_page(browser, demo_site, screenshot_dir):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(demo_site.url + GUIDE_SIDE_BY_SIDE["es"])
    tab.emulate_media(media="print")
    boxes, _languages = first_row_cells(tab)
    assert boxes[0]["y"] == boxes[1]["y"]  # two columns even from a phone
    second_section = tab.locator(".side-by-side-section").nth(1)
    assert second_section.evaluate("node => getComputedStyle(node).breakBefore") == "page"
    assert not tab.locator(".side-by-side-switch").is_visible()
    tab.pdf(path=str(screenshot_dir / "side-by-side-guide-es.pdf"), format="Letter")
    tab.set_viewport_size({"width": 816, "height": 1056})  # a Letter page at 96 dpi, to look at
    tab.screenshot(
        path=screenshot_dir / "side-by-side-guide-es-print.png",
        clip={"x": 0, "y": 0, "width": 816, "height": 2112},
    )
    context.close()
