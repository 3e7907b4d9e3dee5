"""The glossary's letters: which letters a language's A–Z shows, in what order, and their addresses.

Each letter with terms has a page (`glossary:letter`), except the first, whose terms the glossary's front
page shows; the views and the sitemap both ask here.
"""

from collections.abc import Collection

from django.urls import reverse

ALPHABETS = {"en": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "es": "ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"}
LETTER_SLUGS = {"#": "other"}  # names that start with a digit or a sign
LETTERS_BY_SLUG = {slug: letter for letter, slug in LETTER_SLUGS.items()}


def alphabet(language: str, groups: Collection[str]) -> list[str]:
    """The language's alphabet, then any other first letters its terms have, then "#" (digits, signs)."""
    letters = list(ALPHABETS[language])
    others = sorted(letter for letter in groups if letter not in letters and letter != "#")
    return letters + others + (["#"] if "#" in groups else [])


def first_letter(language: str, groups: Collection[str]) -> str | None:
    return next((letter for letter in alphabet(language, groups) if letter in groups), None)


def letter_pages(language: str, groups: Collection[str]) -> list[str]:
    """The letters with a page of their own: every letter with terms but the first."""
    first = first_letter(language, groups)
    return [letter for letter in alphabet(language, groups) if letter in groups and letter != first]


def letter_url(letter: str, first: str | None) -> str:
    """A letter's page in the active language; the first letter with terms is the glossary's front page."""
    if letter == first:
        return reverse("glossary:index")
    return reverse("glossary:letter", args=[LETTER_SLUGS.get(letter, letter.lower())])


def letter_from_slug(slug: str) -> str | None:
    """ "b" -> "B", "ñ" -> "Ñ", "other" -> "#"; None for anything that is not a letter's address ("B", "ab")."""
    if slug in LETTERS_BY_SLUG:
        return LETTERS_BY_SLUG[slug]
    return slug.upper() if len(slug) == 1 and slug == slug.lower() else None
