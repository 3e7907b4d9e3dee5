"""The search index: one row per language and live, public guide page or glossary term.

Wagtail's database search backend has one text-search configuration for all content, so this app keeps
its own small table instead, each row searched with its language's configuration (see configs.py).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import pgettext_lazy


class Kind(models.TextChoices):
    GUIDE = "guide", pgettext_lazy("search result kind", "Guide")
    SECTION = "section", pgettext_lazy("search result kind", "Guide section")
    TERM = "term", pgettext_lazy("search result kind", "Glossary term")


class SearchEntry(models.Model):
    """What a reader can find, as plain text, with its tsvector on PostgreSQL and a folded copy elsewhere.

    Rows go with their page or term (CASCADE) and are rewritten by the signals in signals.py. The GIN indexes
    on `search_vector`, one per language, are made by migration 0003 on PostgreSQL only: SQLite cannot
    create them.
    """

    language = models.CharField(max_length=8)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    term = models.ForeignKey(
        "glossary.GlossaryTerm", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    guide = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The guide a guide or section belongs to (itself for a guide), for the guide filter.",
    )
    title = models.CharField(max_length=255)
    url = models.TextField()
    guide_title = models.CharField(max_length=255, blank=True)
    guide_url = models.TextField(blank=True)
    keywords = models.TextField(blank=True, help_text="Abbreviations and other names, one per line.")
    text = models.TextField(blank=True, help_text="Summary, key points and body, or a term's definition.")
    folded_names = models.TextField(
        blank=True, help_text="Title and keywords, folded, fenced: | name | abbr |."
    )
    folded = models.TextField(blank=True, help_text="Title, keywords and text, folded (SQLite matching).")
    search_vector = SearchVectorField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["language", "kind"])]
        constraints = [
            models.UniqueConstraint(fields=["language", "page"], name="unique_search_page"),
            models.UniqueConstraint(fields=["language", "term"], name="unique_search_term"),
            models.CheckConstraint(
                condition=models.Q(page__isnull=False, term__isnull=True)
                | models.Q(page__isnull=True, term__isnull=False),
                name="search_entry_page_or_term",
            ),
        ]

    def __str__(self):
        return f"{self.language}: {self.title}"
