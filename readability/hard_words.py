"""Hard words: long, rare or technical words a family may stumble on, unless the page or the glossary
already explains them.

A word is hard for one or more reasons:
- long: 5 or more syllables in English, 6 or more in Spanish (Spanish words are longer), in any part of
  a hyphenated word; an adverb in "-mente" is judged by its stem ("especialmente" as "especial"). Length
  stands in for rarity, which no word list here measures, so the bar is high: "information" (4) and
  "medicamentos" (5) are long but everyday words;
- technical: it has a medical prefix or suffix ("hyper-", "-itis", "-emia", "-cyte", "-mab", "-nib"…);
- rare (English): the pronunciation dictionary of 126,000 words does not know it, nor its stem without
  "-s", "-es", "-ed" or "-ing", nor the two words it may be made of ("nosebleeds", "windpipe");
- an abbreviation: two to five capital letters.

It is not hard when:
- it is a glossary term or one of its other names or abbreviations, in the page's language (the
  glossary's own matcher finds them, so "bone marrow" is a term wherever the linker would link it; a
  single-word term also covers its plural), or an editor marked it as a glossary term;
- the page explains it somewhere: followed by an explanation in brackets ("petechiae (tiny red spots)"),
  given in brackets after plain words ("a lump (a mass)"), followed by a colon or dash ("Petequias:
  puntitos…"), the subject of a sentence that says what it is ("Lymph nodes are…", "La médula ósea es…"),
  or introduced as a name ("called", "known as", "llamado", "conocido como");
- it is a name: capitalised, not in capitals throughout, and not the first word of its sentence, or
  with a capital inside ("MedlinePlus").

Computed when an editor or board member looks (the Checks panel), with the current glossary: a term added
later stops a word being flagged without the page being saved again.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from glossary.snapshot import Glossary
from glossary.text import fold

from . import english
from .extraction import Passage
from .text import WORD, is_initialism, sentences, word_syllables

LONG_SYLLABLES = {"en": 5, "es": 6}
TECHNICAL = {
    "en": re.compile(
        r"^(?:hyper|hypo|myelo|lympho|leuko|leuco|hemato|haemato|thrombo|cyto|onco|neuro|cardio|nephro"
        r"|hepato|osteo|immuno)\w{4,}"
        r"|\w{3,}(?:itis|a?emia|osis|ectomy|otomy|ostomy|plasty|scopy|graphy|pathy|penia|cytes?|blasts?"
        r"|plasia|trophy|uria|algia|mab|nib)$|\w{4,}lysis$"
    ),
    "es": re.compile(
        r"^(?:hiper|hipo|mielo|linfo|leuco|eritro|hemato|trombo|cito|onco|neuro|cardio|nefro|hepato"
        r"|osteo|inmuno)\w{4,}"
        r"|\w{3,}(?:itis|emias?|osis|ectomias?|tomias?|plastias?|scopias?|grafias?|patias?|penias?"
        r"|blastos?|plasias?|trofias?|urias?|algias?|mab|nib)$|\w{4,}lisis$"
    ),
}
# Everyday words the affixes above would call technical.
NOT_TECHNICAL = frozenset({"diagnosis", "diagnoses", "prognosis", "prognoses"})
# What makes a word "explained" on the page (folded text: lowercase, no accents).
EXPLAINED_BEFORE_BRACKET = re.compile(r"(\w+)[*_]*\s*\(")
IN_BRACKETS = re.compile(r"\(([^()]*)\)")
EXPLAINED_BEFORE_COLON = re.compile(r"(\w+)[*_]*\s*[:—–]\s")
DEFINING_VERB = {
    "en": r"(?:is|are|means|mean|refers to)",
    "es": r"(?:es|son|significa|quiere decir)",
}
ARTICLE = {"en": r"(?:the|an?|your|these|this)", "es": r"(?:el|la|los|las|una?|su|sus|este|esta)"}
NAMING = {
    "en": r"(?:called|named|known as)",
    "es": r"(?:llamad[oa]s?|se llaman?|conocid[oa]s? como|denominad[oa]s?)",
}


@dataclass
class HardWord:
    word: str  # as first written on the page: what "Find" looks for in the preview
    reasons: list
    count: int = 1


def reason_labels() -> dict[str, str]:
    return {
        "long": _("long"),
        "technical": _("technical"),
        "rare": _("not in the dictionary"),
        "abbreviation": _("abbreviation"),
    }


def hard_words(passages: Sequence[Passage], language: str, glossary: Glossary) -> list[HardWord]:
    """Hard words of the passages, most frequent first, each with its reasons and how often it is used."""
    matcher = glossary.matcher(language)
    term_words = _single_word_terms(glossary, language)
    explained = explained_words(passages, language)
    found = {}
    for passage in passages:
        covered = _covered(passage, matcher)
        for sentence in sentences(passage.text, language):
            offset = passage.text.find(sentence.text)
            for position, match in enumerate(WORD.finditer(sentence.text)):
                word = match.group()
                start = offset + match.start() if offset >= 0 else -1
                if not any(char.isalpha() for char in word) or start in covered:
                    continue
                key = fold(word)
                if key in explained or key in term_words or _singular(key) & term_words:
                    continue
                if not word.isupper() and (
                    (position and word[:1].isupper()) or any(char.isupper() for char in word[1:])
                ):
                    continue  # a name
                if key not in found:  # judged once per word: None when it is not hard
                    reasons = _reasons(word, language)
                    found[key] = HardWord(word, reasons) if reasons else None
                elif found[key] is not None:
                    found[key].count += 1
    words = [entry for entry in found.values() if entry is not None]
    return sorted(words, key=lambda entry: (-entry.count, fold(entry.word)))


def _reasons(word, language):
    parts = [part for part in re.split(r"[-‐‑]", word) if part]
    reasons = []
    if any(len(part) > 1 and is_initialism(part) for part in parts):
        return ["abbreviation"]
    key = fold(word)
    if language == "es" and key.endswith("mente") and len(key) > 8:
        parts = [word[: -len("mente")]]
    if max(word_syllables(part, language) for part in parts) >= LONG_SYLLABLES[language]:
        reasons.append("long")
    if key not in NOT_TECHNICAL and TECHNICAL[language].search(key):
        reasons.append("technical")
    if language == "en" and not english.is_known(key):
        reasons.append("rare")
    return reasons


def _covered(passage, matcher):
    """Start offsets of the words inside glossary terms in this passage: found by the matcher or marked."""
    spans = [(start, end) for start, end, _term in matcher.find(passage.text)]
    for marked in passage.marked:
        position = passage.text.find(marked)
        if position >= 0:
            spans.append((position, position + len(marked)))
    return {
        match.start()
        for start, end in spans
        for match in WORD.finditer(passage.text, start, end)
        if match.start() >= start
    }


def _single_word_terms(glossary, language):
    """Folded names, other names and abbreviations of one word: a term's plural or a lone word is covered."""
    forms = set()
    for entry in glossary.entries(language):
        for text in (entry.name, *entry.other_names, *entry.abbreviations):
            folded = fold(text.strip())
            if folded and " " not in folded:
                forms.add(folded)
    return forms


