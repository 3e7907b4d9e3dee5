"""Benchmark (not a test): public pages against a trivial Django view, under gunicorn with production
settings on PostgreSQL + Redis and the demo content.

    .venv/bin/python bench/run.py                   # or: make bench
    .venv/bin/python bench/run.py --rounds 5 --seconds 10 --connections 8 --fresh
    .venv/bin/python bench/run.py --skip-memory --pages "section, cached" "site's fixed cost (hello)"

Five servers, same gunicorn.conf.py and worker count: the baseline, a plain Django project returning a fixed
20 KiB page (bench/plain_hello/, what any Django request costs here); the site with its full-page cache; the
site with the cache off (PAGE_CACHE_SECONDS=0: the uncached figures, no bypass switch in the site itself); the
same with the render caches off too (RENDER_CACHE=false: every request as the first one after a publish); and
the site's settings and whole middleware stack serving only a trivial view (bench/hello_settings.py: the
site's fixed cost per request). wrk measures each page in alternating rounds; the table shows medians and each
page's ratio to the plain hello. Then worker memory after 1,000 and 10,000 requests to uncached pages. Needs
wrk (apt-get install -y wrk).
"""

import argparse
import concurrent.futures
import http.client
import itertools
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.servers import flush_redis, gunicorn, measure, prepare, table, workers_rss_kib

SECTION = "/en/childhood-all/phases-of-treatment/"
BASELINE = "plain Django hello"
PAGES = {
    BASELINE: ("plain", "/"),
    "site's fixed cost (hello)": ("hello", "/hello/"),
    "section, cached": ("cached", SECTION),
    "section, uncached": ("uncached", SECTION),
    "section (es), uncached": ("uncached", "/es/lla-infantil/fases-del-tratamiento/"),
    "whole guide, uncached": ("uncached", "/en/childhood-all/whole-guide/"),
    "section, cold": ("cold", SECTION),
    "whole guide, cold": ("cold", "/en/childhood-all/whole-guide/"),
    "glossary index, uncached": ("uncached", "/en/glossary/"),
    "search results, uncached": ("uncached", "/en/search/?q=bone+marrow"),
    "search results (es), uncached": ("uncached", "/es/buscar/?q=m%C3%A9dula+%C3%B3sea"),
    "search results, cold": ("cold", "/en/search/?q=bone+marrow"),
}
TARGETS = {  # the performance targets, as ratios of the plain hello's requests/s
    "site's fixed cost (hello)": 0.5,
    "section, cached": 0.8,
    "section, uncached": 0.065,
    "section, cold": 0.04,
    "whole guide, uncached": 0.02,
    "search results, uncached": 0.1,
    "search results (es), uncached": 0.1,
}
MEMORY_PATHS = [
    SECTION,
    "/en/childhood-all/",
    "/en/childhood-all/whole-guide/",
    "/es/lla-infantil/fases-del-tratamiento/",
    "/en/glossary/",
    "/en/search/?q=marrow",
]


def start_servers(database, stack):
    servers = {
        "plain": stack.enter_context(
            gunicorn(
                database, wsgi="bench.plain_hello.wsgi", DJANGO_SETTINGS_MODULE="bench.plain_hello.settings"
            )
        ),
        "cached": stack.enter_context(gunicorn(database)),
        "uncached": stack.enter_context(gunicorn(database, PAGE_CACHE_SECONDS="0")),
        "cold": stack.enter_context(gunicorn(database, PAGE_CACHE_SECONDS="0", RENDER_CACHE="false")),
        "hello": stack.enter_context(gunicorn(database, DJANGO_SETTINGS_MODULE="bench.hello_settings")),
    }
    return servers


def targets_for(servers, pages=PAGES):
    return {name: servers[server][0] + path for name, (server, path) in pages.items()}


def send(base, paths, count, threads=4):
    """`count` GET requests over keep-alive connections, cycling through `paths`."""
    host = urlsplit(base)

    def worker(share):
        connection = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
        for path in itertools.islice(itertools.cycle(paths), share):
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{path}: {response.status}")
        connection.close()

    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        list(pool.map(worker, [count // threads] * threads))


def memory_growth(database, paths=MEMORY_PATHS):
    """Worker RSS (KiB) after 1,000 and after 10,000 uncached requests on a fresh server."""
    with gunicorn(database, PAGE_CACHE_SECONDS="0") as (base, master):
        send(base, paths, 1000)
        after_1k = workers_rss_kib(master)
        send(base, paths, 9000)
        after_10k = workers_rss_kib(master)
    return after_1k, after_10k


def report_memory(after_1k, after_10k):
    growth = (sum(after_10k) - sum(after_1k)) / sum(after_1k)
    print(f"\nWorker RSS after 1,000 requests: {', '.join(f'{kib / 1024:.1f}' for kib in after_1k)} MiB")
    print(f"Worker RSS after 10,000 requests: {', '.join(f'{kib / 1024:.1f}' for kib in after_10k)} MiB")
    print(f"Growth: {growth:+.1%} (target: under 10%)")
    return growth


def report_targets(results):
    baseline = results[BASELINE][0]
    print()
    for name, ratio in TARGETS.items():
        if name not in results:
            continue
        measured = results[name][0] / baseline
        verdict = "met" if measured >= ratio else "MISSED"
        print(f"{name}: {measured:.3f} × plain hello (target ≥ {ratio}) {verdict}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="allsite_bench")
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the database first")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument(
        "--pages",
        nargs="+",
        choices=PAGES,
        metavar="PAGE",
        help="only these (and the plain hello); default: all",
    )
    args = parser.parse_args()
    pages = {name: PAGES[name] for name in PAGES if not args.pages or name in args.pages or name == BASELINE}

    from contextlib import ExitStack

    prepare(args.database, fresh=args.fresh)
    flush_redis()
    with ExitStack() as stack:
        servers = start_servers(args.database, stack)
        results = measure(targets_for(servers, pages), args.rounds, args.seconds, args.connections)
    print()
    print(table(results, baseline=BASELINE))
    report_targets(results)
    if not args.skip_memory:
        report_memory(*memory_growth(args.database))


if __name__ == "__main__":
    main()
