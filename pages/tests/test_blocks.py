"""Every body block, rendered on a published section page and validated as the admin would."""

import re

import pytest
import wagtail_factories
from wagtail.blocks import StructBlockValidationError

from pages.blocks import ImageBlock, RelatedLinkBlock, SectionBodyBlock
from pages.factories import GuidePageFactory, GuideSectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def section_with_every_block(english_home):
    image = wagtail_factories.ImageFactory(title="Blood cells")
    linked = GuideSectionPageFactory(parent=GuidePageFactory(parent=english_home), title="Linked section")
    body = [
        {"type": "heading", "value": {"text": "How blood cells grow", "anchor": ""}},
        {"type": "heading", "value": {"text": "Custom anchor", "anchor": "my-anchor"}},
        {"type": "rich_text", "value": "<p>Some <b>bold</b> text.</p><ul><li>First item</li></ul>"},
        {
            "type": "callout",
            "value": {"kind": "warning", "title": "Call the doctor if", "body": "<p>Fever.</p>"},
        },
        {
            "type": "table",
            "value": {
                "data": [["Test", "Shows"], ["Blood count", "Numbers of cells"]],
                "table_caption": "Common tests",
                "table_header_choice": "row",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        },
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Drawing of red cells", "caption": "Blood"},
        },
        {
            "type": "timeline",
            "value": {
                "title": "Phases",
                "phases": [
                    {"name": "Induction", "duration": "4 weeks", "description": "Aims for remission."},
                    {"name": "Maintenance", "duration": "2 years", "description": ""},
                ],
            },
        },
        {"type": "questions", "value": {"title": "Ask your team", "questions": ["What is my risk group?"]}},
        {
            "type": "related_links",
            "value": {
                "title": "Learn more",
                "links": [
                    {
                        "label": "NCI",
                        "page": None,
                        "url": "https://www.cancer.gov/",
                        "description": "Details",
                    },
                    {"label": "Inside link", "page": linked.pk, "url": "", "description": ""},
                ],
            },
        },
    ]
    # Block markup is compared exactly: no glossary term links (those are tested in glossary/).
    section = GuideSectionPageFactory(
        parent=GuidePageFactory(parent=english_home), body=body, link_glossary_terms=False
    )
    return section, linked


def test_every_block_renders_on_the_public_page(client, section_with_every_block):
    section, linked = section_with_every_block
    html = client.get(section.url).content.decode()

    assert '<h2 id="how-blood-cells-grow" class="block-heading">How blood cells grow</h2>' in html
    assert 'id="my-anchor"' in html and 'href="#my-anchor"' in html
    assert "<b>bold</b>" in html and "<li>First item</li>" in html
    callout = re.search(r'<aside class="callout callout-warning".*?</aside>', html, re.S).group(0)
    assert "Call the doctor if" in callout and "<p>Fever.</p>" in callout
    assert "<caption>Common tests</caption>" in html
    assert re.search(r'<th scope="col"[^>]*>\s*Test\s*</th>', html)
    assert re.search(r"<td[^>]*>\s*Blood count\s*</td>", html)
    assert re.search(r'<img src="[^"]+" width="\d+" height="\d+" alt="Drawing of red cells"', html)
    assert "<figcaption>Blood</figcaption>" in html
    timeline = re.search(r'<figure class="timeline">.*?</figure>', html, re.S).group(0)
    assert timeline.index("Induction") < timeline.index("Maintenance")
    assert "4 weeks" in timeline and "Aims for remission." in timeline
    assert "<li>What is my risk group?</li>" in html
    assert '<a href="https://www.cancer.gov/">NCI</a> — Details' in html
    assert f'<a href="{linked.url}">Inside link</a>' in html


def test_text_in_blocks_is_escaped(client, english_home):
    body = [
        {"type": "heading", "value": {"text": "<script>alert(1)</script>", "anchor": ""}},
        {"type": "questions", "value": {"title": "Q", "questions": ['<img src=x onerror="alert(1)">']}},
    ]
    section = GuideSectionPageFactory(parent=GuidePageFactory(parent=english_home), body=body)
    html = client.get(section.url).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<img src=x onerror="alert(1)">' not in html


def test_image_block_requires_alternative_text():
    image = wagtail_factories.ImageFactory()
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))
    assert "alt_text" in error.value.block_errors


@pytest.mark.parametrize(
    "value",
    [
        {"label": "Neither", "page": None, "url": ""},
        {"label": "Both", "page": "PAGE", "url": "https://example.org/"},
    ],
)
def test_related_link_needs_exactly_one_target(value, english_home):
    if value["page"] == "PAGE":
        value = {**value, "page": english_home.pk}
    block = RelatedLinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({**value, "description": ""}))


def test_body_offers_the_designed_blocks():
    assert list(SectionBodyBlock.base_blocks) == [
        "heading",
        "rich_text",
        "callout",
        "table",
        "image",
        "timeline",
        "questions",
        "related_links",
    ]
