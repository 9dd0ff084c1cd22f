"""``manage.py bench_http``: pages per second of the scale-out configuration under load.

On a scratch PostgreSQL database filled by ``seed_demo`` it starts gunicorn with the
production settings (the PostgreSQL search backend, Redis cache), and has concurrent clients
request, each for a fixed time, a trivial endpoint (``/robots.txt``: the whole middleware
stack, no database) and the home, library, practice, search and tracker pages. It does so
twice, with the anonymous page cache on and off, and prints one line per endpoint:

    http cache=on page=practice path=/… rps=… p50_ms=… p95_ms=… vs_trivial=…% errors=0

then one line per page with the SQL queries its uncached render makes (anonymous and a
signed-in member). The scratch database, cache keys and files are removed afterwards.
"""

import multiprocessing
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from http.client import HTTPConnection
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.bench import create_postgres_database, drop_postgres_database, percentile

PREFIX = "bench_http_"
PAGES = {
    "trivial": "/robots.txt",
    "home": "/",
    "library": "/practices/",
    "practice": "/countries/finland/civil-society-platform/",
    "search": "/search/?q=trafficking",
    "tracker": "/recommendations/",
}


def _client(port, path, seconds, results):
    """One client: requests ``path`` back to back for ``seconds``; its latencies (s)."""
    latencies, errors = [], 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        try:
            connection = HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status != 200:
                errors += 1
                continue
        except OSError:
            errors += 1
            continue
        latencies.append(time.perf_counter() - started)
    results.put((latencies, errors))


def load(port, path, clients, seconds):
    """(requests per second, p50 ms, p95 ms, errors) of ``clients`` processes."""
    results = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=_client, args=(port, path, seconds, results))
        for _ in range(clients)
    ]
    for worker in workers:
        worker.start()
    latencies, errors = [], 0
    for _ in workers:
        mine, failed = results.get()
        latencies += mine
        errors += failed
    for worker in workers:
        worker.join()
    milliseconds = [value * 1000 for value in latencies]
    return (
        len(latencies) / seconds,
        percentile(milliseconds, 50),
        percentile(milliseconds, 95),
        errors,
    )


class Command(BaseCommand):
    help = "Throughput of the main pages against gunicorn, beside a trivial endpoint."

    def add_arguments(self, parser):
        parser.add_argument(
            "--postgres",
            default="postgres://postgres@127.0.0.1:5432/postgres",
            help=f"PostgreSQL server for the scratch database ({PREFIX}<random>).",
        )
        parser.add_argument(
            "--redis", default="redis://127.0.0.1:6379/1", help="Redis server for the cache."
        )
        parser.add_argument("--clients", type=int, default=8, help="Concurrent clients.")
        parser.add_argument("--seconds", type=float, default=5.0, help="Time per endpoint.")
        parser.add_argument("--workers", type=int, default=0, help="gunicorn workers.")
        parser.add_argument("--port", type=int, default=8091)
        parser.add_argument("--count-queries", action="store_true", help="(internal)")

    def handle(self, *args, **options):
        if options["count_queries"]:
            return self._count_queries()
        if options["clients"] < 1 or options["seconds"] <= 0:
            raise CommandError("--clients and --seconds must be positive.")
        scratch = Path(tempfile.mkdtemp(prefix=PREFIX))
        database_url = create_postgres_database(options["postgres"], PREFIX)
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "SEARCH_BACKEND": "postgres",
            "CACHE_URL": f"{options['redis']}?key_prefix={scratch.name}",
            "TASKS_BACKEND": "immediate",
            "MEDIA_ROOT": str(scratch / "media"),
            "STATIC_ROOT": str(scratch / "static"),
            "SEARCH_INDEX_DIR": str(scratch / "index"),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "GUNICORN_ACCESS_LOG": "/dev/null",
        }
        try:
            self._prepare(env)
            for cache in ("on", "off"):
                self._measure(env, cache, options)
            self._run(
                [sys.executable, "manage.py", "bench_http", "--count-queries"],
                {**env, "DJANGO_SETTINGS_MODULE": "hub.settings.dev"},
                echo=True,
            )
        finally:
            drop_postgres_database(database_url, PREFIX)
            shutil.rmtree(scratch, ignore_errors=True)
            self._forget_cache(options["redis"], scratch.name)

    def _run(self, command, env, echo=False):
        result = subprocess.run(  # noqa: S603 - our own manage.py
            command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
        )
        if result.returncode:
            raise CommandError(f"{' '.join(command[1:])} failed:\n{result.stderr[-3000:]}")
        if echo:
            self.stdout.write(result.stdout, ending="")

    def _prepare(self, env):
        started = time.perf_counter()
        dev = {**env, "DJANGO_SETTINGS_MODULE": "hub.settings.dev"}
        self._run([sys.executable, "manage.py", "migrate", "--noinput"], dev)
        self._run([sys.executable, "manage.py", "seed_demo", "--verbosity", "0"], dev)
        production = {**env, "DJANGO_SETTINGS_MODULE": "hub.settings.production"}
        self._run([sys.executable, "manage.py", "collectstatic", "--noinput"], production)
        self.stderr.write(f"Scratch hub ready in {time.perf_counter() - started:.0f} s.")

    def _measure(self, env, cache, options):
        port = options["port"]
        server_env = {
            **env,
            "DJANGO_SETTINGS_MODULE": "hub.settings.production",
            "BIND": f"127.0.0.1:{port}",
            "PAGE_CACHE_SECONDS": "600" if cache == "on" else "0",
        }
        if options["workers"]:
            server_env["WEB_CONCURRENCY"] = str(options["workers"])
        server = subprocess.Popen(  # noqa: S603
            [str(Path(sys.executable).parent / "gunicorn"), "--config", "hub/gunicorn.conf.py"]
            + ["hub.wsgi:application"],
            cwd=settings.BASE_DIR,
            env=server_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            self._wait_until_up(port, server)
            trivial = None
            for name, path in PAGES.items():
                load(port, path, options["clients"], 1.0)  # warm: caches, connections
                rps, p50, p95, errors = load(port, path, options["clients"], options["seconds"])
                trivial = trivial or rps
                self.stdout.write(
                    f"http cache={cache} page={name} path={path} rps={rps:.0f} "
                    f"p50_ms={p50:.1f} p95_ms={p95:.1f} vs_trivial={100 * rps / trivial:.0f}% "
                    f"errors={errors}"
                )
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)

    @staticmethod
    def _wait_until_up(port, server):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise CommandError(f"gunicorn exited: {server.stderr.read().decode()[-2000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.25)
        raise CommandError("gunicorn did not answer within 60 s.")

    @staticmethod
    def _forget_cache(redis_url, prefix):
        import redis

        client = redis.Redis.from_url(redis_url)
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)

    def _count_queries(self):
        """Inside the scratch hub: SQL queries of each page, uncached, as anonymous and as a
        signed-in member."""
        from django.contrib.auth import get_user_model
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        member = get_user_model().objects.get(username="expert-ngo")
        settings.PAGE_CACHE_SECONDS = 0
        settings.ALLOWED_HOSTS = ["*"]
        for name, path in PAGES.items():
            counts = []
            for user in (None, member):
                client = Client()
                if user:
                    client.force_login(user)
                client.get(path)  # warm the per-process caches, as a running server has
                with CaptureQueriesContext(connection) as queries:
                    status = client.get(path).status_code
                if status != 200:
                    raise CommandError(f"{path} answered {status}")
                counts.append(len(queries))
            self.stdout.write(
                f"sql page={name} path={path} anonymous={counts[0]} member={counts[1]}"
            )
