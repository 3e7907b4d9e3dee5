"""Spanish syllables by the rules of Spanish orthography (Ortografía de la lengua española, RAE 2010).

Spanish spelling is regular enough to count syllables by rule, one per vowel nucleus, so no hyphenation
dictionary is used (those leave out breaks they cannot hyphenate at, such as a syllable of one vowel, and
undercount):

- Nuclei: a, e, o are open; i, u, ü and a final or pre-consonant y are closed (weak). Closed + open,
  open + closed and two different closed vowels form a diphthong (one syllable); closed + open + closed a
  triphthong. Two open vowels, an accented í or ú next to an open one ("día", "oído", "baúl") and two
  identical closed vowels ("chiita") are in hiatus (two syllables); two different closed vowels stay one
  syllable even with an accent ("lin-güís-ti-ca").
- "h" between vowels does not separate them ("ahu-mar"), as the RAE's rules say.
- "qu", and "gu" before e or i, write one sound: their u is silent ("que-so", "gui-ta-rra", "guion" has
  one syllable); "ü" is pronounced ("pin-güi-no").
- "ch", "ll", "rr" are one consonant.
"""

from functools import lru_cache

OPEN = frozenset("aeoáéó")
WEAK = frozenset("iuü")
ACCENTED_WEAK = frozenset("íú")
UNACCENTED = {"í": "i", "ú": "u"}
VOWELS = OPEN | WEAK | ACCENTED_WEAK
DIGRAPHS = ("ch", "ll", "rr")


def _units(word):
    """(text, is_vowel) pieces of a lowercase word: letters, with the consonant digraphs and the silent
    u of "qu"/"gu" kept in one consonant piece."""
    units, position, length = [], 0, len(word)
    while position < length:
        char = word[position]
        pair = word[position : position + 2]
        following = word[position + 2 : position + 3]
        silent_u = pair == "qu" or (pair == "gu" and following in ("e", "i", "é", "í"))
        if pair in DIGRAPHS or silent_u:
            units.append((pair, False))
            position += 2
        elif char == "y":
            # A vowel at the end of a word or before a consonant ("muy", "y"); a consonant before a vowel.
            next_char = word[position + 1 : position + 2]
            units.append((char, next_char not in VOWELS))
            position += 1
        else:
            units.append((char, char in VOWELS))
            position += 1
    return units


def _joins(nucleus, vowel):
    """May `vowel` join the vowels already in `nucleus` in one syllable (a diphthong or triphthong)?"""
    vowel = "i" if vowel == "y" else vowel
    has_open = any(v in OPEN for v in nucleus)
    has_accented_weak = any(v in ACCENTED_WEAK for v in nucleus)
    if vowel in OPEN:
        return not has_open and not has_accented_weak
    if vowel in ACCENTED_WEAK or has_accented_weak:
        # í, ú are in hiatus with a, e, o ("día"); with another closed vowel they form a diphthong
        # ("lingüística", "cuídate").
        return not has_open and nucleus[-1] not in (vowel, UNACCENTED.get(vowel))
    return nucleus[-1] != vowel  # weak after open or after a different weak vowel; "ii", "uu" split


def _nuclei(units):
    """(first unit, last unit) of each vowel nucleus: vowels joined by the diphthong rules."""
    nuclei, current, last_vowel = [], None, None
    for index, (text, is_vowel) in enumerate(units):
        if not is_vowel:
            continue
        vowel = "i" if text == "y" else text
        # Next to the previous vowel, or with only "h" between them ("ahu-mar"), a vowel may join it.
        adjacent = last_vowel == index - 1 or (last_vowel == index - 2 and units[index - 1][0] == "h")
        if current is not None and adjacent and _joins(current[2], vowel):
            current = (current[0], index, current[2] + vowel)
        else:
            if current is not None:
                nuclei.append(current[:2])
            current = (index, index, vowel)
        last_vowel = index
    if current is not None:
        nuclei.append(current[:2])
    return nuclei


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """How many syllables a Spanish word has: its vowel nuclei (at least one)."""
    return max(1, len(_nuclei(_units(word.lower()))))
