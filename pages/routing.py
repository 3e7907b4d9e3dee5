"""How a request reaches a page and what a served page knows of its surroundings, with few queries.

Mixins for the page types (pages/models/pages.py): routing to a child in one query, the ancestors routing
already fetched, and a page's live public children of one type.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from wagtail.models import Page, PageViewRestriction


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
    """

    def child_queryset(self) -> QuerySet[Page]:
        raise NotImplementedError

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = self.child_queryset().filter(slug=path_components[0]).first()
        if child is None:
            return super().route(request, path_components)
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])


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
