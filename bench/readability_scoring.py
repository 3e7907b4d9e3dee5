"""Benchmark (not a test): score a 5,000-word guide section, in English and in Spanish.

    .venv/bin/python bench/readability_scoring.py [--runs 50] [--words 5000]

The section is the demo guides' own prose (content/guides/*/<language>/*.md, in file order, until
`--words` words), as a section's stored rich-text blocks: what is timed is what saving a
revision runs (text extraction, sentences, syllables, formulas, long sentences), plus the hard-word check
the Checks panel runs (with the demo glossary's names). The target: under 20 ms per 5,000 words.

"cold" is the first scoring in a process that has read the pronunciation dictionary but has seen none of
the section's words yet (per-word syllable caches empty); "warm" is the median of the runs after it. The
dictionary's one-off load is shown on its own. Times are this process's CPU time (time.process_time), so
that other work on a shared machine does not count. The golden syllable lists' accuracy is printed too.
No database is used.
"""

import argparse
import re
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import os  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allsite.settings.test")

import django  # noqa: E402

django.setup()

import yaml  # noqa: E402

from glossary.snapshot import Entry, Glossary, Term  # noqa: E402
from readability import english, spanish  # noqa: E402
from readability.extraction import page_passages  # noqa: E402
from readability.hard_words import hard_words  # noqa: E402
from readability.scoring import LANGUAGES, score_passages  # noqa: E402
from readability.text import word_syllables  # noqa: E402

MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
GOLDEN = ROOT / "readability" / "tests" / "data"


def demo_paragraphs(language):
    """The demo guides' paragraphs and list items in one language, Markdown marks removed."""
    for path in sorted(ROOT.glob(f"content/guides/*/{language}/*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[-1]
        for line in body.splitlines():
            line = line.strip()
            if not line or line.startswith(("#", ":::", "|")):
                continue
            text = MARKDOWN_LINK.sub(r"\1", line.lstrip("-0123456789. ")).replace("**", "").replace("*", "")
            if text:
                yield text


def section(language, words):
    """A section of about `words` words: one rich-text block per paragraph of the demo prose."""
    blocks, count = [], 0
    while count < words:
        for paragraph in demo_paragraphs(language):
            blocks.append({"type": "rich_text", "value": f"<p>{paragraph}</p>"})
            count += len(paragraph.split())
            if count >= words:
                break
    # What extraction reads of a section: its summary, key points and body blocks as stored.
    return SimpleNamespace(summary="", key_points=None, body=SimpleNamespace(raw_data=blocks)), count


def demo_glossary(language):
    """The seed glossary's names, other names and abbreviations in one language, as a snapshot."""
    terms = {}
    for number, path in enumerate(sorted(ROOT.glob("content/glossary/*.md")), start=1):
        data = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1]).get(language) or {}
        if data.get("name"):
            entry = Entry(
                number,
                path.stem,
                language,
                data["name"],
                "",
                tuple(data.get("abbreviations") or ()),
                tuple(data.get("other_names") or ()),
                "",
                "",
                "",
            )
            terms[number] = Term(number, path.stem, None, {}, (), {language: entry})
    return Glossary(version="bench", terms=terms, locales={})


def timed(function):
    """(result, milliseconds of this process's CPU time): other processes on a shared machine do not count."""
    start = time.process_time()
    result = function()
    return result, (time.process_time() - start) * 1000


def accuracy(language):
    rows = [
        line.split("\t")
        for line in (GOLDEN / f"syllables_{language}.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    right = sum(word_syllables(word, language) == int(count) for word, count in rows)
    return right, len(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--words", type=int, default=5000)
    args = parser.parse_args()

    _counts, load_ms = timed(english.pronunciations)
    print(
        f"pronunciation dictionary: {len(english.pronunciations()):,} words, read in {load_ms:.0f} ms (once)"
    )
    for language in LANGUAGES:
        print(measure(language, args.words, args.runs))


def measure(language, words, runs):
    """One line of figures for a section of `words` words in `language`."""
    page, words = section(language, words)
    glossary = demo_glossary(language)
    glossary.matcher(language)

    def score():
        return score_passages(page_passages(page), language)

    english.count_syllables.cache_clear()
    spanish.count_syllables.cache_clear()
    scores, cold_ms = timed(score)
    warm = [timed(score)[1] for _ in range(runs)]
    passages = page_passages(page)
    hard = [timed(lambda: hard_words(passages, language, glossary))[1] for _ in range(max(runs // 5, 1))]
    right, total = accuracy(language)
    main_score = f"INFLESZ {scores.inflesz:.1f}" if language == "es" else f"grade {scores.grade:.1f}"
    return (
        f"{language}: {words} words, {scores.sentences} sentences, {main_score}; "
        f"scoring cold {cold_ms:.1f} ms, warm median {statistics.median(warm):.1f} ms "
        f"(min {min(warm):.1f}, max {max(warm):.1f}, {runs} runs); "
        f"hard words (panel) median {statistics.median(hard):.1f} ms; "
        f"golden syllables {right}/{total} ({right / total:.1%})"
    )


if __name__ == "__main__":
    main()
