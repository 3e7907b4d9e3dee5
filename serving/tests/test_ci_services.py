"""Tests name the services they need with a mark (conftest.py): without the service they are skipped, except in
CI (CI=true, set by .ci/run), where they fail, so that a green run has run everything."""

import os
import subprocess
import sys

import pytest

from .servers import ROOT, free_port

NEEDS_REDIS = "serving/tests/test_redis.py::test_pages_are_cached_in_redis"
NEEDS_POSTGRESQL = "search/tests/test_results.py::test_spanish_stemming"


def start_pytest(test, **environment):
    """pytest on one test in a fresh process (a variable given as None is unset); the service check comes
    before any database is set up. Returns the running process: `finished` waits for it."""
    inherited = {key: value for key, value in os.environ.items() if key not in environment}
    return subprocess.Popen(
        # Hypothesis's plugin imports all of Hypothesis when the run ends (3 s) and plays no part here.
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:hypothesispytest", test],
        env={**inherited, **{key: value for key, value in environment.items() if value is not None}},
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(process):
    """The process's result once it has ended, as subprocess.run gives it."""
    try:
        stdout, stderr = process.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.mark.parametrize(
    ("test", "missing", "reason"),
    [
        (NEEDS_REDIS, {"TEST_REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"}, "Redis cannot be reached"),
        (NEEDS_POSTGRESQL, {"DATABASE_URL": None}, "needs PostgreSQL"),
    ],
)
def test_a_test_whose_service_is_missing_is_skipped_but_fails_in_ci(test, missing, reason):
    # The two runs are independent: they run at the same time, each waiting for its Python to start.
    skipping, failing = start_pytest(test, **missing, CI=None), start_pytest(test, **missing, CI="true")
    skipped, failed = finished(skipping), finished(failing)
    assert skipped.returncode == 0 and "1 skipped" in skipped.stdout, skipped.stdout[-2000:]
    assert failed.returncode == 1, failed.stdout[-2000:]
    assert f"CI=true and this test's service is missing: {reason}" in failed.stdout
