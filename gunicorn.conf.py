"""gunicorn settings for every application server (production, the two-server test, bench/).

    .venv/bin/gunicorn allsite.wsgi          # reads this file; WSGI defaults to production settings

Environment: PORT or GUNICORN_BIND (default 127.0.0.1:8000), WEB_CONCURRENCY (workers, default 2 per
core + 1), GUNICORN_THREADS (default 1), GUNICORN_MAX_REQUESTS (default 5000, 0 = never recycle).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Import Django and the page models once, before forking: workers start fast and share that memory.
preload_app = True
# Recycle a worker now and then (jittered, so they do not all restart at once): a leak cannot grow forever.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
timeout = 30
graceful_timeout = 20
keepalive = 5
# gunicorn 27 opens a control socket under ~/.gunicorn by default; nothing here uses it.
control_socket_disable = True
# Behind a proxy or load balancer on the same host or network: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
errorlog = "-"
