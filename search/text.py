"""Text for the search index and for readers: cleaning hostile input, folding, and safe highlighted snippets.

Content and queries are both untrusted. Highlights travel as two private-use characters that never survive
into indexed text or queries; the snippet is HTML-escaped whole and only then are the markers turned into
<mark> elements, so nothing a page or a query contains can become markup.
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from glossary.text import searchable

MAX_QUERY_LENGTH = 200
MARK_START, MARK_STOP = "\ue000", "\ue001"
MARKED = re.compile(f"{MARK_START}([^{MARK_START}{MARK_STOP}]*){MARK_STOP}")
# Unicode's control characters (category Cc) and surrogates (Cs), and the highlight markers: one class, so
# that cleaning a page's text is one pass in C rather than a category lookup per character.
UNWANTED = re.compile(f"[\x00-\x1f\x7f-\x9f\ud800-\udfff{MARK_START}{MARK_STOP}]")
WORD = re.compile(r"\w+")
SNIPPET_LENGTH = 240
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")  # a full stop, maybe inside quotes or brackets
# Without stemming (SQLite), a word of more letters also finds longer words it starts ("treatment" finds
# "treatments"); a shorter one only itself, so that "LLA" does not find "llamar".
SHORT_WORD = 3
# What search folds beyond the glossary's folding: PostgreSQL's unaccent turns ñ into n, and its parser
# splits words at "_"; the SQLite fallback does the same, so that both find the same pages.
UNACCENT = str.maketrans({"ñ": "n", "_": " "})


def clean_text(text):
    """NFC, no control characters (PostgreSQL refuses NUL), no highlight markers, single spaces."""
    text = unicodedata.normalize("NFC", text or "")
    return " ".join(UNWANTED.sub(" ", text).split())


def as_sentences(pieces):
    """Pieces of a page's text (headings, key points, paragraphs) as one text in which each piece ends a
    sentence, so that a snippet does not run a heading into what follows ("…por fases El tratamiento…")."""
    pieces = (clean_text(piece) for piece in pieces)
    return " ".join(piece if SENTENCE_END.search(piece) else f"{piece}." for piece in pieces if piece)


def clean_query(raw):
    """(query, was_cut): the reader's query made harmless and at most MAX_QUERY_LENGTH characters long."""
    query = clean_text(raw)
    if len(query) <= MAX_QUERY_LENGTH:
        return query, False
    return query[:MAX_QUERY_LENGTH].rstrip(), True


def search_form(text):
    """The glossary's folding (glossary.text.searchable: lowercase, accents off, every non-word character a
    space), and ñ -> n as PostgreSQL's unaccent does ("nino" finds "niño"), "_" a space.

    Same length as `text`, so a match in folded text is at the same offsets in the text readers see.
    """
    return searchable(text).translate(UNACCENT)


def query_words(query):
    """The folded words of a query; search syntax ("quotes", -minus, OR) reduces to its words."""
    return WORD.findall(search_form(query))


def word_patterns(word):
    """(SQL substring, regex) that find `word` in padded folded text (" " + search_form(text) + " ")."""
    if len(word) <= SHORT_WORD:
        return f" {word} ", rf"(?<!\w){re.escape(word)}(?!\w)"
    return f" {word}", rf"(?<!\w){re.escape(word)}\w*"


def names_field(names):
    """Names (a title, abbreviations, other names) folded and fenced: "| medula osea | mo |".

    Word patterns find words in it; `exact_name` finds a whole name ("LLA" is a term's abbreviation).
    """
    return "| " + " | ".join(" ".join(query_words(name)) for name in names) + " |"


def exact_name(query):
    return "| " + " ".join(query_words(query)) + " |"


def highlighted(marked_text):
    """Safe HTML from text with MARK_START/MARK_STOP around matches: everything escaped, then <mark>."""
    escaped = escape(marked_text)
    html = MARKED.sub(r"<mark>\1</mark>", escaped)
    return mark_safe(html.replace(MARK_START, "").replace(MARK_STOP, ""))  # noqa: S308  (escaped above)


def marked_snippet(text, words):
    """About SNIPPET_LENGTH characters of `text` around the first of `words`, each word occurrence marked.

    For the SQLite fallback; PostgreSQL makes snippets with ts_headline instead.
    """
    folded = search_form(text)
    spans = sorted(
        (match.start(), match.end())
        for word in set(words)
        for match in re.finditer(word_patterns(word)[1], folded)
    )
    start = 0
    if spans:
        start = max(0, spans[0][0] - SNIPPET_LENGTH // 3)
        start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + SNIPPET_LENGTH)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    pieces, position = [], start
    for span_start, span_end in spans:
        if span_start < position or span_end > end:
            continue
        pieces += [text[position:span_start], MARK_START, text[span_start:span_end], MARK_STOP]
        position = span_end
    pieces.append(text[position:end])
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(pieces) + suffix
