"""{% glossary_terms section %}…{% endglossary_terms %}: link glossary terms in a section's rendered body.

The linked HTML is kept in the shared cache (glossary/linker_cache.py): the blocks are rendered and linked
once per body, glossary and content generation, not on every request.
"""

from django import template
from django.template.base import Parser, Token
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from glossary.linker import link_html
from glossary.linker_cache import body_key, cached_body
from glossary.snapshot import Glossary, current_glossary

register = template.Library()


@register.tag("glossary_terms")
def glossary_terms(parser: Parser, token: Token) -> "GlossaryTermsNode":
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("usage: {% glossary_terms section %}…{% endglossary_terms %}")
    nodelist = parser.parse(("endglossary_terms",))
    parser.delete_first_token()
    return GlossaryTermsNode(nodelist, parser.compile_filter(bits[1]))


class GlossaryTermsNode(template.Node):
    """Links the first use of each term in the section's language, unless the section switched it off."""

    def __init__(self, nodelist, section):
        self.nodelist, self.section = nodelist, section

    def render(self, context):
        section = self.section.resolve(context)
        key = None
        if getattr(section, "body", None) is not None:
            shown_as = (
                get_language(),
                section.locale_id,
                getattr(section, "link_glossary_terms", False),
                context.get("heading_level"),
                context.get("anchor_prefix"),
                context.get("questions_gathered"),
            )
            key = body_key(context.get("request"), section.body, *shown_as)
        return mark_safe(cached_body(key, lambda: self.link(context, section)))  # noqa: S308 (rendered HTML)

    def link(self, context: template.Context, section: Page) -> str:
        html = self.nodelist.render(context)
        if not getattr(section, "link_glossary_terms", False):
            return html
        glossary = current_glossary(context.get("request"))
        return link_section(html, glossary, glossary.locales.get(section.locale_id) or get_language())


def link_section(html: str, glossary: Glossary, language: str) -> SafeString:
    """A section's body HTML with the first use of each of the language's terms linked."""
    openings = glossary.link_openings(language)

    def render_link(term_id, text):
        opening = openings.get(term_id)
        return f"{opening}{text}</a>" if opening else None

    return mark_safe(link_html(html, glossary.matcher(language), render_link))  # noqa: S308 (text is escaped)
