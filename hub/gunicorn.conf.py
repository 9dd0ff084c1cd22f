"""Gunicorn for the hub (make serve-prod, and the production guide in the README).

Sync workers, as many as the machine suggests (2 x cores + 1) unless WEB_CONCURRENCY says
otherwise; each handles one request at a time, so a slow request never stalls another.
"""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8001")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# The app is loaded once, before the workers fork: a worker starts (and restarts) in
# milliseconds instead of importing Django and Wagtail again, which at a few thousand
# requests a second took whole seconds of CPU from the others.
preload_app = True
# Restart a worker after a while, so nothing a request leaks can pile up.
max_requests = 20000
max_requests_jitter = 2000
timeout = 30
graceful_timeout = 20
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# Behind a proxy that ends TLS: trust its X-Forwarded-* only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server):
    """The app is loaded (preload_app) and the workers are not forked yet: load what each
    worker would load on first use, freeze it all, tune the garbage collector and the C
    allocator (core.runtime); the workers inherit all of it."""
    from core.runtime import tune_gc, tune_malloc, warm_up

    warm_up()
    tune_gc()
    tune_malloc()


def pre_request(worker, req):
    """The previous request is over and its objects unreachable: collect its reference
    cycles now, rather than dozens of requests' at once later (core.runtime)."""
    from core.runtime import collect_between_requests

    collect_between_requests()
