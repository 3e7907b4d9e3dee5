"""Benchmark (not a test): CPU time per request, in-process, robust to a busy machine.

    .venv/bin/python bench/cpu.py [PAGE ...] [--rounds 7] [--budget 0.3] [--database allsite_bench]
    .venv/bin/python bench/cpu.py --profile "section, cached" [--requests 2000]

wrk's requests/s on a machine that other work shares moves with that work; the CPU time a process spends on
a request moves much less. Each configuration bench/run.py serves under gunicorn (the plain Django hello,
the site's fixed cost, the section cached, uncached and cold, ...) runs here in a process of its own with the
same settings module, WSGI application and environment (production settings on PostgreSQL + Redis, the
bench database bench/run.py prepares), and calls the WSGI application with a prepared environ like
gunicorn's. Rounds alternate between the processes; each reports the CPU time (time.process_time: user +
system, this process only) of a batch of requests, and the table shows each page's median CPU time per
request and the plain hello's divided by it: the ratio bench/run.py measures, without gunicorn's own
per-request work (the same for every page, so these ratios are a little lower than wrk's).

--gunicorn measures the same pages under gunicorn instead (one worker a server; its CPU time from
/proc/<pid>/task/*/schedstat, requests one at a time over a keep-alive connection): gunicorn's own work
included, so its ratios come nearer wrk's; the client's CPU time (wrk's, in bench/run.py) is not counted.

--callgrind counts the instructions of each page's requests under valgrind's callgrind instead (user space
only: a measure load does not change at all, blind to the kernel's part of a request, its Redis and
database round trips, and to cache misses); it needs valgrind, its headers and gcc, and takes minutes.

--profile runs one page's process under cProfile (timed by CPU time) and prints where the time goes.
"""

import argparse
import cProfile
import http.client
import importlib
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import BASELINE, TARGETS
from bench.run import PAGES as RUN_PAGES
from bench.servers import PYTHON, ROOT, environment, gunicorn

PLAIN = {"DJANGO_SETTINGS_MODULE": "bench.plain_hello.settings", "BENCH_WSGI": "bench.plain_hello.wsgi"}
SERVERS = {  # as bench/run.py starts them: environment on top of bench.servers.environment
    "plain": PLAIN,
    "hello": {"DJANGO_SETTINGS_MODULE": "bench.hello_settings"},
    "cached": {},
    "uncached": {"PAGE_CACHE_SECONDS": "0"},
    "cold": {"PAGE_CACHE_SECONDS": "0", "RENDER_CACHE": "false"},
}
PAGES = RUN_PAGES  # the same names and paths as bench/run.py
DEFAULT_PAGES = [
    BASELINE,
    "site's fixed cost (hello)",
    "section, cached",
    "section, uncached",
    "section, cold",
]
HOST = "127.0.0.1"
PORT = "8000"


def wsgi_environ(path):
    """What gunicorn passes for `GET path` from wrk (a Host header and nothing else), minus wsgi.input."""
    path_info, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "RAW_URI": path,
        "SERVER_NAME": HOST,
        "SERVER_PORT": PORT,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "SERVER_SOFTWARE": "gunicorn",
        "REMOTE_ADDR": "127.0.0.1",
        "REMOTE_PORT": "50000",
        "HTTP_HOST": f"{HOST}:{PORT}",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def requester(application, path, expect_hit):
    """A function making one request and checking it was answered as bench/run.py expects."""
    base = wsgi_environ(path)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, headers

    def request():
        environ = {**base, "wsgi.input": io.BytesIO()}
        result = application(environ, start_response)
        try:
            for _chunk in result:
                pass
        finally:
            if hasattr(result, "close"):
                result.close()
        if not answer["status"].startswith("200"):
            raise RuntimeError(f"{path}: {answer['status']}")
        if expect_hit and ("X-Page-Cache", "hit") not in answer["headers"]:
            raise RuntimeError(f"{path}: not a page-cache hit")

    return request


