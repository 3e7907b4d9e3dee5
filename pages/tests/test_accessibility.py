"""axe-core finds no WCAG 2.2 A/AA violation on the pages families use, in both languages, phone and desktop.

Each page is also saved as a full-page screenshot (see `screenshot_dir`) for people to look at.
"""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

from conftest import BROWSER_MARKS

pytestmark = BROWSER_MARKS
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
# The whole guide is many times taller than this on a phone; a picture of all of it takes a minute to
# make on a busy machine and nobody scrolls through it, so screenshots stop at this height.
SCREENSHOT_MAX_HEIGHT = 16000
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


@pytest.fixture(scope="session")
def screenshot_dir(request):
    """SCREENSHOT_DIR, or tmp-screenshots/ in the project (git-ignored); announced on the terminal."""
    folder = Path(os.environ.get("SCREENSHOT_DIR") or settings.BASE_DIR / "tmp-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"Screenshots: {folder}")
    return folder


@pytest.fixture(scope="module", params=list(WIDTHS))
def browser_page(request, browser):
    """One browser context and tab per width, reused by every page checked at that width."""
    width, height = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    yield request.param, tab
    context.close()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_wcag_violations(browser_page, name, language, demo_site, screenshot_dir):  # noqa: F811
    width_name, tab = browser_page
    response = tab.goto(demo_site.url + PAGES[name][language])
    assert response.status == (404 if name == "404" else 200)
    assert tab.locator("html").get_attribute("lang") == language

    results = Axe().run(
        tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    )
    height = min(tab.evaluate("document.documentElement.scrollHeight"), SCREENSHOT_MAX_HEIGHT)
    tab.screenshot(
        path=screenshot_dir / f"{name}-{language}-{width_name}.png",
        full_page=True,
        clip={"x": 0, "y": 0, "width": WIDTHS[width_name][0], "height": height},
    )
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_wcag_violations_with_a_definition_open(browser_page, language, demo_site):  # noqa: F811
    """A term is a link acting as a disclosure button (role, aria-expanded, aria-controls) with its panel open."""
    _width_name, tab = browser_page
    tab.goto(demo_site.url + PAGES["section"][language])
    term = tab.locator("main strong a.glossary-term").first
    term.click()
    tab.locator(f"#{term.get_attribute('aria-controls')} .glossary-panel-definition").wait_for()
    results = Axe().run(
        tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    )
    assert results.violations_count == 0, results.generate_report()
