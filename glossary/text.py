"""Text helpers shared by the linker, search, readability and importers: folding, and definition HTML.

Folding is the site's one rule for comparing words as readers mean them: lowercase, accents off ("Médula"
= "medula"), ñ kept as its own letter ("año" is not "ano"; Spanish dictionaries sort ñ after n). `fold`
keeps every other character; `searchable` also turns every non-word character into a space, and is what
glossary terms are matched in. Search folds with `searchable` too and only adds ñ -> n, as PostgreSQL's
unaccent does (search/text.py). Every form keeps the string's length, so a match found in folded text maps
back to the same offsets in the text readers see.
"""

import re
import unicodedata

import nh3

# Definitions are paragraphs with bold, italic and links only (docs/glossary-format.md).
DEFINITION_TAGS = {"p", "br", "b", "i", "strong", "em", "a"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
NON_WORD = re.compile(r"\W")


def _accent_table():
    """Accented Latin letters to their base letter; ñ stays ñ because it is its own letter in Spanish."""
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        decomposed = unicodedata.normalize("NFD", char)
        base = decomposed[0]
        if char in "ñÑ" or len(decomposed) == 1 or not base.isascii() or not base.isalpha():
            continue
        table[code] = base
    return table


ACCENTS = _accent_table()


def _word_table():
    """Accents off and every non-word character a space, for the characters guides are written in."""
    table = {code: " " for code in range(COMMON_CHARACTERS) if not (chr(code).isalnum() or chr(code) == "_")}
    return {**table, **ACCENTS}


COMMON_CHARACTERS = 0x2100  # Latin, Greek, Cyrillic, general punctuation
WORDS_ONLY = _word_table()
RARE_CHARACTER = re.compile(f"[{chr(COMMON_CHARACTERS)}-{chr(0x10FFFF)}]")


def _lower(text):
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lowercase to two characters; keep those as they are
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered


def fold(text: str) -> str:
    """Lowercase without accents, same length as `text` ("Médula" -> "medula")."""
    return _lower(text).translate(ACCENTS)


def searchable(text: str) -> str:
    """Folded, with every non-word character a space; same length as `text`. What terms are matched in.

    One table lookup per character (the regex below only runs for rarer characters): linking a section
    runs this over all its text.
    """
    words = _lower(text).translate(WORDS_ONLY)
    if not words.isascii() and RARE_CHARACTER.search(words):
        words = NON_WORD.sub(" ", words)
    return words


def strip_accents(text: str) -> str:
    """Without accents, case kept, same length: abbreviations match case-sensitively ("ALL", not "all")."""
    return text.translate(ACCENTS)


def match_form(text: str) -> str:
    """What names are compared by: folded, every non-word character a space ("B-cell" ~ "b cell")."""
    return searchable(text.strip())


def split_list(text: str | None) -> list[str]:
    """Abbreviations and other names are stored one per line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def sanitize_definition(html: str | None) -> str:
    """A definition reduced to paragraphs, bold, italic and safe links: nothing in it can run."""
    return nh3.clean(
        html or "",
        tags=DEFINITION_TAGS,
        attributes={"*": set(), "a": {"href"}},
        url_schemes=URL_SCHEMES,
        link_rel=None,
    ).strip()