def worker():
    """One configuration's process: reads `path expect_hit requests` lines, answers CPU seconds as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allsite.settings.production")
    application = importlib.import_module(os.environ.get("BENCH_WSGI", "allsite.wsgi")).application
    requesters = {}
    for line in sys.stdin:
        path, expect_hit, count = line.split()
        key = (path, expect_hit == "1")
        if key not in requesters:
            warm = requester(application, path, expect_hit=False)
            for _ in range(30):  # warm: templates, snapshots, the page cache and the render caches
                warm()
            requesters[key] = requester(application, path, key[1])
        request = requesters[key]
        start = time.process_time()
        for _ in range(int(count)):
            request()
        print(json.dumps(time.process_time() - start), flush=True)


class Worker:
    def __init__(self, database, server):
        self.process = subprocess.Popen(  # noqa: S603 (this script, our arguments)
            [PYTHON, __file__, "--worker"],
            env=environment(database, **SERVERS[server]),
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, path, expect_hit, count):
        self.process.stdin.write(f"{path} {int(expect_hit)} {count}\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"worker for {path} stopped: see its messages above")
        return json.loads(line)

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def measure(database, pages, rounds, budget):
    """Median CPU seconds per request for each page, in alternating rounds of about `budget` CPU seconds."""
    workers = {server: Worker(database, server) for server in {PAGES[name][0] for name in pages}}

    def run(name, count):
        server, path = PAGES[name]
        return workers[server].run(path, server == "cached", count)

    try:
        return alternate(pages, rounds, budget, run)
    finally:
        for process in workers.values():
            process.close()


def alternate(pages, rounds, budget, run):
    """CPU seconds per request of each page in every round; `run(name, count)` gives a batch's seconds."""
    batch = {}
    for name in pages:
        batch[name] = max(20, int(budget / (run(name, 20) / 20)))
    runs = {name: [] for name in pages}
    for number in range(rounds):
        for name in pages:
            runs[name].append(run(name, batch[name]) / batch[name])
        print(f"  round {number + 1}/{rounds} done", file=sys.stderr, flush=True)
    return runs


def worker_cpu_seconds(master):
    """CPU time of a gunicorn master's workers so far, from the scheduler's nanosecond count per thread."""
    total = 0
    for pid in Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split():
        for thread in Path(f"/proc/{pid}/task").iterdir():
            total += int((thread / "schedstat").read_text().split()[0])
    return total / 1e9


def measure_gunicorn(database, pages, rounds, budget):
    """As `measure`, but the CPU time of one gunicorn worker per server (bench/servers.py's gunicorn, as
    bench/run.py starts it), requests sent one after another over a keep-alive connection."""
    from contextlib import ExitStack

    with ExitStack() as stack:
        servers = {}
        for server in {PAGES[name][0] for name in pages}:
            extra = {**SERVERS[server], "WEB_CONCURRENCY": "1"}
            wsgi = extra.pop("BENCH_WSGI", "allsite.wsgi")
            servers[server] = stack.enter_context(gunicorn(database, wsgi=wsgi, **extra))

        def run(name, count):
            server, path = PAGES[name]
            base, master = servers[server]
            connection = http.client.HTTPConnection(*urlsplit(base).netloc.split(":"), timeout=60)
            get(connection, path, expect_hit=False)  # connected, and the page in the cache
            start = worker_cpu_seconds(master)
            for _ in range(count):
                get(connection, path, expect_hit=server == "cached")
            seconds = worker_cpu_seconds(master) - start
            connection.close()
            return seconds

        return alternate(pages, rounds, budget, run)


def get(connection, path, expect_hit):
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status}")
    if expect_hit and response.getheader("X-Page-Cache") != "hit":
        raise RuntimeError(f"{path}: not a page-cache hit")


def table(runs, unit="µs CPU"):
    """Median, min and max per page (seconds shown as µs) and the baseline's median divided by the page's."""
    scale = 1e6 if unit == "µs CPU" else 1
    base = statistics.median(runs[BASELINE])
    lines = [f"{'page':<28} {unit:>12} {'min':>12} {'max':>12} {'× base':>8} {'target':>7}"]
    for name, values in runs.items():
        median = statistics.median(values)
        target = TARGETS.get(name)
        lines.append(
            f"{name:<28} {median * scale:>12.0f} {min(values) * scale:>12.0f} {max(values) * scale:>12.0f} "
            f"{base / median:>8.3f} {'≥ ' + str(target) if target else '':>7}"
        )
    return "\n".join(lines)


CALLGRIND_HELPER = """#include <valgrind/callgrind.h>
void bench_start(void) { CALLGRIND_START_INSTRUMENTATION; }
void bench_stop(void) { CALLGRIND_STOP_INSTRUMENTATION; }
"""


