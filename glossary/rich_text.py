"""The "Glossary term" rich-text entity: stored as <a linktype="glossary" id="…">, shown as a term link.

The stored form names the term, not its text, so a renamed term keeps its links. Rendering reads the
cached glossary snapshot, so term links cost no queries.
"""

from django.utils.translation import get_language
from draftjs_exporter.dom import DOM
from wagtail.admin.rich_text.converters.html_to_contentstate import LinkElementHandler
from wagtail.rich_text import LinkHandler

from .models import GlossaryTerm
from .snapshot import current_glossary

ENTITY_TYPE = "GLOSSARY"


class GlossaryLinkHandler(LinkHandler):
    identifier = "glossary"

    @staticmethod
    def get_model():
        return GlossaryTerm

    @classmethod
    def expand_db_attributes(cls, attrs):
        return cls.expand_db_attributes_many([attrs])[0]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        """In the reader's language; a term that is not live (or has no such translation) is plain text."""
        glossary, language = current_glossary(), get_language()
        openings = []
        for attrs in attrs_list:
            term_id = attrs.get("id", "")
            entry = glossary.entry(int(term_id), language) if term_id.isdigit() else None
            openings.append(entry.link_opening() if entry else "<a>")
        return openings

    @classmethod
    def extract_references(cls, attrs):
        yield GlossaryTerm, attrs["id"], "", ""


class GlossaryTermElementHandler(LinkElementHandler):
    """Database HTML to the editor's entity: the term's id and its name to show in the tooltip."""

    def get_attribute_data(self, attrs):
        term = (
            GlossaryTerm.objects.filter(pk=attrs.get("id", "")).first()
            if attrs.get("id", "").isdigit()
            else None
        )
        return {"id": term.pk, "string": str(term)} if term else {"id": attrs.get("id")}


def glossary_entity_decorator(props):
    """The editor's entity back to database HTML."""
    return DOM.create_element("a", {"linktype": "glossary", "id": props.get("id")}, props["children"])


CONTENTSTATE_RULE = {
    "from_database_format": {'a[linktype="glossary"]': GlossaryTermElementHandler(ENTITY_TYPE)},
    "to_database_format": {"entity_decorators": {ENTITY_TYPE: glossary_entity_decorator}},
}
