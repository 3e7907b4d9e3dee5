"""Small builders shared by the glossary tests: sections with chosen text, and reading term links back."""

import re

from pages.factories import GuidePageFactory, GuideSectionPageFactory

TERM_LINK = re.compile(r'<a class="glossary-term" href="([^"]+)"[^>]*>(.*?)</a>', re.S)


def paragraph(html):
    return {"type": "rich_text", "value": html}


def heading(text):
    return {"type": "heading", "value": {"text": text, "anchor": ""}}


def make_section(home, blocks, **kwargs):
    """A live section in the home page's language, under a new guide."""
    locale = home.locale
    guide = GuidePageFactory(parent=home, locale=locale)
    return GuideSectionPageFactory(parent=guide, locale=locale, body=blocks, **kwargs)


def term_links(html):
    """(href, text) of every glossary term link in a page."""
    return TERM_LINK.findall(html)


def section_body(html):
    """From the section's body on: key points and the page's own links are left out."""
    return html.split('<div class="section-body">', 1)[1]
