"""What search engines and link previews read: description, canonical URL, Open Graph and JSON-LD.

Everything comes from objects the page's context already holds (the page, its guide and board, the glossary
entry), so metadata adds no SQL query to a page.
"""

import json

from django import template
from django.http import HttpRequest
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pages.models import GuidePage, GuideSectionPage, HomePage

register = template.Library()

OG_LOCALES = {"en": "en_US", "es": "es_US"}
# The condition every guide is about: acute lymphoblastic leukemia, ICD-10 C91.0.
CONDITION_CODE = {"@type": "MedicalCode", "code": "C91.0", "codingSystem": "ICD-10"}
DESCRIPTION_LENGTH = 300
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def page_description(context: template.Context) -> str:
    """The page's own summary: its search description, summary or introduction; a term's definition."""
    page, entry = context.get("page"), context.get("entry")
    if page is not None:
        text = getattr(page, "search_description", "") or getattr(page, "summary", "")
        if not text and getattr(page, "intro", ""):
            text = " ".join(strip_tags(page.intro).split())
    elif entry is not None and hasattr(entry, "definition_text"):
        text = entry.definition_text
    else:
        text = context.get("meta_description", "")
    return Truncator(text).chars(DESCRIPTION_LENGTH)


@register.simple_tag(takes_context=True)
def page_metadata(context: template.Context) -> dict:
    """Canonical URL, title, Open Graph type and locales for includes/seo.html; {} without a request."""
    request = context.get("request")
    if request is None:
        return {}
    language = get_language()
    page = context.get("page")
    return {  # a later page of a list is its own page: `canonical_query` ("?page=2") keeps it apart
        "canonical": request.build_absolute_uri(request.path + context.get("canonical_query", "")),
        "title": page_title(context),
        "type": "article" if isinstance(page, GuideSectionPage) else "website",
        "locale": OG_LOCALES.get(language, language),
        "other_locales": [OG_LOCALES[code] for code in OG_LOCALES if code != language],
    }


def page_title(context: template.Context) -> str:
    page, entry = context.get("page"), context.get("entry")
    if page is not None:
        title = getattr(page, "seo_title", "") or page.title
        return f"{title} — {_('Whole guide')}" if context.get("is_whole_guide") else title
    if entry is not None and hasattr(entry, "name"):
        return entry.name
    return context.get("meta_title", "")


@register.simple_tag(takes_context=True)
def page_json_ld(context: template.Context) -> str:
    """schema.org data for a home page (WebSite) or a guide, section or whole guide (MedicalWebPage)."""
    request, page = context.get("request"), context.get("page")
    if request is None or page is None:
        return ""
    url = request.build_absolute_uri(request.path)
    if isinstance(page, HomePage):
        return json_ld(
            {
                "@type": "WebSite",
                "name": _("ALL Family Guide"),
                "url": url,
                "inLanguage": get_language(),
                "about": condition(),
            }
        )
    if not isinstance(page, GuidePage | GuideSectionPage):
        return ""
    guide = page if isinstance(page, GuidePage) else context.get("guide")
    board = guide.board if guide is not None else None
    data = {
        "@type": "MedicalWebPage",
        "name": page_title(context),
        "description": page_description(context),
        "url": url,
        "inLanguage": get_language(),
        "about": condition(),
        "audience": "https://schema.org/Patient",
        "lastReviewed": page.last_reviewed.isoformat() if page.last_reviewed else None,
        "dateModified": page.last_updated.isoformat() if page.last_updated else None,
        "reviewedBy": {"@type": "Organization", "name": board.name} if board else None,
        "isPartOf": {"@type": "WebSite", "name": _("ALL Family Guide"), "url": f"{site_root(request)}/"},
    }
    return json_ld({key: value for key, value in data.items() if value})


@register.simple_tag(takes_context=True)
def defined_term_json_ld(context: template.Context, entry, term_set_url: str) -> SafeString:
    """A glossary term as a schema.org DefinedTerm in the glossary's DefinedTermSet."""
    request = context["request"]
    return json_ld(
        {
            "@type": "DefinedTerm",
            "name": entry.name,
            "description": entry.definition_text,
            "url": request.build_absolute_uri(entry.url),
            "inLanguage": get_language(),
            "alternateName": [*entry.abbreviations, *entry.other_names] or None,
            "inDefinedTermSet": term_set(request, term_set_url),
        }
    )


@register.simple_tag(takes_context=True)
def defined_term_set_json_ld(context: template.Context, entries, term_set_url: str) -> SafeString:
    """The glossary as a schema.org DefinedTermSet listing the terms shown."""
    request = context["request"]
    origin = request.build_absolute_uri("/")[:-1]  # once, not once per term
    return json_ld(
        {
            **term_set(request, term_set_url),
            "inLanguage": get_language(),
            "hasDefinedTerm": [
                {"@type": "DefinedTerm", "name": entry.name, "url": origin + entry.url} for entry in entries
            ],
        }
    )


def term_set(request: HttpRequest, url: str) -> dict:
    return {"@type": "DefinedTermSet", "name": _("Glossary"), "url": request.build_absolute_uri(url)}


def condition() -> dict:
    return {
        "@type": "MedicalCondition",
        "name": _("Acute lymphoblastic leukemia"),
        "alternateName": _("ALL"),
        "code": CONDITION_CODE,
    }


def site_root(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}/{get_language()}"


def json_ld(data: dict) -> SafeString:
    """A <script type="application/ld+json"> block: data, never run, so the CSP allows it."""
    text = json.dumps(
        {"@context": "https://schema.org", **{k: v for k, v in data.items() if v is not None}},
        ensure_ascii=False,
    )
    safe_text = mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 (<, > and & are escaped)
    return format_html('<script type="application/ld+json">{}</script>', safe_text)
