"""A family's journeys through the site in a real browser: read, switch language, look up a word, search,
print the whole guide."""

import re

from playwright.sync_api import expect

from conftest import BROWSER_MARKS

pytestmark = BROWSER_MARKS
SECTION_EN = "/en/childhood-all/phases-of-treatment/"
SECTION_ES = "/es/lla-infantil/fases-del-tratamiento/"


def test_read_a_section_in_english_then_switch_to_spanish(page, demo_site):
    page.goto(demo_site.url + SECTION_EN)
    expect(page.locator("h1")).to_have_text("Phases of Treatment")
    expect(page.get_by_role("navigation", name="On this page")).to_be_visible()
    page.get_by_role("link", name="Skip to main content").focus()
    expect(page.get_by_role("link", name="Skip to main content")).to_be_visible()

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    expect(page).to_have_url(demo_site.url + SECTION_ES)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("h1")).to_have_text("Las fases del tratamiento de la LLA")
    timeline = page.locator(".timeline ol li")
    expect(timeline.first).to_contain_text("4 semanas")  # durations are text, not pictures


def test_open_and_close_a_glossary_word_with_the_mouse_and_the_keyboard(page, demo_site):
    page.goto(demo_site.url + SECTION_ES)
    term = page.locator(".section-body .glossary-term").first
    panel = page.locator(f"#{term.get_attribute('aria-controls')}")

    term.click()
    expect(term).to_have_attribute("aria-expanded", "true")
    expect(panel.get_by_role("link", name="Más sobre este término")).to_be_visible()
    panel.get_by_role("button", name="Cerrar").click()
    expect(panel).to_be_hidden()
    expect(term).to_be_focused()

    page.keyboard.press("Enter")
    expect(term).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(term).to_have_attribute("aria-expanded", "false")
    expect(term).to_be_focused()


def test_search_intratecal_from_the_header_and_find_it(page, demo_site):
    page.goto(demo_site.url + "/es/")
    page.get_by_role("search", name="Buscar en las guías").get_by_role("searchbox").fill("intratecal")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/es/buscar/\?q=intratecal$"))
    result = page.locator("main li h3 a").first  # a result title, not a breadcrumb
    expect(result).to_be_visible()
    result.click()
    expect(page.locator("main")).to_contain_text(re.compile("intratecal", re.IGNORECASE))


def test_open_the_whole_guide_and_print_it(page, demo_site):
    page.add_init_script("window.print = () => { document.documentElement.dataset.printed = 'yes'; };")
    page.goto(demo_site.url + SECTION_EN)
    page.get_by_role("link", name="View the whole guide (print version)").click()
    expect(page).to_have_url(demo_site.url + "/en/childhood-all/whole-guide/")
    sections = page.locator("section.whole-guide-section")
    assert sections.count() >= 12
    expect(page.get_by_role("heading", name="Words used in this guide")).to_be_visible()

    page.get_by_role("button", name="Print the whole guide").click()
    expect(page.locator("html")).to_have_attribute("data-printed", "yes")

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".guide-contents")).to_be_visible()  # the packet keeps its contents
    expect(page.get_by_role("button", name="Print the whole guide")).to_be_hidden()
    # Sections follow one another (a page each wasted paper); the questions for the care team start a page.
    assert sections.nth(1).evaluate("node => getComputedStyle(node).breakBefore") == "auto"
    assert page.locator(".guide-questions").evaluate("node => getComputedStyle(node).breakBefore") == "page"
    external = page.locator("main a[href^='http']").first
    if external.count():
        after = external.evaluate("node => getComputedStyle(node, '::after').content")
        assert external.get_attribute("href") in after, "URLs are printed after links"
