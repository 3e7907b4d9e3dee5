"""Profile (not a test): where an uncached page's time goes, with pyinstrument, in-process.

    .venv/bin/python bench/profile_page.py [PATH] [--requests 50] [--database allsite_bench]

Production settings on the bench database (made by bench/run.py) and Redis, full-page cache off; the
first requests warm the process (snapshots, template loading), then pyinstrument records the rest.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import SECTION  # noqa: E402
from bench.servers import environment  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", default=SECTION)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--database", default="allsite_bench")
    parser.add_argument("--text", action="store_true", help="print pyinstrument's call tree")
    args = parser.parse_args()

    os.environ.update(environment(args.database, PAGE_CACHE_SECONDS="0"))
    import django

    django.setup()
    from django.test import Client
    from pyinstrument import Profiler

    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(5):
        if (status := client.get(args.path).status_code) != 200:
            sys.exit(f"{args.path}: {status}")
    profiler = Profiler(interval=0.0005)
    start, cpu = time.perf_counter(), time.process_time()
    with profiler:
        for _ in range(args.requests):
            client.get(args.path)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{args.path}: {wall / args.requests * 1000:.1f} ms wall, {cpu / args.requests * 1000:.1f} ms CPU")
    if args.text:
        print(profiler.output_text(unicode=True, color=False, show_all=bool(os.environ.get("PROFILE_ALL"))))


if __name__ == "__main__":
    main()
