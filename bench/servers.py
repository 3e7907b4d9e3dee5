"""What the benchmark commands share: a PostgreSQL database with content, gunicorn servers, wrk rounds."""

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/3")
LOG = Path(tempfile.gettempdir()) / "allsite-bench-gunicorn.log"  # the servers' own messages


def environment(database, **extra):
    """Production settings on PostgreSQL + Redis, as an application server runs them."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "allsite.settings.production",
        "SECRET_KEY": "bench-only-secret-key-not-for-production",
        "DATABASE_URL": f"{POSTGRES}/{database}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "REDIS_URL": REDIS,
        "STATIC_ROOT": str(Path(tempfile.gettempdir()) / f"allsite-bench-static-{database}"),
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_MAX_REQUESTS": "0",  # measure memory growth, so never recycle a worker
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "2"),
        **extra,
    }


def manage(database, *args):
    subprocess.run([PYTHON, "manage.py", *args], env=environment(database), cwd=ROOT, check=True)  # noqa: S603


def prepare(database, fresh=False):
    """Create the database if needed, migrate, load the demo content and collect static files."""
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if exists and fresh:
            connection.execute(f'DROP DATABASE "{database}" WITH (FORCE)')
        if not exists or fresh:
            connection.execute(f'CREATE DATABASE "{database}"')
    manage(database, "migrate", "--no-input", "-v0")
    manage(database, "load_demo_content", "-v0")
    manage(database, "collectstatic", "--no-input", "-v0")


def flush_redis(url=REDIS):
    import redis

    redis.Redis.from_url(url).flushdb()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(database, wsgi="allsite.wsgi", **extra):
    """A gunicorn master with its workers on a free port; yields (base URL, master process)."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 (our own gunicorn, our arguments)
        [GUNICORN, wsgi],
        env=environment(database, PORT=str(port), **extra),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=LOG.open("a"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)  # noqa: S310 (http://127.0.0.1 only)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start on {base}: see {LOG}") from None
                time.sleep(0.2)
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=30)


def workers_rss_kib(master):
    """Resident memory of each worker of a gunicorn master, from /proc."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)))
    return sizes


def wrk(url, seconds, connections, threads=2):
    """(requests/s, p50 ms, p99 ms) of one wrk run."""
    program = shutil.which("wrk")
    if not program:
        sys.exit("wrk is missing: apt-get install -y wrk")
    arguments = [program, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    output = subprocess.run(arguments, capture_output=True, text=True, check=True).stdout  # noqa: S603
    if "Non-2xx" in output:
        raise RuntimeError(f"{url} answered with errors:\n{output}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return rate, latency_ms(output, "50%"), latency_ms(output, "99%")


def latency_ms(output, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def warm(url, count=20):
    for _ in range(count):
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (http://127.0.0.1 only)
            response.read()


def measure(targets, rounds, seconds, connections):
    """Alternating rounds (every target once per round), so drift affects all alike; medians per target."""
    for url in targets.values():
        warm(url)
    runs = {name: [] for name in targets}
    for number in range(rounds):
        for name, url in targets.items():
            warm(url, count=2)  # waits behind what the previous run left queued on this server: drains it
            runs[name].append(wrk(url, seconds, connections))
            print(f"  round {number + 1}/{rounds} {name}: {runs[name][-1][0]:.0f} req/s", flush=True)
    return {
        name: tuple(statistics.median(values) for values in zip(*results, strict=True))
        for name, results in runs.items()
    }


def table(results, baseline):
    """Medians per page and each page's ratio to `baseline`'s requests/s."""
    base_rate = results[baseline][0]
    lines = [f"{'page':<26} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'× base':>8}"]
    for name, (rate, p50, p99) in results.items():
        lines.append(f"{name:<26} {rate:>8.0f} {p50:>8.1f} {p99:>8.1f} {rate / base_rate:>8.3f}")
    return "\n".join(lines)
