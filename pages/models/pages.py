"""Page types of the guide site: one HomePage per language, its guides, and their sections."""

import datetime

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index

from serving.memo import generation_memo

from ..blocks import KeyPointsBlock, SectionBodyBlock, heading_anchor
from .review_dates import PublicationRecord, RevisionDatesMixin, RevisionKind

# The whole-guide (print) view lives at a path in the reader's language.
WHOLE_GUIDE_PATHS = {"en": "whole-guide", "es": "guia-completa"}


class AncestorsInContextMixin:
    """The page's ancestors below the root, once per request: breadcrumbs and the language switcher use them.

    Routing already fetched them (each routed page keeps its parent, as Wagtail's `route` does), so a served
    page walks that chain without a query; previews and other callers fall back to one query.
    """

    def routed_ancestors(self):
        chain, page = [], self
        while page.depth > 2:
            parent = page.__dict__.get("_cached_parent_obj")
            if parent is None or parent.depth != page.depth - 1:
                return list(self.get_ancestors().filter(depth__gt=1))
            chain.append(parent)
            page = parent
        return chain[::-1]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ancestors"] = self.routed_ancestors()
        return context


class TypedChildRouteMixin:
    """Route to a child in one query: the child's type is this page's only subpage type.

    Wagtail's `Page.route` fetches a child, then its specific row (two queries per level). Children of
    another type (possible only through data made outside the admin) still route through Wagtail's way.
    """

    def child_queryset(self):
        raise NotImplementedError

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = self.child_queryset().filter(slug=path_components[0]).first()
        if child is None:
            return super().route(request, path_components)
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])


def public_children(model, parent):
    """Live children of `parent` of one type that are not in a private section: `.public()` in one query.

    Wagtail's `public()` reads every view restriction first; here a subquery looks for a restriction on
    the child, on `parent` or on any ancestor (their tree paths are the prefixes of the parent's path).
    """
    lineage_paths = [parent.path[:end] for end in range(parent.steplen, len(parent.path) + 1, parent.steplen)]
    restricted = PageViewRestriction.objects.filter(
        Q(page_id=OuterRef("pk")) | Q(page__path__in=lineage_paths)
    )
    return model.objects.live().child_of(parent).exclude(Exists(restricted)).order_by("path")


class RevisionDatesForm(WagtailAdminPageForm):
    """Editors state what kind of revision they submit or publish; substantive ones need a public summary."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.instance.has_unpublished_changes:
            # What is loaded is what is live: its kind and summary describe the last publication, not the next.
            self.initial["revision_kind"] = ""
            self.initial["change_summary"] = ""

    def clean(self):
        cleaned_data = super().clean()
        if any(action in self.data for action in ("action-publish", "action-submit")):
            kind = cleaned_data.get("revision_kind")
            if not kind:
                self.add_error(
                    "revision_kind", _("Say what kind of revision this is before you submit or publish.")
                )
            elif kind == RevisionKind.SUBSTANTIVE and not cleaned_data.get("change_summary", "").strip():
                self.add_error(
                    "change_summary", _("Give families a one-line summary of this substantive change.")
                )
        return cleaned_data


def revision_panel():
    """The editor's statement about the revision, with the board's votes while it is in review."""
    from ..panels import BoardVotesPanel

    return MultiFieldPanel(
        [BoardVotesPanel(), FieldPanel("revision_kind"), FieldPanel("change_summary")],
        heading=_("About this revision"),
    )


class HomePage(AncestorsInContextMixin, TypedChildRouteMixin, Page):
    """The start page of one language: lists the guides in that language."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True, verbose_name=_("introduction"))

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.GuidePage"]
    max_count_per_parent = None

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")

    def child_queryset(self):
        return GuidePage.objects.child_of(self).select_related("board", "locale")

    @property
    def localized(self):
        """This home page in the active language: Wagtail's two queries (locale, translation) once per process
        and content generation (serving/memo.py), as routing asks for it on every request."""
        return generation_memo(
            None,
            "localized-home",
            (self.pk, translation.get_language()),
            lambda: TranslatableMixin.localized.fget(self),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = GuidePage.objects.live().public().child_of(self)
        return context


class GuidePage(AncestorsInContextMixin, RevisionDatesMixin, RoutablePageMixin, TypedChildRouteMixin, Page):
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

    def child_queryset(self):
        return GuideSectionPage.objects.child_of(self)

    def sections(self):
        """Live, public sections in tree order: one query, no per-section lookups."""
        return public_children(GuideSectionPage, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.sections().defer_streamfields()
        context["whole_guide_url"] = self.whole_guide_url()
        context["guide"] = self
        context["changes"] = self.changes()
        return context

    def changes(self, limit=20):
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

    def whole_guide_path(self):
        return WHOLE_GUIDE_PATHS.get(self.locale.language_code, "whole-guide") + "/"

    def whole_guide_url(self):
        return self.url + self.whole_guide_path()

    def get_cached_paths(self):
        """What a CDN holds for this guide, purged when it is published: the guide and its whole-guide view."""
        return ["/", self.whole_guide_path()]

    @re_path(rf"^(?P<view_slug>{'|'.join(WHOLE_GUIDE_PATHS.values())})/$", name="whole_guide")
    def whole_guide(self, request, view_slug):
        """All sections in order on one page: the family print packet."""
        if view_slug != WHOLE_GUIDE_PATHS.get(self.locale.language_code):
            raise Http404
        sections = self.sections().select_related("locale")
        return TemplateResponse(
            request,
            "pages/whole_guide.html",
            {
                **self.get_context(request),
                "sections": sections,
                "is_whole_guide": True,
                "language_url_suffixes": {code: f"{slug}/" for code, slug in WHOLE_GUIDE_PATHS.items()},
            },
        )


class GuideSectionPage(AncestorsInContextMixin, RevisionDatesMixin, Page):
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

    def headings(self):
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
