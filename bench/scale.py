"""Benchmark (not a test): does the cost of a page stay flat as the site grows?

    .venv/bin/python bench/scale.py [--rounds 3 --seconds 8]

Measures the same pages on the demo site (database allsite_bench) and on a large synthetic one
(allsite_bench_large: the demo content plus 2,000 sections per language and 5,000 glossary terms spread
over the alphabet, by bench/generate_large_site.py), in alternating rounds: cached, uncached (full-page
cache off) and cold (render caches off too); and the term linker on a demo section against each site's
glossary. Target: the large site within 15% of the demo site.
"""

import argparse
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import SECTION
from bench.servers import PYTHON, REDIS, ROOT, environment, flush_redis, gunicorn, measure, prepare

LARGE_REDIS = REDIS.rsplit("/", 1)[0] + "/4"  # its own Redis database: no shared tokens with the demo site

PAGES = {
    "section, cached": ("cached", SECTION),
    "section, uncached": ("uncached", SECTION),
    "section (es), uncached": ("uncached", "/es/lla-infantil/fases-del-tratamiento/"),
    "whole guide, uncached": ("uncached", "/en/childhood-all/whole-guide/"),
    "glossary index, uncached": ("uncached", "/en/glossary/"),
    "glossary letter M, uncached": ("uncached", "/en/glossary/letter/m/"),
    "glossary search, uncached": ("uncached", "/en/glossary/?q=bone+marrow"),
    "search results, uncached": ("uncached", "/en/search/?q=bone+marrow"),
    "search results, cold": ("cold", "/en/search/?q=bone+marrow"),  # every search as if it were new
}
LINKER = """
import statistics, time
from django.test import RequestFactory
from glossary.snapshot import current_glossary
from glossary.templatetags.glossary_tags import link_section
from pages.models import GuideSectionPage
from django.utils import translation
page = GuideSectionPage.objects.get(url_path__endswith="/childhood-all/phases-of-treatment/")
html = "".join(str(block) for block in page.body)
glossary = current_glossary()
translation.activate("en")
start = time.perf_counter(); glossary.matcher("en"); build = time.perf_counter() - start
runs = []
for _ in range(50):
    start = time.perf_counter(); link_section(html, glossary, 'en'); runs.append(time.perf_counter() - start)
print(f"{len(glossary.terms)} terms: matcher built in {build * 1000:.0f} ms, section linked in "
      f"{statistics.median(runs) * 1000:.2f} ms (median of 50)")
"""


def linker(database):
    result = subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", LINKER],
        env=environment(database),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip() or result.stderr.strip().splitlines()[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", default="allsite_bench")
    parser.add_argument("--large", default="allsite_bench_large")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()

    prepare(args.small)
    prepare(args.large)
    generate = [PYTHON, "bench/generate_large_site.py"]
    subprocess.run(generate, env=environment(args.large), cwd=ROOT, check=True)  # noqa: S603
    flush_redis(REDIS)
    flush_redis(LARGE_REDIS)
    targets = {}
    with ExitStack() as stack:
        for site, database, redis in (("demo", args.small, REDIS), ("large", args.large, LARGE_REDIS)):
            servers = {
                "cached": stack.enter_context(gunicorn(database, REDIS_URL=redis)),
                "uncached": stack.enter_context(gunicorn(database, REDIS_URL=redis, PAGE_CACHE_SECONDS="0")),
                "cold": stack.enter_context(
                    gunicorn(database, REDIS_URL=redis, PAGE_CACHE_SECONDS="0", RENDER_CACHE="false")
                ),
            }
            for name, (server, path) in PAGES.items():
                targets[f"{name} [{site}]"] = servers[server][0] + path
        results = measure(targets, args.rounds, args.seconds, args.connections)

    print(
        f"\n{'page':<28} {'demo req/s':>10} {'large req/s':>11} {'large/demo':>10} {'p99 demo':>9} {'p99 large':>9}"
    )
    for name in PAGES:
        demo, large = results[f"{name} [demo]"], results[f"{name} [large]"]
        ratio = large[0] / demo[0]
        verdict = "" if ratio >= 0.85 else "  (more than 15% slower)"
        print(
            f"{name:<28} {demo[0]:>10.0f} {large[0]:>11.0f} {ratio:>10.2f} {demo[2]:>9.1f} {large[2]:>9.1f}{verdict}"
        )
    print(f"\nLinker, demo site: {linker(args.small)}")
    print(f"Linker, large site: {linker(args.large)}")


if __name__ == "__main__":
    main()