def measure_callgrind(database, pages, requests):
    """Instructions per request of each page: its process runs under callgrind, counting only its requests."""
    import concurrent.futures
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        (folder / "helper.c").write_text(CALLGRIND_HELPER)
        helper = folder / "helper.so"
        subprocess.run(["gcc", "-shared", "-fPIC", "-o", helper, folder / "helper.c"], check=True)  # noqa: S603, S607

        def count(number, name):
            server, path = PAGES[name]
            out = folder / f"page{number}.out"
            arguments = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}"]
            arguments += [PYTHON, __file__, "--callgrind-here", path, str(server == "cached"), str(requests)]
            environ = {**environment(database, **SERVERS[server]), "BENCH_CALLGRIND_HELPER": str(helper)}
            subprocess.run(arguments, env=environ, cwd=ROOT, check=True, capture_output=True)  # noqa: S603
            totals = [
                int(line.split()[1])
                for dump in folder.glob(f"{out.name}*")
                for line in dump.read_text().splitlines()
                if line.startswith("totals:")
            ]
            return [sum(totals) / requests]

        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            counts = pool.map(count, range(len(pages)), pages)
            return dict(zip(pages, counts, strict=True))


def profile(database, name, requests):
    """cProfile of `requests` requests to one page, in a process configured as its server."""
    server, path = PAGES[name]
    arguments = [PYTHON, __file__, "--profile-here", path, str(server == "cached"), str(requests)]
    subprocess.run(arguments, env=environment(database, **SERVERS[server]), cwd=ROOT, check=True)  # noqa: S603


def warmed_requester(path, expect_hit):
    """A requester for `path` in this process, configured as its server, after 30 requests have warmed it up
    (caches filled, the page stored when it is to be a hit)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allsite.settings.production")
    application = importlib.import_module(os.environ.get("BENCH_WSGI", "allsite.wsgi")).application
    warm = requester(application, path, expect_hit=False)
    for _ in range(30):
        warm()
    return requester(application, path, expect_hit)


def callgrind_here(path, expect_hit, requests):
    import ctypes

    request = warmed_requester(path, expect_hit)
    helper = ctypes.CDLL(os.environ["BENCH_CALLGRIND_HELPER"])
    helper.bench_start()
    for _ in range(requests):
        request()
    helper.bench_stop()


def profile_here(path, expect_hit, requests):
    request = warmed_requester(path, expect_hit)
    profiler = cProfile.Profile(time.process_time)  # CPU, not wall time: the machine is shared
    profiler.enable()
    for _ in range(requests):
        request()
    profiler.disable()
    stats = pstats.Stats(profiler).sort_stats("tottime")
    stats.print_stats(40)
    stats.sort_stats("cumulative").print_stats(60)


def main():
    if "--worker" in sys.argv:
        return worker()
    if "--callgrind-here" in sys.argv:
        _, path, hit, requests = sys.argv[sys.argv.index("--callgrind-here") :]
        return callgrind_here(path, hit == "True", int(requests))
    if "--profile-here" in sys.argv:
        _, path, hit, requests = sys.argv[sys.argv.index("--profile-here") :]
        return profile_here(path, hit == "True", int(requests))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", metavar="PAGE", help=f"default: {', '.join(DEFAULT_PAGES)}")
    parser.add_argument("--database", default="allsite_bench")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--budget", type=float, default=0.3, help="CPU seconds per page and round")
    parser.add_argument(
        "--gunicorn", action="store_true", help="measure gunicorn workers (one a server) instead"
    )
    parser.add_argument("--callgrind", action="store_true", help="count instructions instead (minutes)")
    parser.add_argument("--profile", choices=PAGES, help="profile this page instead")
    parser.add_argument("--requests", type=int, default=2000, help="requests to profile (callgrind: 100)")
    args = parser.parse_args()
    if args.profile:
        return profile(args.database, args.profile, args.requests)
    unknown = set(args.pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages {', '.join(unknown)}; known: {', '.join(PAGES)}")
    pages = [BASELINE, *(name for name in args.pages or DEFAULT_PAGES if name != BASELINE)]
    if args.callgrind:
        print(table(measure_callgrind(args.database, pages, min(args.requests, 100)), unit="instructions"))
        return
    method = measure_gunicorn if args.gunicorn else measure
    print(table(method(args.database, pages, args.rounds, args.budget)))


if __name__ == "__main__":
    main()
