"""wagtail-factories for the guide pages, for tests that need trees of a chosen size."""

import factory
import wagtail_factories
from wagtail.models import Locale

from .models import GuidePage, GuideSectionPage


def body_blocks(count: int) -> list[dict]:
    """A section body of `count` blocks, alternating headings and paragraphs (raw StreamField data)."""
    blocks = []
    for number in range(count):
        if number % 2 == 0:
            blocks.append({"type": "heading", "value": {"text": f"Heading {number}", "anchor": ""}})
        else:
            blocks.append({"type": "rich_text", "value": f"<p>Paragraph {number} about bone marrow.</p>"})
    return blocks


class GuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test guide {n}")
    slug = factory.Sequence(lambda n: f"test-guide-{n}")
    summary = "A guide made by a test."
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="en"))
    live = True

    class Meta:
        model = GuidePage


class GuideSectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test section {n}")
    slug = factory.Sequence(lambda n: f"test-section-{n}")
    summary = "A section made by a test."
    key_points = factory.LazyFunction(lambda: [{"type": "point", "value": "One key point."}])
    body = factory.LazyFunction(lambda: body_blocks(4))
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="en"))
    live = True

    class Meta:
        model = GuideSectionPage
