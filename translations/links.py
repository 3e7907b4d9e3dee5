"""Where a reader lands when switching language, and which translations to announce with hreflang."""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db.models import DateTimeField, OuterRef, Subquery
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page

from pages.models import PublicationRecord, RevisionKind
from serving.memo import generation_memo

from .models import TranslationStatus

UNTRANSLATED_PARAMETER = "untranslated"


@dataclass(frozen=True)
class LanguageLink:
    language_code: str
    name: str  # the language's own name, e.g. "Español"
    url: str
    translated: bool  # True: url is this very page in that language (an hreflang alternate)


def language_links(
    page: Page,
    request: HttpRequest | None,
    ancestors: list[Page] | None = None,
    url_suffixes: dict[str, str] | None = None,
) -> list[LanguageLink]:
    """Links to `page` in every other content language, falling back to the closest translated ancestor.

    One query for the page's and its ancestors' translations, whatever the depth (plus one for the
    ancestors unless the caller already has them). `url_suffixes` keeps a sub-route per language (such as
    the whole-guide view) only where the page itself is translated. The links of a live page are kept in
    the process for the content generation (serving/memo.py), as its translations are.
    """
    if request is None or getattr(request, "is_preview", False):
        return _language_links(page, request, ancestors, url_suffixes)
    key = (page.pk, get_language(), request.get_host(), tuple(sorted((url_suffixes or {}).items())))
    return generation_memo(
        request, "language-links", key, lambda: _language_links(page, request, ancestors, url_suffixes)
    )


def _language_links(page, request, ancestors, url_suffixes):
    lineage, rows = translation_rows(page, request, ancestors)
    by_language = {}
    current_language = None
    for row in rows:
        if row.pk == page.pk:
            current_language = row.locale.language_code
        by_language.setdefault(row.locale.language_code, {})[row.translation_key] = row

    if current_language is None:  # a draft being previewed is not among the live rows
        current_language = page.locale.language_code
    links = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == current_language:
            continue
        found = by_language.get(code, {})
        name = language_name(code)
        if page.translation_key in found:
            url = found[page.translation_key].get_url(request) + (url_suffixes or {}).get(code, "")
            links.append(LanguageLink(code, name, url, translated=True))
            continue
        nearest = next(
            (found[a.translation_key] for a in reversed(lineage) if a.translation_key in found), None
        )
        url = nearest.get_url(request) if nearest else f"/{code}/"
        links.append(LanguageLink(code, name, f"{url}?{UNTRANSLATED_PARAMETER}=1", translated=False))
    return links


def translation_rows(
    page: Page, request: HttpRequest | None, ancestors: list[Page] | None = None
) -> tuple[list[Page], list[Page]]:
    """(lineage, live translations of the page and its ancestors), fetched once per request and page.

    Each row also carries its in-step mark (`in_step_at`) and last substantive publication
    (`last_substantive`), so the out-of-date notice costs no query of its own. The rows of a live page
    are kept in the process for the content generation (serving/memo.py: publishing, translation status
    and publication records all replace it).
    """
    cache = request.__dict__.setdefault("_translation_rows", {}) if request is not None else {}
    if page.pk not in cache:
        if ancestors is None:
            ancestors = list(page.get_ancestors().filter(depth__gt=1))
        lineage = [*ancestors, page]
        translation_keys = tuple(p.translation_key for p in lineage)
        rows = generation_memo(
            request, "translation-rows", translation_keys, lambda: live_translations(translation_keys)
        )
        cache[page.pk] = (lineage, rows)
    return cache[page.pk]


def live_translations(translation_keys: Iterable) -> list[Page]:
    """Live pages with these translation keys, with their in-step mark and last substantive publication."""
    substantive = PublicationRecord.objects.filter(page_id=OuterRef("pk"), kind=RevisionKind.SUBSTANTIVE)
    rows = (
        Page.objects.live()
        .filter(translation_key__in=translation_keys)
        .annotate(
            in_step_at=Subquery(
                TranslationStatus.objects.filter(page_id=OuterRef("pk")).values("in_step_at")[:1],
                output_field=DateTimeField(),
            ),
            last_substantive=Subquery(
                substantive.order_by("-published_at").values("published_at")[:1],
                output_field=DateTimeField(),
            ),
        )
        .select_related("locale")
    )
    return list(rows)


def source_changed_since_translation(
    page: Page, request: HttpRequest | None, ancestors: list[Page] | None = None
) -> tuple[Page, datetime.datetime] | None:
    """(English page row, date of its last substantive publication) if that came after this translation's
    in-step mark (or the translation was never marked); None for English pages, previews and pages in step."""
    if page.locale_id is None or not getattr(page, "translation_key", None):
        return None
    _lineage, rows = translation_rows(page, request, ancestors)
    own = next((row for row in rows if row.pk == page.pk), None)
    source = next(
        (
            row
            for row in rows
            if row.translation_key == page.translation_key
            and row.locale.language_code == settings.LANGUAGE_CODE
        ),
        None,
    )
    return _behind(own, source)


def sections_behind_their_source(
    sections: Sequence[Page], request: HttpRequest | None
) -> dict[int, tuple[Page, datetime.datetime]]:
    """{section pk: (English page row, date of its last substantive publication)} of the translated sections
    whose English page changed since they were translated: one query for them all (the whole guide)."""
    keys = tuple(section.translation_key for section in sections)
    rows = generation_memo(request, "translation-rows", keys, lambda: live_translations(keys))
    own = {row.pk: row for row in rows}
    sources = {row.translation_key: row for row in rows if row.locale.language_code == settings.LANGUAGE_CODE}
    behind = {}
    for section in sections:
        changed = _behind(own.get(section.pk), sources.get(section.translation_key))
        if changed is not None:
            behind[section.pk] = changed
    return behind


def _behind(own, source):
    """(source, its last substantive publication) if that came after `own`'s in-step mark, else None."""
    if own is None or source is None or source.pk == own.pk or source.last_substantive is None:
        return None
    if own.in_step_at is not None and source.last_substantive <= own.in_step_at:
        return None
    return source, source.last_substantive


def language_name(code: str) -> str:
    """The language's name in itself, as settings.LANGUAGES spells it ("English", "Español")."""
    return dict(settings.LANGUAGES)[code]


def home_links(current_language: str) -> list[LanguageLink]:
    """For pages outside the page tree (errors, other views): each other language's home page.

    Not a translation of the current page, so no hreflang alternate is announced for it.
    """
    return [
        LanguageLink(code, language_name(code), f"/{code}/", translated=False)
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != current_language
    ]
