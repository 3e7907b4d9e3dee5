"""Profile (not a test): where an uncached page's time goes, in-process.

    .venv/bin/python bench/profile_page.py [PATH] [--requests 50] [--database allsite_bench] [--text]

Production settings on the bench database (made by bench/run.py) and Redis, full-page cache off; the
first requests warm the process (snapshots, template loading). Then: wall and CPU time per request without
a profiler (pyinstrument's sampling more than doubles a page's CPU time), its SQL (queries and time a
request, the slowest), and with --text pyinstrument's call tree of the same number of requests.
Compare two databases (`--database allsite_bench_large`) with their own Redis databases (`--redis`), as
bench/scale.py does, so neither reads the other's render caches.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import SECTION
from bench.servers import REDIS, environment


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", default=SECTION)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--database", default="allsite_bench")
    parser.add_argument("--redis", default=REDIS, help=f"Redis URL for the caches (default {REDIS})")
    parser.add_argument(
        "--text", action="store_true", help="also profile, and print pyinstrument's call tree"
    )
    args = parser.parse_args()

    os.environ.update(environment(args.database, PAGE_CACHE_SECONDS="0", REDIS_URL=args.redis))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(5):
        if (status := client.get(args.path).status_code) != 200:
            sys.exit(f"{args.path}: {status}")
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(args.requests):
        client.get(args.path)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{args.path}: {wall / args.requests * 1000:.1f} ms wall, {cpu / args.requests * 1000:.1f} ms CPU")

    per_sql, count = {}, 0

    def timed(execute, sql, params, many, context):
        nonlocal count
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            count += 1
            per_sql[sql] = per_sql.get(sql, 0) + (time.perf_counter() - start) / args.requests

    with connection.execute_wrapper(timed):
        for _ in range(args.requests):
            client.get(args.path)
    total = sum(per_sql.values()) * 1000
    print(f"SQL: {count / args.requests:.1f} queries, {total:.2f} ms a request; the slowest:")
    for sql, seconds in sorted(per_sql.items(), key=lambda item: -item[1])[:3]:
        print(f"  {seconds * 1000:5.2f} ms  {sql[:150]}")

    if args.text:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        with profiler:
            for _ in range(args.requests):
                client.get(args.path)
        print(profiler.output_text(unicode=True, color=False, show_all=bool(os.environ.get("PROFILE_ALL"))))


if __name__ == "__main__":
    main()