def _singular(key):
    """Forms the word may be the plural of ("blasts" -> "blast", "células" -> "célula", "blastos")."""
    candidates = set()
    if key.endswith("es") and len(key) > 4:
        candidates.add(key[:-2])
    if key.endswith("s") and len(key) > 3:
        candidates.add(key[:-1])
    return candidates


def explained_words(passages: Sequence[Passage], language: str) -> set[str]:
    """Folded words the page explains (see the module's docstring for the patterns)."""
    text = " \n ".join(fold(passage.text) for passage in passages)
    explained = set(EXPLAINED_BEFORE_BRACKET.findall(text))
    explained.update(EXPLAINED_BEFORE_COLON.findall(text))
    for inside in IN_BRACKETS.findall(text):
        explained.update(WORD.findall(inside))
    subject = re.compile(
        rf"(?:^|[.!?]\s+|\n\s*)(?:{ARTICLE[language]}\s+)?(\w+(?:\s+\w+){{0,2}}?)\s+{DEFINING_VERB[language]}\s"
    )
    for words in subject.findall(text):
        explained.update(words.split())
    naming = re.compile(rf"\b{NAMING[language]}\s+(?:{ARTICLE[language]}\s+)?(\w+(?:\s+\w+)?)")
    for words in naming.findall(text):
        explained.update(words.split())
    return explained
