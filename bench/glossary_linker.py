"""Benchmark (not a test): link one 5,000-word section against a glossary of 5,000 terms.

    .venv/bin/python bench/glossary_linker.py [--runs 50]

Prints the time to build the language's automaton (once per glossary change) and the median time to
link the section (every render). The target for the median: under 5 ms. No database is used: the
glossary snapshot is built in memory with made-up terms, the section is made-up HTML with headings,
links and term names in proportions like the demo guides'.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allsite.settings.test")

import django

django.setup()

from glossary.snapshot import Entry, Glossary, Term  # noqa: E402
from glossary.templatetags.glossary_tags import link_section  # noqa: E402

TERMS = 5000
WORDS = 5000
SYLLABLES = [
    "ba",
    "ce",
    "di",
    "fo",
    "gu",
    "ha",
    "je",
    "ki",
    "lo",
    "mu",
    "na",
    "pe",
    "qui",
    "ro",
    "su",
    "ta",
    "ve",
]


def made_up_word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def make_glossary(rng):
    terms, names = {}, []
    for number in range(1, TERMS + 1):
        name = " ".join(made_up_word(rng) for _ in range(rng.randint(1, 3)))
        abbreviations = (
            ("".join(word[0] for word in name.split()).upper() + str(number),) if number % 2 else ()
        )
        names.append(name)
        entry = Entry(
            term_id=number,
            slug=f"term-{number}",
            language="en",
            name=name,
            pronunciation="",
            abbreviations=abbreviations,
            other_names=(),
            definition_html="<p>A made-up term.</p>",
            url=f"/en/glossary/term-{number}/",
            api_url=f"/api/glossary/term-{number}/?lang=en",
        )
        terms[number] = Term(number, entry.slug, None, {}, (), {"en": entry})
    return Glossary(version="bench", terms=terms, locales={}), names


def make_section(rng, names):
    """About WORDS words: paragraphs of plain words with a term name in one word of ten."""
    blocks, count = [], 0
    while count < WORDS:
        if len(blocks) % 6 == 0:
            blocks.append(f'<h2 id="h{len(blocks)}" class="block-heading">{rng.choice(names)} and more</h2>')
            count += 3
        words = []
        while len(words) < 100:
            words.append(rng.choice(names) if rng.random() < 0.1 else made_up_word(rng))
        words[50] = f'<a href="https://example.org/">{words[50]}</a>'
        blocks.append(f'<div class="block-rich-text"><p>{" ".join(words)}.</p></div>')
        count += len(" ".join(words).split())
    return "\n".join(blocks), count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    rng = random.Random(4)  # noqa: S311 (made-up text, not secrets)
    glossary, names = make_glossary(rng)
    html, words = make_section(rng, names)

    start = time.perf_counter()
    glossary.matcher("en")
    glossary.link_openings("en")
    build_ms = (time.perf_counter() - start) * 1000

    timings, linked = [], ""
    for _ in range(args.runs):
        start = time.perf_counter()
        linked = link_section(html, glossary, "en")
        timings.append((time.perf_counter() - start) * 1000)
    links = linked.count('class="glossary-term"')
    print(f"glossary: {TERMS} terms; section: {words} words, {len(html):,} characters, {links} terms linked")
    print(f"automaton and link tags (built once per glossary change): {build_ms:.1f} ms")
    print(
        f"link one section: median {statistics.median(timings):.2f} ms over {args.runs} runs "
        f"(min {min(timings):.2f}, max {max(timings):.2f})"
    )


if __name__ == "__main__":
    main()
