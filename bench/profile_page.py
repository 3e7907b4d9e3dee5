"""Profile (not a test): where an uncached page's time goes, in-process.

    .venv/bin/python bench/profile_page.py [PATH] [--requests 50] [--database allsite_bench] [--cold] [--text]

Production settings on the bench database (made by bench/run.py) and Redis, full-page cache off (with
--cold the render caches too, as bench/run.py's "cold" server); the first requests warm the process
(snapshots, template loading). Then: wall and CPU time per request without a profiler (pyinstrument's
sampling more than doubles a page's CPU time), its SQL (queries and time a request, the slowest), where the
CPU time goes (Django building the SQL of the queries, the ORM's whole work for them, template rendering
around it), and with --text pyinstrument's call tree of the same number of requests. Requests go to the
WSGI application as gunicorn passes them (bench/cpu.py), so no test client's work is counted.
Compare two databases (`--database allsite_bench_large`) with their own Redis databases (`--redis`), as
bench/scale.py does, so neither reads the other's render caches.
"""

import argparse
import importlib
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
    parser.add_argument("--cold", action="store_true", help="render caches off (RENDER_CACHE=false) too")
    args = parser.parse_args()

    cold = {"RENDER_CACHE": "false"} if args.cold else {}
    os.environ.update(environment(args.database, PAGE_CACHE_SECONDS="0", REDIS_URL=args.redis, **cold))
    import django

    django.setup()
    from django.db import connection

    from bench.cpu import requester

    request = requester(importlib.import_module("allsite.wsgi").application, args.path, expect_hit=False)
    try:
        for _ in range(5):
            request()
    except RuntimeError as error:
        sys.exit(str(error))
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(args.requests):
        request()
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
            request()
    total = sum(per_sql.values()) * 1000
    print(f"SQL: {count / args.requests:.1f} queries, {total:.2f} ms a request; the slowest:")
    for sql, seconds in sorted(per_sql.items(), key=lambda item: -item[1])[:3]:
        print(f"  {seconds * 1000:5.2f} ms  {sql[:150]}")

    print("CPU time a request, by what it was spent on (one inside another, not a sum):")
    for label, seconds in cpu_breakdown(request, args.requests).items():
        print(f"  {seconds * 1000:6.2f} ms  {label}")

    if args.text:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        with profiler:
            for _ in range(args.requests):
                request()
        print(profiler.output_text(unicode=True, color=False, show_all=bool(os.environ.get("PROFILE_ALL"))))


def cpu_breakdown(request, requests):
    """CPU seconds a request inside the outermost call of each of: SQLCompiler.as_sql (Django building a
    query's SQL), SQLCompiler.execute_sql (that, the round trip and reading the rows: the ORM's work but
    making model instances), SimpleTemplateResponse.render (the templates, with the queries they make)."""
    from django.db.models.sql.compiler import SQLCompiler
    from django.template.response import SimpleTemplateResponse

    spent, depth = {}, {}
    targets = {
        "building SQL (SQLCompiler.as_sql)": (SQLCompiler, "as_sql"),
        "the ORM running queries (SQLCompiler.execute_sql)": (SQLCompiler, "execute_sql"),
        "templates (SimpleTemplateResponse.render)": (SimpleTemplateResponse, "render"),
    }
    originals = {label: getattr(owner, name) for label, (owner, name) in targets.items()}

    def timed(label, function):
        def wrapper(*args, **kwargs):
            if depth.get(label):  # nested (a subquery's SQL): counted in the outer call
                return function(*args, **kwargs)
            depth[label], start = 1, time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                depth[label] = 0
                spent[label] = spent.get(label, 0) + time.process_time() - start

        return wrapper

    for label, (owner, name) in targets.items():
        setattr(owner, name, timed(label, originals[label]))
    try:
        start = time.process_time()
        for _ in range(requests):
            request()
        total = time.process_time() - start
    finally:
        for label, (owner, name) in targets.items():
            setattr(owner, name, originals[label])
    return {"the whole request": total / requests} | {
        label: spent.get(label, 0) / requests for label in targets
    }


if __name__ == "__main__":
    main()
