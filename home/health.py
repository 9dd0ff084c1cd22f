"""``/healthz``: is this hub able to serve? For load balancers, uptime monitors and people.

Three checks decide: the database answers, the search index can be read (and is not empty while
there are pages), and background tasks are being worked off: a worker beat within its
lease (``WORKER_LEASE_SECONDS``, so a dead or stalled worker shows within 30 seconds), no
task is left running by a dead one, and none has waited longer than ``TASK_DELAY_LIMIT``.
The answer is JSON, 200 when every check passes and 503 otherwise. Failures are logged
with their detail; the response names only which check failed, so it tells an outsider
nothing about the setup.

The cache is checked too, but pages are served without it (uncached, core/redis_cache.py):
an unreachable cache makes the answer "degraded", still 200, with the check marked
``degraded``. Its breaker logs the outage, so the check does not.
"""

import logging
import time
from datetime import timedelta

from django.core.cache import cache
from django.db import connection
from django.db.models import Case, F, Min, When
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.models import DBTaskResult, get_date_max
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from core import taskqueue

logger = logging.getLogger("hub.health")

# A task still waiting after this long means no worker is taking them.
TASK_DELAY_LIMIT = timedelta(minutes=10)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def check_search():
    backend = get_search_backend()
    index = backend.get_index_for_model(Page)
    if hasattr(index, "read"):  # an index of its own: count what it holds
        documents = index.read(lambda searcher: searcher.doc_count())
        if documents == 0 and Page.objects.filter(depth__gt=1).exists():
            raise RuntimeError("the search index is empty; run manage.py update_index")
        return {"documents": documents}
    list(backend.search("healthz", Page)[:1])
    return {}


def check_tasks():
    """Tasks are worked off: a worker is live (it beat within the lease), no task is left
    running by a dead worker, and none has waited longer than TASK_DELAY_LIMIT."""
    if not taskqueue.uses_database_queue():  # inline: nothing can queue up
        return {"backend": type(task_backends[DEFAULT_TASK_BACKEND_ALIAS]).__name__}
    now = timezone.now()
    if not taskqueue.live_workers(now):
        raise RuntimeError(
            f"no task worker has reported for {int(taskqueue.lease().total_seconds())} s: "
            "is `manage.py db_worker` running?"
        )
    stranded = taskqueue.orphaned_tasks(now)
    if stranded:
        raise RuntimeError(
            f"{len(stranded)} task(s) left running by a worker that is gone and not yet "
            "taken up: is `manage.py db_worker` running?"
        )
    waiting = DBTaskResult.objects.ready()
    # A task retried later has waited since it became due, not since it was first queued.
    since = Case(When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after"))
    oldest = waiting.aggregate(oldest=Min(since))["oldest"]
    delay = (now - oldest) if oldest else timedelta(0)
    if delay > TASK_DELAY_LIMIT:
        raise RuntimeError(
            f"a task has waited {int(delay.total_seconds())} s: is `manage.py db_worker` running?"
        )
    return {"waiting": waiting.count(), "oldest_wait_s": int(delay.total_seconds())}


class Degraded(Exception):
    """What a check raises when its part is missing but pages are still served."""


def check_cache():
    reachable = getattr(cache, "reachable", None)  # only a networked cache can be away
    if reachable is not None and not reachable():
        raise Degraded
    return {}


CHECKS = {
    "database": check_database,
    "search": check_search,
    "tasks": check_tasks,
    "cache": check_cache,
}


@never_cache
@require_GET
def healthz(request):
    report = {}
    healthy = True
    degraded = False
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            details = check()
            ok = True
        except Degraded:
            details, ok = {"degraded": True}, False
            degraded = True
        except Exception:  # any failure of a check is reported, never raised
            logger.exception("Health check %s failed", name)
            details, ok = {}, False
            healthy = False
        report[name] = {
            "ok": ok,
            "ms": round((time.perf_counter() - started) * 1000, 1),
            **details,
        }
    status = "failing" if not healthy else "degraded" if degraded else "ok"
    return JsonResponse(
        {"status": status, "checks": report},
        status=200 if healthy else 503,
    )
