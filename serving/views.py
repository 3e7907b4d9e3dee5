"""/healthz: can this server answer? It checks the database and the shared cache, nothing else."""

import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

HEALTH_KEY = "serving:healthz"


def database_works() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means unhealthy; the body names which check failed
        return False


def cache_works() -> bool:
    token = uuid.uuid4().hex
    try:
        cache.set(HEALTH_KEY, token, 30)
        return cache.get(HEALTH_KEY) == token
    except Exception:
        return False


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 {"status": "ok", ...} when both work; 503 naming the failing check otherwise (for load balancers)."""
    checks = {"database": database_works(), "cache": cache_works()}
    failing = [name for name, works in checks.items() if not works]
    body = {
        "status": "fail" if failing else "ok",
        "checks": {k: "ok" if v else "fail" for k, v in checks.items()},
    }
    return JsonResponse(body, status=503 if failing else 200)
