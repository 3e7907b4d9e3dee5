"""axe-core finds no WCAG 2.2 A/AA violation on the pages families use, in both languages, phone and desktop.

Each page is also saved as a full-page screenshot (see `screenshot_dir`) for people to look at.
"""

import pytest

from conftest import BROWSER_MARKS, screenshot, wcag_violations

pytestmark = BROWSER_MARKS
TERM = {"en": "minimal-residual-disease", "es": "enfermedad-residual-medible"}
PAGES = {
    "home": {"en": "/en/", "es": "/es/"},
    "guide": {"en": "/en/childhood-all/", "es": "/es/lla-infantil/"},
    "section": {
        "en": "/en/childhood-all/phases-of-treatment/",
        "es": "/es/lla-infantil/fases-del-tratamiento/",
    },
    "whole-guide": {"en": "/en/childhood-all/whole-guide/", "es": "/es/lla-infantil/guia-completa/"},
    "glossary": {"en": "/en/glossary/", "es": "/es/glosario/"},
    "glossary-letter": {"en": "/en/glossary/letter/b/", "es": "/es/glosario/letra/b/"},
    "glossary-search": {"en": "/en/glossary/?q=e", "es": "/es/glosario/?q=e"},  # more than a page: the pager
    "term": {"en": f"/en/glossary/{TERM['en']}/", "es": f"/es/glosario/{TERM['es']}/"},
    "search": {"en": "/en/search/?q=intrathecal", "es": "/es/buscar/?q=intratecal"},
    "search-one-guide": {
        "en": "/en/search/?q=imatinib&guide=childhood-all",
        "es": "/es/buscar/?q=imatinib&guide=lla-infantil",
    },
    "404": {"en": "/en/no-such-page/", "es": "/es/no-existe/"},
}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_wcag_violations(browser_page, name, language, demo_site, screenshot_dir):
    width_name, tab = browser_page
    response = tab.goto(demo_site.url + PAGES[name][language])
    assert response.status == (404 if name == "404" else 200)
    assert tab.locator("html").get_attribute("lang") == language

    count, report = wcag_violations(tab)
    screenshot(tab, screenshot_dir / f"{name}-{language}-{width_name}.png", width_name)
    assert count == 0, report


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_wcag_violations_with_a_definition_open(browser_page, language, demo_site):
    """A term is a link acting as a disclosure button (role, aria-expanded, aria-controls) with its panel open."""
    _width_name, tab = browser_page
    tab.goto(demo_site.url + PAGES["section"][language])
    term = tab.locator("main strong a.glossary-term").first
    term.click()
    tab.locator(f"#{term.get_attribute('aria-controls')} .glossary-panel-definition").wait_for()
    count, report = wcag_violations(tab)
    assert count == 0, report
