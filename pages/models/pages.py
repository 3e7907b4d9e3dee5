"""Page types of the guide site: one HomePage per language, its guides, and their sections."""

import datetime

from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from serving.memo import generation_memo

from ..blocks import KeyPointsBlock, SectionBodyBlock, heading_anchor
from ..forms import RevisionDatesForm
from ..panels import revision_panel
from ..routing import AncestorsInContextMixin, ServedPageMixin, TypedChildRouteMixin, public_children
from .boards import EditorialBoard
from .review_dates import PublicationRecord, RevisionDatesMixin, RevisionKind

# The whole-guide (print) view lives at a path in the reader's language.
WHOLE_GUIDE_PATHS = {"en": "whole-guide", "es": "guia-completa"}


class HomePage(ServedPageMixin, AncestorsInContextMixin, TypedChildRouteMixin, Page):
    """The start page of one language: lists the guides in that language."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True, verbose_name=_("introduction"))

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.GuidePage"]
    max_count_per_parent = None

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")

    def child_queryset(self) -> "QuerySet[GuidePage]":
        return GuidePage.objects.child_of(self).select_related("board", "locale")

    @property
    def localized(self) -> "HomePage":
        """This home page in the active language: Wagtail's two queries (locale, translation) once per
        instance and language, as routing asks for it on every request.

        Routing starts from the Site's home page, which serving/sites.py keeps for the content generation
        (serving/memo.py), so this is once per process and generation without reading the generation again
        (a cache round trip); with the memo off, the Site and its home page are fetched for each request.
        """
        found = self.__dict__.setdefault("_localized", {})
        language = translation.get_language()
        if language not in found:
            found[language] = TranslatableMixin.localized.fget(self)
        return found[language]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = GuidePage.objects.live().public().child_of(self)
        return context


class GuidePage(
    ServedPageMixin,
    AncestorsInContextMixin,
    RevisionDatesMixin,
    RoutablePageMixin,
    TypedChildRouteMixin,
    Page,
):
    """One guide (e.g. childhood ALL): its introduction, sections, and the whole-guide view."""

    summary = models.TextField(
        max_length=400,
        verbose_name=_("summary"),
        help_text=_("One or two plain sentences, shown in lists and search results."),
    )
    audience = models.CharField(max_length=200, blank=True, verbose_name=_("audience"))
    intro = RichTextField(
        features=["bold", "italic", "link", "ol", "ul"], blank=True, verbose_name=_("introduction")
    )

    board = models.ForeignKey(
        "pages.EditorialBoard",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guides",
        verbose_name=_("editorial board"),
        help_text=_("The board that reviews this guide and its sections."),
    )

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.GuideSectionPage"]
    base_form_class = RevisionDatesForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("intro"),
        revision_panel(),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("board")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("intro")]

    class Meta:
        verbose_name = _("guide")

    def child_queryset(self) -> "QuerySet[GuideSectionPage]":
        return GuideSectionPage.objects.child_of(self)

    def editorial_board(self) -> EditorialBoard | None:
        """The board that reviews this guide and its sections (pages/models/boards.py asks for it)."""
        return self.board

    def sections(self) -> "QuerySet[GuideSectionPage]":
        """Live, public sections in tree order: one query, no per-section lookups."""
        return public_children(GuideSectionPage, self)

    def get_context(self, request, *args, sections=None, **kwargs):
        """`sections`: the whole guide's own (with their bodies). The change list is built only when shown:
        a page whose changes are kept as rendered (serving/templatetags/render_memo.py) never builds it."""
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.sections().defer_streamfields() if sections is None else sections
        context["whole_guide_url"] = self.whole_guide_url()
        context["guide"] = self
        context["changes"] = SimpleLazyObject(self.changes)
        return context

    def changes(self, limit: int = 20) -> QuerySet[PublicationRecord]:
        """Substantive changes to this guide and its sections, newest first: the public change list.

        The guide's first publication is one entry: its sections' own first publications up to the end of
        that day are part of it, not changes (a section added later still is one).
        """
        substantive = PublicationRecord.objects.filter(kind=RevisionKind.SUBSTANTIVE)
        records = substantive.filter(page__path__startswith=self.path, page__live=True).exclude(summary="")
        if self.first_published_at:
            launch_day_ends = datetime.datetime.combine(
                timezone.localdate(self.first_published_at) + datetime.timedelta(days=1),
                datetime.time(),
                tzinfo=timezone.get_current_timezone(),
            )
            earlier = substantive.filter(
                page_id=OuterRef("page_id"), published_at__lt=OuterRef("published_at")
            )
            records = records.exclude(
                ~Q(page_id=self.pk) & Q(published_at__lt=launch_day_ends) & ~Exists(earlier)
            )
        return records.select_related("page")[:limit]

    def whole_guide_path(self) -> str:
        return WHOLE_GUIDE_PATHS.get(self.locale.language_code, "whole-guide") + "/"

    def whole_guide_url(self) -> str:
        return self.url + self.whole_guide_path()

    def get_cached_paths(self):
        """What a CDN holds for this guide, purged when it is published: the guide and its whole-guide view."""
        return ["/", self.whole_guide_path()]

    @re_path(rf"^(?P<view_slug>{'|'.join(WHOLE_GUIDE_PATHS.values())})/$", name="whole_guide")
    def whole_guide(self, request: HttpRequest, view_slug: str) -> TemplateResponse:
        """All sections in order on one page: the family print packet."""
        if view_slug != WHOLE_GUIDE_PATHS.get(self.locale.language_code):
            raise Http404
        sections = self.sections().select_related("locale")
        return TemplateResponse(
            request,
            "pages/whole_guide.html",
            {
                **self.get_context(request, sections=sections),
                "is_whole_guide": True,
                "language_url_suffixes": {code: f"{slug}/" for code, slug in WHOLE_GUIDE_PATHS.items()},
            },
        )


class GuideSectionPage(ServedPageMixin, AncestorsInContextMixin, RevisionDatesMixin, Page):
    """One section of a guide: title, summary, key points and a body of blocks."""

    summary = models.TextField(
        max_length=400,
        verbose_name=_("summary"),
        help_text=_("One or two plain sentences, shown in the guide's contents and search results."),
    )
    key_points = StreamField(KeyPointsBlock(), blank=True, verbose_name=_("key points"))
    body = StreamField(SectionBodyBlock(), verbose_name=_("body"))
    link_glossary_terms = models.BooleanField(
        default=True,
        verbose_name=_("link glossary terms automatically"),
        help_text=_("Link the first use of each glossary term in this section to its definition."),
    )

    parent_page_types = ["pages.GuidePage"]
    subpage_types = []
    base_form_class = RevisionDatesForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("key_points"),
        FieldPanel("body"),
        revision_panel(),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("link_glossary_terms")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("key_points"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("guide section")

    def editorial_board(self) -> EditorialBoard | None:
        """The board of this section's guide: one query."""
        guide = GuidePage.objects.ancestor_of(self).select_related("board").first()
        return guide.board if guide else None

    def headings(self) -> list[tuple[str, str]]:
        """(anchor, text) of each heading block, for the "On this page" list.

        From the stored data: the body's blocks are not built (nor their images fetched) for this list, so
        a body served from the cache (glossary/linker_cache.py) costs nothing more.
        """
        return [
            (heading_anchor(block["value"]), block["value"]["text"])
            for block in self.body.raw_data
            if block["type"] == "heading"
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guide = context["ancestors"][-1]
        if not isinstance(guide, GuidePage):  # not routed (a preview): the guide's board and locale too
            guide = GuidePage.objects.select_related("board", "locale").get(pk=guide.pk)
        # Titles and URLs only (no section bodies), once per process and content generation (serving/memo.py).
        sections = generation_memo(
            request, "guide-sections", guide.pk, lambda: list(guide.sections().defer_streamfields())
        )
        position = next((i for i, s in enumerate(sections) if s.pk == self.pk), None)
        context.update(
            guide=guide,
            sections=sections,
            previous_section=sections[position - 1] if position else None,
            next_section=sections[position + 1]
            if position is not None and position + 1 < len(sections)
            else None,
            headings=self.headings(),
        )
        return context
