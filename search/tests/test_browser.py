"""A family searches the Spanish site for "intratecal" in a real browser and finds what it means."""

from playwright.sync_api import expect

from conftest import BROWSER_MARKS

pytestmark = BROWSER_MARKS


def test_a_family_searches_intratecal_on_the_spanish_site(page, demo_site):
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "console", lambda message: errors.append(message.text) if "Content Security" in message.text else None
    )
    page.goto(demo_site.url + "/es/buscar/")

    page.get_by_label("¿Qué está buscando?").fill("intratecal")
    page.keyboard.press("Enter")

    expect(page).to_have_url(demo_site.url + "/es/buscar/?q=intratecal")
    expect(page.locator("#results-title")).to_contain_text("resultados para «intratecal»")
    term = page.get_by_role("link", name="quimioterapia intratecal", exact=True)
    expect(term).to_be_visible()
    expect(page.locator("mark", has_text="intratecal").first).to_be_visible()

    term.click()
    expect(page).to_have_url(demo_site.url + "/es/glosario/quimioterapia-intratecal/")  # its Spanish address
    assert all(url.startswith(demo_site.url) for url in requests), "no third-party requests"
    assert errors == [], "no Content Security Policy violations"
