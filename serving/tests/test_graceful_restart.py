"""A graceful restart under load: `kill -HUP` on the gunicorn master starts new workers and lets the old ones
finish what they are answering; the listening socket stays open throughout, so no reader loses a request."""

import os
import signal
import time

import pytest

from .helpers import SECTION, SPANISH_SECTION
from .servers import Readers, database_copy, database_url, flush_redis, production_environment, running

pytestmark = [pytest.mark.postgresql, pytest.mark.redis, pytest.mark.django_db]


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker, static_root):
    with database_copy(django_db_blocker, "restart") as database:
        flush_redis()
        environment = production_environment(database_url(database), static_root, WEB_CONCURRENCY="2")
        with running(environment) as (server,):
            yield server


def test_kill_hup_under_load_loses_no_request(server):
    paths = [SECTION, SPANISH_SECTION + "?utm_source=restart", "/en/glossary/", "/es/buscar/?q=medula"]
    old_workers = server.worker_pids()
    with Readers([server.base + path for path in paths], threads=6) as readers:
        time.sleep(2)
        restarted_at = time.monotonic()
        os.kill(server.process.pid, signal.SIGHUP)
        deadline = time.monotonic() + 60
        while server.worker_pids() & old_workers or len(server.worker_pids()) < 2:
            assert time.monotonic() < deadline, "the old workers did not all go within a minute"
            time.sleep(0.1)
        replaced_at = time.monotonic()
        time.sleep(2)

    failed = [
        (reading.url, reading.status, reading.text[:200])
        for reading in readers.readings
        if reading.status != 200
    ]
    assert not failed, f"{len(failed)} of {len(readers.readings)} requests failed: {failed[:5]}"
    during = [reading for reading in readers.readings if restarted_at <= reading.started <= replaced_at]
    assert len(during) >= 5, "the load went on while the workers were replaced"
    assert len(readers.readings) >= 50
