"""Helpers shared by the serving tests."""

import re

from pages.models import RevisionKind

SECTION = "/en/childhood-all/phases-of-treatment/"
SPANISH_SECTION = "/es/lla-infantil/fases-del-tratamiento/"
WHOLE_GUIDE = "/en/childhood-all/whole-guide/"


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.revision_kind = RevisionKind.MINOR
    page.save_revision().publish()


def contents(page_html):
    """The guide's table of contents in a rendered page."""
    return re.search(r'<nav class="guide-contents".*?</nav>', page_html, re.S).group(0)
