"""StreamField blocks of a guide section. Each renders through its own template in templates/blocks/."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

INLINE_FEATURES = ["bold", "italic", "link"]
PROSE_FEATURES = [*INLINE_FEATURES, "glossary", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading with a stable anchor; headings feed the "On this page" list."""

    text = blocks.CharBlock(max_length=200, label=_("Heading"))
    anchor = blocks.CharBlock(
        max_length=80,
        required=False,
        label=_("Anchor"),
        help_text=_("Part of the link to this heading (#anchor). Made from the heading if left empty."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = heading_anchor(value)
        return context


def heading_anchor(value: Mapping[str, str]) -> str:
    """The id a heading block renders with: the editor's anchor, else a slug of the text."""
    return slugify(value.get("anchor") or value.get("text") or "") or "section"


class CalloutBlock(blocks.StructBlock):
    """A boxed message such as "Call the doctor right away if…"."""

    kind = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("warning", _("Warning")), ("tip", _("Tip"))],
        default="info",
        label=_("Kind"),
    )
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    body = blocks.RichTextBlock(features=PROSE_FEATURES, label=_("Text"))

    class Meta:
        icon = "warning"
        template = "blocks/callout.html"
        label = _("Callout")


class ImageBlock(blocks.StructBlock):
    """An image whose alternative text is required: families using screen readers must get it too."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        max_length=250,
        label=_("Alternative text"),
        help_text=_("Say what the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(max_length=300, required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        label = _("Image")


class TimelinePhaseBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=100, label=_("Phase"))
    duration = blocks.CharBlock(max_length=100, label=_("Typical duration"))
    description = blocks.TextBlock(required=False, label=_("Description"))


class TimelineBlock(blocks.StructBlock):
    """Treatment phases in order with their typical durations, drawn as an ordered list, not a picture."""

    title = blocks.CharBlock(max_length=200, label=_("Title"))
    phases = blocks.ListBlock(TimelinePhaseBlock(), min_num=1, label=_("Phases"))

    class Meta:
        icon = "time"
        template = "blocks/timeline.html"
        label = _("Treatment timeline")


class QuestionsBlock(blocks.StructBlock):
    """Questions families can bring to the care team."""

    title = blocks.CharBlock(max_length=200, label=_("Title"))
    questions = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1, label=_("Questions"))

    class Meta:
        icon = "help"
        template = "blocks/questions.html"
        label = _("Questions to ask")


class RelatedLinkBlock(blocks.StructBlock):
    """One link, either to a page of this site or to another site; exactly one of the two."""

    label = blocks.CharBlock(max_length=200, label=_("Label"))
    page = blocks.PageChooserBlock(required=False, label=_("Page on this site"))
    url = blocks.URLBlock(required=False, label=_("Address on another site"))
    description = blocks.CharBlock(max_length=300, required=False, label=_("Description"))

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page on this site or give an address, not both.")
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(message), "page": ValidationError(message)}
            )
        return value


class RelatedLinksBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    links = blocks.ListBlock(RelatedLinkBlock(), min_num=1, label=_("Links"))

    class Meta:
        icon = "link"
        template = "blocks/related_links.html"
        label = _("Related links")


class TableWithCaptionBlock(TableBlock):
    """Wagtail's table, scrollable on small screens; the first row is the header."""

    class Meta:
        template = "blocks/table.html"
        label = _("Table")


class SectionBodyBlock(blocks.StreamBlock):
    """Everything a guide section's body may hold."""

    heading = HeadingBlock()
    rich_text = blocks.RichTextBlock(
        features=PROSE_FEATURES, label=_("Text"), template="blocks/rich_text.html"
    )
    callout = CalloutBlock()
    table = TableWithCaptionBlock()
    image = ImageBlock()
    timeline = TimelineBlock()
    questions = QuestionsBlock()
    related_links = RelatedLinksBlock()


class KeyPointsBlock(blocks.StreamBlock):
    point = blocks.CharBlock(max_length=300, label=_("Key point"))
