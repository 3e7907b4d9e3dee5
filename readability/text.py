"""From plain text to sentences, words and syllables, in English or Spanish.

- A passage (a paragraph, list item, key point, question, caption: see extraction.py) always ends a
  sentence, so a list item without a full stop is a sentence of its own.
- Inside a passage a sentence ends at ".", "!", "?" or "…" followed by a space and something that is not
  a lowercase letter, unless the word before the full stop is a known abbreviation ("Dr.", "p. ej.").
  Colons and semicolons do not end sentences.
- Web and email addresses are left out: they are neither words nor sentence ends.
- A word is a run of letters and digits, joined by hyphens or apostrophes, with at least one letter
  ("6-MP", "child's"); numbers on their own ("38", "100.4") are not words.
- Syllables: a part in capitals of up to five letters is an abbreviation read letter by letter ("ALL" is
  "A-L-L", "LLA" is "e-le e-le a"), a part in digits counts one; every other part goes to the language's
  syllable counter (english.py, spanish.py).
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from . import english, spanish

URL = re.compile(r"(?:https?://|www\.)\S*[^\s.,;:!?)\]}»”’'\"]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
LETTER = re.compile(r"[^\W\d_]")
MASK = "\x00"  # stands in for each character of an address: not a word, never a sentence end
# A dotted abbreviation ("e.g.", "p.ej.") is one word; otherwise letters and digits, hyphens, apostrophes.
WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-‐‑'’][^\W_]+)*")
HYPHEN = re.compile(r"[-‐‑]")
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
ABBREVIATIONS = {
    "en": frozenset({"dr", "mr", "mrs", "ms", "st", "vs", "etc", "approx", "no", "fig", "jr", "sr", "prof"}),
    "es": frozenset(
        {"dr", "dra", "sr", "sra", "srta", "ud", "uds", "etc", "ej", "pág", "núm", "aprox", "vs"}
    ),
}
DOTTED_ABBREVIATION = re.compile(r"(?:\w\.)+\w$")  # "e.g", "i.e", "p.ej", "EE.UU" before the final dot
INITIALISM_MAX = 5
# Syllables in the name of each letter: English letters are one syllable but "double-u"; Spanish names
# ("efe", "hache", "doble uve"…) vary.
LETTER_SYLLABLES = {
    "en": {"w": 3},
    "es": {**dict.fromkeys("fhjlmnñrsvxz", 2), "w": 4},
}
SYLLABLE_COUNTERS = {"en": english.count_syllables, "es": spanish.count_syllables}


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int
    syllables: int


def sentences(passage: str, language: str) -> list[Sentence]:
    """The sentences of one passage of plain text, each with its word and syllable counts."""
    text = " ".join(passage.split())
    masked = URL.sub(_mask, text) if ("/" in text or "@" in text or "www." in text) else text
    bounds, start = [], 0
    for end in SENTENCE_END.finditer(masked):
        if not _continues(masked, end, language):
            bounds.append((start, end.end()))
            start = end.end()
    bounds.append((start, len(text)))
    result = []
    for start, end in bounds:
        found = [word for word in WORD.findall(masked, start, end) if LETTER.search(word)]
        if found:
            syllables = sum(word_syllables(word, language) for word in found)
            result.append(Sentence(text[start:end].strip(), len(found), syllables))
    return result


def _mask(match):
    return MASK * len(match.group())


def _continues(text, end, language):
    """Is this full stop inside a sentence: after an abbreviation, or followed by a lowercase word?"""
    following = text[end.end() : end.end() + 2].strip()[:1]
    if following and following.islower():
        return True
    if text[end.start()] != ".":
        return False
    before = text[: end.start()].rsplit(None, 1)[-1] if text[: end.start()].strip() else ""
    before = before.lstrip("(¿¡\"'“«")
    return before.lower() in ABBREVIATIONS[language] or bool(DOTTED_ABBREVIATION.search(before))


def is_initialism(part: str) -> bool:
    """One capital letter, or two to five letters all in capitals ("T", "ALL", "LLA")."""
    return len(part) <= INITIALISM_MAX and part.isalpha() and part.isupper()


@lru_cache(maxsize=131072)
def word_syllables(word: str, language: str) -> int:
    """Syllables of one word as it is read aloud (see the module's docstring). Kept per process: a
    section's words are mostly words it has used before."""
    total = 0
    counter = SYLLABLE_COUNTERS[language]
    letters = LETTER_SYLLABLES[language]
    for part in HYPHEN.split(word):
        if not part:
            continue
        if part.isdigit():
            total += 1
        elif is_initialism(part) or "." in part:
            total += sum(letters.get(char, 1) for char in part.lower() if char.isalpha())
        else:
            total += counter(part)
    return total
