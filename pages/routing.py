"""How a request reaches a page and what a served page knows of its surroundings, with few queries.

Mixins for the page types (pages/models/pages.py): routing to a child in one query, the ancestors routing
already fetched, view restrictions and URLs without repeated work, and a page's live public children of one
type.
"""

import functools
import threading

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from serving.memo import generation_memo


class AncestorsInContextMixin:
    """The page's ancestors below the root, once per request: breadcrumbs and the language switcher use them.

    Routing already fetched them (each routed page keeps its parent, as Wagtail's `route` does), so a served
    page walks that chain without a query; previews and other callers fall back to one query.
    """

    def routed_ancestors(self) -> list[Page]:
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
    The child found is kept in the process for the content generation (serving/memo.py): publishing,
    moving, unpublishing or deleting a page replaces it, so a served page routes without a query.
    """

    def child_queryset(self) -> QuerySet[Page]:
        raise NotImplementedError

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug = path_components[0]

        def find():
            child = self.child_queryset().filter(slug=slug).first()
            if child is not None:
                child._routed = True  # lives for this request or this generation: see ServedPageMixin
            return child

        child = generation_memo(request, "routed-child", (type(self), self.pk, slug), find)
        if child is None:
            return super().route(request, path_components)
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])


@functools.cache
def no_restrictions() -> QuerySet[PageViewRestriction]:
    """One empty QuerySet, evaluated once: iterating a new `.none()` has Django build (and give up on) its
    SQL every time, about 4% of a warm uncached section's CPU time (bench/profile_page.py). An evaluated
    QuerySet answers from its result cache, so sharing it between requests and threads only reads it."""
    empty = PageViewRestriction.objects.none()
    list(empty)
    return empty


URL_PARTS_SIZE = 8192
_url_parts = {}  # (url_path, active language, site root paths) -> Wagtail's get_url_parts() of that page
_url_parts_lock = threading.Lock()


class ServedPageMixin:
    """What serving a page asks again and again, answered once: its view restrictions and its URL.

    View restrictions: Wagtail's serve hook (`check_view_restrictions`, wagtail/wagtail_hooks.py) calls
    `get_view_restrictions()` for every page served, two queries (the ancestors, then their restrictions).
    A page found by routing (TypedChildRouteMixin) is used for one request, or for one content generation
    when kept in the memo, and any change to a restriction, or a page moved, replaces the generation
    (serving/signals.py): such a page reads its restrictions once, in one query from the tree paths of its
    lineage, and answers "none" (an empty QuerySet, no query) from then on. Other instances (the admin's)
    keep Wagtail's own method. With aliases in the lineage, whose restrictions are their source's, Wagtail's
    method too.

    URL: `{% pageurl %}` and `page.url` call `get_url_parts()` (Wagtail's documented override point), which
    reverses Wagtail's serve URL under `translation.override` for every link: about 18 a section page. Its
    answer depends only on the page's `url_path`, the active language and the site root paths (when the page
    belongs to one site), so it is kept in the process for those (at most URL_PARTS_SIZE entries, then
    emptied); a moved or renamed page has a new `url_path`, a changed site new root paths.
    """

    def get_view_restrictions(self):
        if not self.__dict__.get("_routed"):
            return super().get_view_restrictions()
        public = self.__dict__.get("_public_lineage")
        if public is None:
            lineage = [*self.routed_ancestors(), self]
            if any(page.alias_of_id for page in lineage):
                return super().get_view_restrictions()
            paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
            public = not PageViewRestriction.objects.filter(page__path__in=paths).exists()
            self._public_lineage = public
        return no_restrictions() if public else super().get_view_restrictions()

    def get_url_parts(self, request=None):
        # Wagtail's Site.get_site_root_paths(), kept on the request (or this page) by Wagtail's own helper.
        root_paths = tuple(self._get_site_root_paths(request))
        if len({root_path.site_id for root_path in root_paths}) > 1:  # which site depends on the request
            return super().get_url_parts(request)
        key = (self.url_path, translation.get_language(), root_paths)
        parts = _url_parts.get(key)
        if parts is None:
            parts = super().get_url_parts(request)
            with _url_parts_lock:
                if len(_url_parts) >= URL_PARTS_SIZE:
                    _url_parts.clear()
                _url_parts[key] = parts
        return parts


def public_children(model: type[Page], parent: Page) -> QuerySet[Page]:
    """Live children of `parent` of one type that are not in a private section: `.public()` in one query.

    Wagtail's `public()` reads every view restriction first; here a subquery looks for a restriction on
    the child, on `parent` or on any ancestor (their tree paths are the prefixes of the parent's path).
    """
    lineage_paths = [parent.path[:end] for end in range(parent.steplen, len(parent.path) + 1, parent.steplen)]
    restricted = PageViewRestriction.objects.filter(
        Q(page_id=OuterRef("pk")) | Q(page__path__in=lineage_paths)
    )
    return model.objects.live().child_of(parent).exclude(Exists(restricted)).order_by("path")
