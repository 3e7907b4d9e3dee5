"""The side-by-side views: a section, or a whole guide, in the reader's language and the other one, aligned.

Plain URLs under /en/ and /es/ (bilingual/urls.py) that route through the same page tree as Wagtail does,
so a typed address for a page with no live, public translation gets the site's 404 page. Anonymous
responses go through the full-page cache like every public page, and a new content generation (any page
published: serving/invalidation.py) makes them stale, whichever side was published.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists
from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from wagtail.models import PageViewRestriction, Site

from pages.models import EditorialBoard, GuidePage, GuideSectionPage
from translations.links import sections_behind_their_source, translation_rows

from .alignment import align, slots
from .rendering import block_pieces

SOURCE_LANGUAGE = settings.LANGUAGE_CODE

# The view's last path segment in each language, as WHOLE_GUIDE_PATHS for the whole guide.
SIDE_BY_SIDE_PATHS = {"en": "side-by-side", "es": "bilingue"}


@dataclass
class Side:
    """One language's version of a section, as shown in its column."""

    language: str
    section: GuideSectionPage
    board: EditorialBoard | None = None  # the guide's editorial board, named in this side's language
    blocks: list = field(default_factory=list)  # HTML of each body block
    notice: dict | None = None  # {"updated", "english_url"}: the Spanish side is behind its English page


@dataclass
class AlignedSection:
    """A section in both languages: either side may be missing (the whole guide shows such sections too)."""

    primary: Side | None
    secondary: Side | None
    languages: tuple  # (the reader's language, the other one)
    rows: list  # [[(language, block HTML or None: nothing matches), …] per row, the reader's language first]

    @property
    def sides(self) -> list[Side | None]:
        return [self.primary, self.secondary]

    @property
    def first_side(self) -> Side:
        """The side named in the guide's contents: the reader's language, when the section is in it."""
        return self.primary or self.secondary

    @property
    def cells(self) -> list[tuple[str, Side | None]]:
        """[(language, Side or None)], the reader's language first."""
        return list(zip(self.languages, self.sides, strict=True))


@require_safe
def section_side_by_side(
    request: HttpRequest, guide_slug: str, section_slug: str, view_slug: str
) -> TemplateResponse:
    home, guide, section = _route(request, [guide_slug, section_slug], view_slug, GuideSectionPage)
    ancestors = [home, guide]
    other_guide, other_section = _live_translations(request, [*ancestors, section], _other_language())[1:]
    section = _public(GuideSectionPage, section)
    guides = (guide, _public(GuidePage, other_guide, select_related=("board",)))
    aligned = _aligned(request, guides, (section, _public(GuideSectionPage, other_section)), 2)
    _add_notices(request, [aligned])
    return _respond(request, "bilingual/section.html", section, ancestors, guide, [aligned])


@require_safe
def guide_side_by_side(request: HttpRequest, guide_slug: str, view_slug: str) -> TemplateResponse:
    home, guide = _route(request, [guide_slug], view_slug, GuidePage)
    other_guide = _live_translations(request, [home, guide], _other_language())[1]
    guides = (
        _public(GuidePage, guide, select_related=("board",)),
        _public(GuidePage, other_guide, select_related=("board",)),
    )
    theirs = {section.translation_key: section for section in guides[1].sections().select_related("locale")}
    aligned = [
        _aligned(request, guides, (section, theirs.pop(section.translation_key, None)), 3)
        for section in guides[0].sections().select_related("locale")
    ]
    # Sections with no version in the reader's language come last, on their own.
    aligned += [_aligned(request, guides, (None, other), 3) for other in theirs.values()]
    _add_notices(request, aligned)
    return _respond(request, "bilingual/guide.html", guides[0], [home], guides[0], aligned, is_guide=True)


def _respond(request, template, page, ancestors, guide, aligned, is_guide=False):
    context = {
        "is_guide": is_guide,
        "page": page,
        "ancestors": ancestors,
        "guide": guide,
        "aligned_sections": aligned,
        "languages": [get_language(), _other_language()],
        # The language switcher leads to this same view in the other language.
        "language_url_suffixes": {code: f"{slug}/" for code, slug in SIDE_BY_SIDE_PATHS.items()},
    }
    return TemplateResponse(request, template, context)


def _other_language():
    return next(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != get_language())


def _route(request, path, view_slug, model):
    """[home, guide(, section)] of the reader's language tree, routed as Wagtail routes a public request."""
    site = Site.find_for_request(request)
    if site is None or view_slug != SIDE_BY_SIDE_PATHS.get(get_language()):
        raise Http404
    home = site.root_page.specific.localized
    page = home.route(request, path)[0]  # Http404 for a missing or unpublished page
    if not isinstance(page, model) or page.depth != home.depth + len(path):
        raise Http404  # such as a guide's own sub-route (its whole-guide view)
    lineage = [page]
    while len(lineage) <= len(path):
        page = page.__dict__.get("_cached_parent_obj") or page.get_parent().specific
        lineage.insert(0, page)
    return lineage


def _live_translations(request, lineage, language):
    """The live pages of `language` translating each page of `lineage` (one query, shared with the language
    links and kept for the content generation); 404 if one is missing."""
    _lineage, rows = translation_rows(lineage[-1], request, ancestors=lineage[:-1])
    found = {row.translation_key: row for row in rows if row.locale.language_code == language}
    if any(page.translation_key not in found for page in lineage):
        raise Http404
    return [found[page.translation_key] for page in lineage]


def _public(model, page, select_related=()):
    """`page` as `model`, if it is live and neither it nor an ancestor is private (one query); else 404."""
    lineage_paths = [page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)]
    restricted = PageViewRestriction.objects.filter(page__path__in=lineage_paths)
    found = (
        model.objects.live()
        .filter(pk=page.pk)
        .exclude(Exists(restricted))
        .select_related("locale", *select_related)
        .first()
    )
    if found is None:
        raise Http404
    return found


def _aligned(request, guides, sections, heading_level):
    """The two versions of a section (one may be None) and their rows of blocks."""
    languages = (get_language(), _other_language())
    sides = []
    for guide, page, language, other_language in zip(
        guides, sections, languages, languages[::-1], strict=True
    ):
        if page is None:
            sides.append(None)
            continue
        # Heading ids stay unique on a page holding both languages (and, in the whole guide, every section).
        anchor = f"{language}-{page.slug}-" if heading_level > 2 else f"{language}-"
        blocks = block_pieces(request, page, language, other_language, anchor, heading_level)
        sides.append(Side(language, page, guide.board, blocks))
    section, other = sections
    if section is None or other is None:
        pairs = [(n, None) if sides[0] else (None, n) for n in range(len((sides[0] or sides[1]).blocks))]
    else:
        pairs = [(row.primary, row.secondary) for row in align(slots(section.body), slots(other.body))]
    rows = [
        [
            (language, side.blocks[n] if n is not None else None)
            for language, side, n in zip(languages, sides, pair, strict=True)
        ]
        for pair in pairs
    ]
    return AlignedSection(*sides, languages, rows)


def _add_notices(request, aligned):
    """The out-of-date notice of each Spanish side behind its English page: one query for them all."""
    translated = [
        side for item in aligned for side in item.sides if side and side.language != SOURCE_LANGUAGE
    ]
    behind = sections_behind_their_source([side.section for side in translated], request)
    for side in translated:
        if side.section.pk in behind:
            source, updated = behind[side.section.pk]
            side.notice = {
                "updated": timezone.localtime(updated).date(),
                "english_url": source.get_url(request),
            }
