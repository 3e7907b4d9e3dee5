"""One glossary term per concept, in English and Spanish side by side, reviewed like pages are.

The translated fields (name, pronunciation, abbreviations, other names, definition, image alt text) get
`_en` and `_es` columns from django-modeltranslation (see translation.py); code reads those columns
explicitly so a missing Spanish value is never silently replaced by the English one.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from .text import match_form, split_list

# The site's languages, which are also modeltranslation's: every term has a `name_<code>` and so on for each.
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
DEFINITION_FEATURES = ["bold", "italic", "link"]


class GlossaryTerm(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """A concept families meet in the guides (e.g. minimal residual disease / enfermedad residual mínima)."""

    slug = models.SlugField(
        max_length=100,
        unique=True,
        blank=True,
        verbose_name=_("slug"),
        help_text=_(
            "Part of the term's web address. Made from the English name if left empty; never changes."
        ),
    )
    slug_es = models.SlugField(
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        verbose_name=_("Spanish slug"),
        help_text=_(
            "Part of the term's Spanish web address. Made from the Spanish name if left empty; never changes."
        ),
    )
    name = models.CharField(max_length=200, verbose_name=_("name"))
    pronunciation = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("pronunciation"),
        help_text=_("A plain respelling with the stressed syllable in capitals, e.g. in-truh-THEE-kul."),
    )
    abbreviations = models.TextField(
        blank=True,
        verbose_name=_("abbreviations"),
        help_text=_("One per line, as written in the guides (e.g. MRD). Matched with the same capitals."),
    )
    other_names = models.TextField(
        blank=True,
        verbose_name=_("other names"),
        help_text=_("One per line: other words for the same concept that appear in the guides."),
    )
    definition = RichTextField(
        features=DEFINITION_FEATURES,
        verbose_name=_("definition"),
        help_text=_("One to three short, plain sentences."),
    )
    image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    image_alt_text = models.CharField(
        max_length=250,
        blank=True,
        verbose_name=_("image alternative text"),
        help_text=_("Say what the image shows, for people who cannot see it."),
    )

    search_fields = [
        index.AutocompleteField("name_en"),
        index.AutocompleteField("name_es"),
        index.SearchField("abbreviations_en"),
        index.SearchField("abbreviations_es"),
        index.SearchField("other_names_en"),
        index.SearchField("other_names_es"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["name_en"]

    def __str__(self):
        return self.name_en or self.slug

    def forms(self, language: str) -> list[tuple[str, bool]]:
        """(text, is_abbreviation) of every form the linker and search know this term by in a language."""
        name = getattr(self, f"name_{language}") or ""
        forms = [(name, False)] if name.strip() else []
        forms += [(other, False) for other in split_list(getattr(self, f"other_names_{language}"))]
        forms += [
            (abbreviation, True) for abbreviation in split_list(getattr(self, f"abbreviations_{language}"))
        ]
        return forms

    def slug_in(self, language: str) -> str:
        """The slug of the term's page in a language: the Spanish page has its own (slug_es) once it has one."""
        return getattr(self, f"slug_{language}", None) or self.slug

    def clean(self):
        super().clean()
        errors = {}
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).values("slug", "slug_es").first() or {}
            if stored.get("slug_es") and not self.slug_es:  # left empty: the one it has
                self.slug_es = stored["slug_es"]
            for name in ("slug", "slug_es"):
                if stored.get(name) and stored[name] != getattr(self, name):
                    errors[name] = _("The slug cannot change: links to this term use it.")
        if self.image_id and not (self.image_alt_text_en or "").strip():
            errors["image_alt_text_en"] = _("Describe the image for people who cannot see it.")
        if self.name_es and not (self.definition_es or "").strip():
            errors["definition_es"] = _("A Spanish name needs a Spanish definition.")
        others = type(self).objects.exclude(pk=self.pk)
        for language, message in name_clashes(self, others):
            errors.setdefault(f"name_{language}", []).append(message)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.name_en or "term", exclude_pk=self.pk)
        if not self.slug_es:  # blank in a form is "none yet", not an empty slug that only one term could have
            name_es = (self.name_es or "").strip()
            self.slug_es = unique_slug(name_es, exclude_pk=self.pk, field="slug_es") if name_es else None
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        """A revision restored (published, reverted) keeps the Spanish slug the term has: it never changes."""
        obj = super().with_content_json(content)
        obj.slug_es = self.slug_es or obj.slug_es
        return obj


class GlossaryTermRelation(Orderable):
    """A "see also" link from one term to another, in the editor's order."""

    term = ParentalKey(GlossaryTerm, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(
        GlossaryTerm, on_delete=models.CASCADE, related_name="+", verbose_name=_("related term")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("related term")
        verbose_name_plural = _("related terms")
        constraints = [models.UniqueConstraint(fields=["term", "related"], name="unique_related_term")]


class TermOccurrence(models.Model):
    """A live page whose text uses a term: lets a term page list its sections without scanning pages.

    Rows are recomputed when a page is published and when a term is published or unpublished
    (see occurrences.py).
    """

    term = models.ForeignKey(GlossaryTerm, on_delete=models.CASCADE, related_name="occurrences")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="glossary_occurrences"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["term", "page"], name="unique_term_occurrence")]

    def __str__(self):
        return f"{self.term_id} in page {self.page_id}"


def unique_slug(name: str, exclude_pk: int | None = None, field: str = "slug") -> str:
    """A slug made from `name` (accents dropped: "mínima" -> "minima") that no other term has in `field`."""
    base = slugify(name)[:90] or "term"
    slug, number = base, 2
    while GlossaryTerm.objects.filter(**{field: slug}).exclude(pk=exclude_pk).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def name_clashes(term: GlossaryTerm, others: models.QuerySet[GlossaryTerm]) -> list[tuple[str, str]]:
    """(language, message) for each name or other name of `term` that one of `others` already uses.

    Names and other names compare folded ("Médula" = "medula"); abbreviations compare as written and may
    be shared, since the linker tells them apart by case.
    """
    clashes = []
    for language in LANGUAGES:
        mine = {match_form(text) for text, is_abbreviation in term.forms(language) if not is_abbreviation}
        if not mine:
            continue
        rows = others.values_list("slug", f"name_{language}", f"other_names_{language}")
        for slug, name, other_names in rows:
            for text in [name or "", *split_list(other_names)]:
                if text.strip() and match_form(text) in mine:
                    message = _("'%(name)s' is already used by the term '%(slug)s'.") % {
                        "name": text,
                        "slug": slug,
                    }
                    clashes.append((language, message))
    return clashes
