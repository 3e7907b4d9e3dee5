"""Benchmark (not a test): the server time of publishing one section on the demo site.

    .venv/bin/python bench/publish.py [--times 10] [--database allsite_bench] [--path /en/childhood-all/...]

Production settings on the bench database (made by bench/run.py) and Redis. Each time, a new revision of the
section (its content unchanged) is saved, then published as the admin's publish button does
(`revision.publish()`): Wagtail's own work, and every receiver of ours (content generation, CDN purge, search
indexing, glossary occurrences), with the tasks Wagtail queues run as the settings run them. Prints wall and
CPU time, queries and the slowest queries of each publication (the first one apart: it loads what a process loads once) and the
median. Target: 300 ms. It adds revisions to the bench database's section, nothing else.

"queries" counts what Django logs, BEGIN and COMMIT included; "commits" the transactions that wrote (a COMMIT,
or a write outside any atomic block, committed on its own): each waits for the disk, and neither count moves
with the machine's load.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.servers import environment

SECTION_URL_PATH = "/childhood-all/phases-of-treatment/"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--database", default="allsite_bench")
    parser.add_argument("--path", default=SECTION_URL_PATH, help="the end of the section's url_path")
    args = parser.parse_args()

    os.environ.update(environment(args.database))
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pages.models import GuideSectionPage

    page = GuideSectionPage.objects.filter(url_path__endswith=args.path, locale__language_code="en").get()
    runs = []
    for number in range(args.times + 1):
        revision = page.save_revision(log_action=False)
        autocommitted = []
        wall, cpu = time.perf_counter(), time.process_time()
        with (
            CaptureQueriesContext(connection) as queries,
            connection.execute_wrapper(count_autocommitted(connection, autocommitted)),
        ):
            revision.publish()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        commits = len(autocommitted) + sum(query["sql"] == "COMMIT" for query in queries)
        label = "first (process warming)" if number == 0 else f"publication {number}"
        print(
            f"{label}: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU, {len(queries)} queries, "
            f"{commits} commits"
        )
        if number:
            runs.append((wall, cpu, len(queries), commits))
        sql_seconds = sorted(((float(query["time"]), query["sql"]) for query in queries), reverse=True)
        print(f"  SQL {sum(seconds for seconds, _ in sql_seconds) * 1000:.0f} ms; the slowest:")
        for seconds, sql in sql_seconds[:3]:
            print(f"    {seconds * 1000:6.1f} ms  {sql[:140]}")
        page.refresh_from_db()
    wall, cpu, queries, commits = (statistics.median(values) for values in zip(*runs, strict=True))
    print(
        f"median: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU, {queries:.0f} queries, "
        f"{commits:.0f} commits (target: 300 ms)"
    )


def count_autocommitted(connection, found):
    """An execute wrapper appending each statement but a SELECT run outside any atomic block to `found`."""

    def wrapper(execute, sql, params, many, context):
        if not connection.in_atomic_block and not sql.lstrip().upper().startswith("SELECT"):
            found.append(sql)
        return execute(sql, params, many, context)

    return wrapper


if __name__ == "__main__":
    main()
