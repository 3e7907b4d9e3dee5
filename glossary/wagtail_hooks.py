"""Admin: glossary terms as a reviewed snippet, and the "Glossary term" button of the rich-text editor."""

import django_filters
from django import forms
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.admin.rich_text.editors.draftail import features as draftail_features
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm
from .rich_text import CONTENTSTATE_RULE, ENTITY_TYPE, GlossaryLinkHandler

FEATURE_NAME = "glossary"


class GlossaryTermFilterSet(WagtailFilterSet):
    spanish = django_filters.ChoiceFilter(
        label=_("Spanish translation"),
        method="filter_spanish",
        choices=[("missing", _("Missing Spanish")), ("complete", _("Has Spanish"))],
        empty_label=_("Any"),
        widget=forms.RadioSelect,
    )
    live = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("true", _("Live")), ("false", _("Draft only"))],
        method="filter_live",
        empty_label=_("Any"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = GlossaryTerm
        fields = []

    def filter_spanish(self, queryset, name, value):
        missing = (
            Q(name_es__isnull=True) | Q(name_es="") | Q(definition_es__isnull=True) | Q(definition_es="")
        )
        return queryset.filter(missing) if value == "missing" else queryset.exclude(missing)

    def filter_live(self, queryset, name, value):
        return queryset.filter(live=value == "true")


def side_by_side(field: str, heading: str) -> FieldRowPanel:
    """English and Spanish of one field next to each other, so translators see both."""
    return FieldRowPanel(
        [
            FieldPanel(f"{field}_en", heading=_("In English")),
            FieldPanel(f"{field}_es", heading=_("In Spanish")),
        ],
        heading=heading,
    )


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name_en", "name_es", "slug", LiveStatusTagColumn(), UpdatedAtColumn()]
    filterset_class = GlossaryTermFilterSet
    # Database search (not the search index) so a term is findable the moment it is saved.
    search_backend_name = None
    search_fields = [
        "slug",
        "name_en",
        "name_es",
        "abbreviations_en",
        "abbreviations_es",
        "other_names_en",
        "other_names_es",
    ]
    ordering = ["name_en"]
    panels = [
        side_by_side("name", _("Name")),
        side_by_side("pronunciation", _("Pronunciation")),
        side_by_side("abbreviations", _("Abbreviations")),
        side_by_side("other_names", _("Other names")),
        side_by_side("definition", _("Definition")),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("slug_es")]),
        MultipleChooserPanel("related_links", chooser_field_name="related", heading=_("Related terms")),
        MultiFieldPanel(
            [FieldPanel("image"), side_by_side("image_alt_text", _("Image alternative text"))],
            heading=_("Image"),
        ),
    ]


register_snippet(GlossaryTermViewSet)


@hooks.register("register_rich_text_features")
def register_glossary_feature(features):
    """A Draftail entity that stores the chosen term's id; the site renders it as a term link."""
    features.register_link_type(GlossaryLinkHandler)
    features.register_editor_plugin(
        "draftail",
        FEATURE_NAME,
        draftail_features.EntityFeature(
            {
                "type": ENTITY_TYPE,
                "icon": "help",
                "description": _("Glossary term"),
                "chooserUrls": {
                    "glossaryTermChooser": reverse_lazy("wagtailsnippetchoosers_glossary_glossaryterm:choose")
                },
            },
            # The chooser's modal steps; a page editor may not have loaded them for another chooser.
            js=["wagtailadmin/js/chooser-modal.js", "glossary/js/draftail-glossary.js"],
        ),
    )
    features.register_converter_rule("contentstate", FEATURE_NAME, CONTENTSTATE_RULE)
