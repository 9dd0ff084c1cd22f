"""Benchmark the search page and the library on a scratch database of N synthetic practices.

Prints two lines per backend (an anonymous visitor, then signed-in members), one line for
the library page, then the cost search indexing adds to a publish::

    backend=whoosh docs=10000 user=anonymous index_s=… index_rate=… query_p50_ms=…
        query_p95_ms=… facet_p95_ms=… searches=… timeouts=… publish_visible_ms=…
    backend=whoosh docs=10000 user=member index_s=… … publish_visible_ms=…
    backend=postgres docs=10000 user=anonymous …
    backend=postgres docs=10000 user=member …
    docs=10000 user=member library_p50_ms=… library_p95_ms=… library_requests=…
        library_timeouts=…
    publish_overhead_ms=…

(each backend= line is one line). ``--backends`` names entries of ``SEARCH_BACKENDS``:
``whoosh`` (the embedded default), ``database`` (Wagtail's database backend) and
``postgres`` (``search.backends.postgres``, PostgreSQL only: give ``--postgres``). A
backend that cannot be loaded, or that needs PostgreSQL while the scratch database would
be SQLite, is refused before anything is built.

- ``index_s``: a full rebuild (``update_index``) of that backend; ``index_rate``: practices
  indexed per second of it. On PostgreSQL the tables are vacuumed and ANALYZEd after
  loading and after each rebuild, as autovacuum would have done on a live site (the
  visibility map lets the planner list live pages from an index alone).
- ``query_*``, ``facet_p95_ms``: the search page's code path (``search.service.search``:
  query, facets, visibility, hits) over a fixed mix of queries, as an anonymous visitor
  (``user=anonymous``) or as each account of ``MEMBERS`` (``user=member``); ``searches``
  measured, of which ``timeouts`` hit the backend's time limit (``QUERY_TIME_LIMIT``;
  ``--time-limit`` overrides it for this mix): a timed-out search is a failure, whatever
  its time.
- ``publish_visible_ms``: p95 of the time from a practice's publish (``save_revision`` and
  ``publish``) to the search page's code path finding it by a word new to it, with the
  production settings: the index write is queued and run by ``manage.py db_worker``
  started as production runs it, with that backend only. A public practice looked for
  anonymously, a members-only one by the first of ``MEMBERS``. ``inf`` when one was not
  found within ``VISIBLE_WAIT_S``.
- ``library_*``: the library page (``/practices/`` with the filters of ``LIBRARY``)
  requested through Django's test client, whole (middleware, view, template), signed in
  as each of ``MEMBERS``; once per size, whatever the backends. A page whose SQL runs
  past ``--library-limit`` is stopped and counts in ``library_timeouts``.
- ``publish_overhead_ms``: the median cost search indexing adds to a publish (the task
  queued, not its run).

The child's garbage collector is tuned as a production worker's is (``core.runtime``,
called by gunicorn's ``when_ready``). Never touches the developer's database, index or
media: the command runs itself again in
a child process whose settings point at a temporary directory (removed afterwards), with
the production task backend (index writes go to the database queue). The practices are
written in bulk (``demo.bench_load``). Everything but the result lines goes to stderr.
"""

from __future__ import annotations

import argparse
import io
import math
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from core.indexing import index_updates
from core.runtime import tune_gc
from demo.bench import create_postgres_database, drop_postgres_database, percentile

# --backends value: its WAGTAILSEARCH_BACKENDS key in the child (Whoosh is the default).
# Each is also the name of its entry in SEARCH_BACKENDS (hub/settings/base.py).
BACKENDS = {"whoosh": "default", "database": "database", "postgres": "postgres"}
# Backends that work on PostgreSQL only.
POSTGRES_ONLY = {"postgres"}
BATCH = 1000  # practices written per transaction
# Scratch PostgreSQL databases (--postgres) are named so, and only such are dropped.
PG_PREFIX = "bench_search_"
DEFAULT_REPEATS = 10
DEFAULT_BUDGET_S = 300
DEFAULT_PUBLISHES = 50
DEFAULT_VISIBILITY = 10
DEFAULT_LIBRARY_LIMIT_S = 30
VISIBLE_WAIT_S = 30  # a publish not found in search by then counts as never visible
VISIBLE_POLL_S = 0.05
WORKER_READY_S = 120  # the worker's start and a first task
WARM_UP = 1  # searches before measuring (thesaurus, view tokens, searchers)
# Below this many practices some queries of the mix legitimately find nothing.
EXPECT_RESULTS_FROM = 500
MEMBERS = ("expert-police", "se-coordinator")

# The fixed mix: what experts type, in several languages, with and without facets.
QUERIES = [
    # one word
    {"q": "trafficking"},
    {"q": "ihmiskauppa"},
    {"q": "människohandel"},
    {"q": "shelter"},
    {"q": "tvangsarbejde"},
    {"q": "mansal"},
    # two words
    {"q": "labour exploitation"},
    {"q": "ihmiskaupan uhri"},
    {"q": "sexual exploitation"},
    {"q": "menneskehandel børn"},
    # phrases
    {"q": '"forced labour"'},
    {"q": '"national referral mechanism"'},
    {"q": '"tvungen kriminalitet"'},
    # filtered
    {"q": "trafficking", "country": ["SE"]},
    {"q": "forced labour", "form": ["forced-labour"]},
    {"q": "ihmiskauppa", "language": ["fi"]},
    {"q": "victim", "country": ["NO", "DK"], "sector": ["police"]},
    {"q": "människohandel", "country": ["SE"], "form": ["sexual-exploitation"], "year": ["2020"]},
]

# The library page's filters as members use them (practices.library.FACETS).
LIBRARY = [
    {},
    {"country": ["SE"]},
    {"form": ["forced-labour"]},
    {"country": ["NO", "DK"], "sector": ["police"]},
    {"language": ["fi"], "group": ["children"]},
    {"year": ["2020"], "approach": ["protection"]},
    {"evidence": ["promising"], "sort": "title"},
    {"page": "3"},
]


def backend_problem(name: str, on_postgres: bool) -> str | None:
    """Why ``name`` cannot be benchmarked here (None when it can)."""
    if name not in BACKENDS:
        return f"Unknown backend {name!r}; choose from {', '.join(sorted(BACKENDS))}."
    config = settings.SEARCH_BACKENDS.get(name)
    if config is None:
        return f"The backend {name!r} has no entry in SEARCH_BACKENDS."
    try:
        import_module(config["BACKEND"])
    except ImportError as error:
        return f"The backend {name!r} cannot be loaded ({config['BACKEND']}: {error})."
    if name in POSTGRES_ONLY and not on_postgres:
        return (
            f"The backend {name!r} needs PostgreSQL, and the scratch database would be "
            "SQLite: give --postgres URL."
        )
    return None


class Command(BaseCommand):
    help = (
        "Fill a scratch database with N synthetic practices and time index rebuilds, "
        "searches (the search page's code path) for an anonymous visitor and members, "
        "how soon a publish is found, the library page and the indexing cost of a publish."
    )
    # The parent only starts the child; the child migrates a fresh database.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--docs", type=int, default=1000, help="Synthetic practices to create.")
        parser.add_argument(
            "--queries",
            type=int,
            default=DEFAULT_REPEATS,
            help=(
                f"Measured repetitions of the query mix ({len(QUERIES)} queries, each for an "
                f"anonymous visitor and {len(MEMBERS)} members) and of the library mix "
                f"({len(LIBRARY)} pages for each member); default {DEFAULT_REPEATS}."
            ),
        )
        parser.add_argument(
            "--budget",
            type=float,
            default=DEFAULT_BUDGET_S,
            help=(
                "Seconds of measured searches per backend (and of library pages) after "
                "which no further pass of the mix starts (at least one full pass); default "
                f"{DEFAULT_BUDGET_S:g}."
            ),
        )
        parser.add_argument(
            "--backends",
            default="whoosh,database",
            help=f"Comma-separated, of: {', '.join(BACKENDS)} (postgres needs --postgres).",
        )
        parser.add_argument(
            "--publishes",
            type=int,
            default=DEFAULT_PUBLISHES,
            help="Timed publishes per variant for publish_overhead_ms.",
        )
        parser.add_argument(
            "--visibility",
            type=int,
            default=DEFAULT_VISIBILITY,
            help=(
                "Timed publishes per backend and user for publish_visible_ms; default "
                f"{DEFAULT_VISIBILITY}."
            ),
        )
        parser.add_argument(
            "--time-limit",
            type=float,
            default=None,
            metavar="SECONDS",
            help=(
                "QUERY_TIME_LIMIT of every backend measured, for the query mix (default: as "
                "configured, 2 s)."
            ),
        )
        parser.add_argument(
            "--library-limit",
            type=float,
            default=DEFAULT_LIBRARY_LIMIT_S,
            metavar="SECONDS",
            help=(
                "Time limit of the SQL of one library page, after which it counts in "
                f"library_timeouts; default {DEFAULT_LIBRARY_LIMIT_S:g}."
            ),
        )
        parser.add_argument("--seed", type=int, default=None, help="Seed of the synthetic text.")
        parser.add_argument(
            "--keep",
            action="store_true",
            help="Keep the scratch directory (for profiling); its path goes to stderr.",
        )
        parser.add_argument(
            "--postgres",
            default=None,
            metavar="URL",
            help=(
                "Run on PostgreSQL instead of SQLite: the URL of a server "
                "(postgres://user@host:port/any) where a scratch database "
                f"{PG_PREFIX}<random> is created and dropped afterwards."
            ),
        )
        parser.add_argument("--scratch-child", default=None, help=argparse.SUPPRESS)

    def handle(self, *args, **options):
        # Progress is plain text on stderr, not an error.
        self.stderr.style_func = None
        counts = ("docs", "queries", "publishes", "visibility")
        if any(options[name] < 1 for name in counts):
            raise CommandError(
                "--docs, --queries, --publishes and --visibility must be at least 1."
            )
        if (options["time_limit"] or 0) < 0 or options["library_limit"] < 0:
            raise CommandError("--time-limit and --library-limit cannot be negative.")
        names = list(
            dict.fromkeys(name.strip() for name in options["backends"].split(",") if name.strip())
        )
        if not names:
            raise CommandError(f"Name at least one backend of {', '.join(BACKENDS)}.")
        if options["scratch_child"]:
            from django.db import connection

            on_postgres = connection.vendor == "postgresql"
        else:
            on_postgres = bool(options["postgres"])
        problems = [problem for name in names if (problem := backend_problem(name, on_postgres))]
        if problems:
            raise CommandError(" ".join(problems))
        options["backends"] = names
        if options["scratch_child"]:
            return Child(self, options).run()
        return self._run_child(options)

    # -- parent: start the child on a scratch directory ----------------------------------
    def _run_child(self, options):
        if options["postgres"]:
            database_url = create_postgres_database(options["postgres"], PG_PREFIX)
            self.stderr.write(f"Scratch PostgreSQL database: {urlsplit(database_url).path[1:]}")
        scratch = Path(tempfile.mkdtemp(prefix="bench-search-"))
        if not options["postgres"]:
            database_url = f"sqlite:///{scratch / 'bench.sqlite3'}"
        # The child's settings read these (hub/settings/base.py); everything else is
        # inherited so the child finds the same interpreter and packages.
        env = dict(os.environ)
        env.update(
            DATABASE_URL=database_url,
            SEARCH_INDEX_DIR=str(scratch / "index"),
            MEDIA_ROOT=str(scratch / "media"),
            CACHE_URL="locmemcache://",
            SEARCH_BACKEND="whoosh",
            TASKS_BACKEND="database",
            DJANGO_SETTINGS_MODULE="hub.settings.dev",
        )
        command = [
            sys.executable,
            str(Path(settings.BASE_DIR) / "manage.py"),
            "bench_search",
            "--scratch-child",
            str(scratch),
            "--docs",
            str(options["docs"]),
            "--queries",
            str(options["queries"]),
            "--backends",
            ",".join(options["backends"]),
            "--publishes",
            str(options["publishes"]),
            "--visibility",
            str(options["visibility"]),
            "--budget",
            str(options["budget"]),
        ]
        if options["seed"] is not None:
            command += ["--seed", str(options["seed"])]
        if options["time_limit"] is not None:
            command += ["--time-limit", str(options["time_limit"])]
        command += ["--library-limit", str(options["library_limit"])]
        started = time.perf_counter()
        try:
            # stderr is inherited: progress shows as it happens.
            child = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
                command, env=env, cwd=settings.BASE_DIR, stdout=subprocess.PIPE, text=True
            )
        finally:
            if options["keep"]:
                self.stderr.write(f"Scratch directory kept: {scratch}")
            else:
                shutil.rmtree(scratch, ignore_errors=True)
                if options["postgres"]:
                    drop_postgres_database(database_url, PG_PREFIX)
        self.stdout.write(child.stdout, ending="")
        if child.returncode:
            raise CommandError(f"The benchmark failed (exit status {child.returncode}).")
        self.stderr.write(f"Benchmark took {time.perf_counter() - started:.0f} s.")


def _ms(values, p) -> str:
    value = percentile(values, p)
    return "inf" if math.isinf(value) else f"{value:.1f}"


def _marker(number: int) -> str:
    """A word found in no practice: letters only, so every language's analysis keeps it."""
    letters = "bcdfghjklmnpqrstvwxz"
    word = ""
    number = number * 7919 + secrets.randbelow(10**6)
    while number:
        number, digit = divmod(number, len(letters))
        word += letters[digit]
    return f"zq{word}"


class Child:
    """The benchmark proper, inside the scratch environment."""

    def __init__(self, command, options):
        self.command = command
        self.options = options
        self.docs = options["docs"]
        self.backends = options["backends"]
        self.scratch = Path(options["scratch_child"])

    def note(self, message):
        self.command.stderr.write(message)

    @staticmethod
    def _load() -> str:
        # Timings are only as good as the machine is idle: say how busy it was.
        return " ".join(f"{load:.1f}" for load in os.getloadavg())

    def run(self):
        self._check_scratch(self.scratch)
        # DEBUG (dev settings) keeps every SQL query in memory and slows each one down.
        settings.DEBUG = False
        # The garbage collector as in a production worker (gunicorn's when_ready).
        tune_gc()
        self._configure_backends()
        self.note(f"Database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}.")
        started = time.perf_counter()
        call_command("migrate", interactive=False, verbosity=0, stdout=io.StringIO())
        self._load_backends()
        # Nothing is indexed (or queued for indexing) while filling: the rebuild measured
        # below indexes it all.
        with index_updates(False, signals=False):
            call_command("seed_demo", verbosity=0, stdout=io.StringIO())
            self.note(f"Migrated and seeded the demo in {time.perf_counter() - started:.1f} s.")
            self._create_practices()
        self._analyze()
        lines = []
        for name in self.backends:
            key = BACKENDS[name]
            index_s = self._rebuild(name, key)
            self._analyze()
            searches = self._queries(name, key)
            visible = self._publish_visible(name, key)
            for user, (query_ms, facet_ms, timeouts) in searches.items():
                lines.append(
                    f"backend={name} docs={self.docs} user={user} index_s={index_s:.2f} "
                    f"index_rate={self.docs / index_s:.0f} "
                    f"query_p50_ms={percentile(query_ms, 50):.1f} "
                    f"query_p95_ms={percentile(query_ms, 95):.1f} "
                    f"facet_p95_ms={percentile(facet_ms, 95):.1f} "
                    f"searches={len(query_ms)} timeouts={timeouts} "
                    f"publish_visible_ms={_ms(visible[user], 95)}"
                )
        library_ms, library_timeouts = self._library()
        lines.append(
            f"docs={self.docs} user=member library_p50_ms={percentile(library_ms, 50):.1f} "
            f"library_p95_ms={percentile(library_ms, 95):.1f} library_requests={len(library_ms)} "
            f"library_timeouts={library_timeouts}"
        )
        overhead = self._publish_overhead()
        lines.append(f"publish_overhead_ms={overhead:.2f}")
        for line in lines:
            self.command.stdout.write(line)

    # -- environment -----------------------------------------------------------------------
    def _check_scratch(self, scratch: Path):
        """Refuse to run anywhere but inside the scratch directory the parent made."""
        scratch = scratch.resolve()
        database = settings.DATABASES["default"]
        paths = {
            "search index": settings.SEARCH_BACKENDS["whoosh"]["PATH"],
            "media": settings.MEDIA_ROOT,
        }
        if database["ENGINE"].endswith("postgresql"):
            if not str(database["NAME"]).startswith(PG_PREFIX):
                raise CommandError(
                    f"--scratch-child is internal to bench_search: the database "
                    f"{database['NAME']} is not a scratch database. Run bench_search without it."
                )
        else:
            paths["database"] = database["NAME"]
        for what, path in paths.items():
            if not Path(str(path)).resolve().is_relative_to(scratch):
                raise CommandError(
                    f"--scratch-child is internal to bench_search: the {what} ({path}) is "
                    f"outside {scratch}. Run bench_search without it."
                )
        if settings.TASKS_BACKEND != "database":
            raise CommandError("The benchmark child needs TASKS_BACKEND=database.")

    def _configure_backends(self):
        """Whoosh as "default" (as in dev) plus each other backend asked for, under its name.

        modelsearch reads WAGTAILSEARCH_BACKENDS on every call (no cache), so changing
        the dict at runtime is enough.
        """
        from modelsearch.conf import get_app_config

        configured = settings.WAGTAILSEARCH_BACKENDS
        if configured.get("default", {}).get("BACKEND") != "search.backends.whoosh":
            raise CommandError("The benchmark expects Whoosh as the default backend.")
        for name in self.backends:
            key = BACKENDS[name]
            if key != "default":
                configured[key] = dict(settings.SEARCH_BACKENDS[name])
        keys = set(get_app_config().get_search_backend_config())
        expected = {BACKENDS[name] for name in self.backends} | {"default"}
        if keys != expected:
            raise CommandError(f"modelsearch sees backends {sorted(keys)}, not {expected}.")

    def _load_backends(self):
        """Each backend asked for, loaded once: after migrating, as a backend may look at
        its tables when it starts (the database backend on SQLite falls back to a search
        without an index, for the whole process, when its full-text table is missing)."""
        from modelsearch.backends import get_search_backend

        for name in self.backends:
            try:
                get_search_backend(BACKENDS[name])
            except Exception as error:  # noqa: BLE001 - any failure, said plainly
                raise CommandError(f"The backend {name!r} cannot be loaded: {error}") from error

    def _analyze(self):
        """Vacuumed tables and fresh planner statistics after a bulk load (PostgreSQL),
        as autovacuum leaves them on a live site."""
        from django.db import connection

        if connection.vendor != "postgresql":
            return
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        self.note(f"VACUUM ANALYZE in {time.perf_counter() - started:.1f} s.")

    # -- content ---------------------------------------------------------------------------
    def _index_size(self, name) -> int | None:
        """Documents in the backend's index (None: could not tell)."""
        from modelsearch.backends import get_search_backend
        from wagtail.models import Page
        from wagtail.search.models import IndexEntry

        if name == "database":
            return IndexEntry.objects.count()
        if name != "whoosh":
            return None
        index = get_search_backend(BACKENDS[name]).get_index_for_model(Page)
        try:
            return len(index.stored_documents())
        except Exception as error:  # noqa: BLE001 - a diagnostic, never fatal
            self.note(f"Could not count the Whoosh index: {error!r}")
            return None

    def _create_practices(self):
        from django.utils import timezone
        from django_tasks_db.models import DBTaskResult

        from countries.models import CountryPage
        from demo.bench_data import DEFAULT_SEED, PracticeGenerator
        from demo.bench_load import PracticeLoader
        from practices.models import Approach, FormOfExploitation, Sector, TargetGroup

        terms = {
            "forms": {t.slug: t for t in FormOfExploitation.objects.all()},
            "sectors": {t.slug: t for t in Sector.objects.all()},
            "target_groups": {t.slug: t for t in TargetGroup.objects.all()},
            "approaches": {t.slug: t for t in Approach.objects.all()},
        }
        spaces = {page.country.code: page for page in CountryPage.objects.select_related("country")}
        if len(spaces) != 8:
            self.note(f"Warning: {len(spaces)} country spaces instead of 8.")
        generator = PracticeGenerator(
            terms["forms"],
            terms["sectors"],
            terms["target_groups"],
            terms["approaches"],
            seed=self.options["seed"] if self.options["seed"] is not None else DEFAULT_SEED,
        )
        loader = PracticeLoader(spaces, terms, timezone.now())
        started = time.perf_counter()
        specs = generator.practices(self.docs, countries=sorted(spaces))
        every = max(BATCH, self.docs // 10 // BATCH * BATCH)
        while loader.loaded < self.docs:
            batch = [spec for _, spec in zip(range(BATCH), specs, strict=False)]
            loader.load(batch)
            if loader.loaded % every == 0 or loader.loaded == self.docs:
                elapsed = time.perf_counter() - started
                self.note(f"Created {loader.loaded}/{self.docs} practices ({elapsed:.0f} s).")
        loader.finish()
        elapsed = time.perf_counter() - started
        self.note(
            f"Created {self.docs} practices in {elapsed:.1f} s "
            f"({elapsed / self.docs * 1000:.2f} ms each, in bulk: no signal, nothing queued)."
        )
        # seed_demo queued Wagtail's reference-index updates; no worker runs them here.
        DBTaskResult.objects.all().delete()

    # -- measurements ----------------------------------------------------------------------
    def _rebuild(self, name, key) -> float:
        started = time.perf_counter()
        call_command("update_index", backend_name=key, verbosity=0, stdout=io.StringIO())
        elapsed = time.perf_counter() - started
        self.note(
            f"{name}: full rebuild in {elapsed:.2f} s ({self._index_size(name)} documents, "
            f"{self.docs / elapsed:.0f} practices/s)."
        )
        return elapsed

    def _members(self):
        from django.contrib.auth import get_user_model

        found = {u.username: u for u in get_user_model().objects.filter(username__in=MEMBERS)}
        missing = [username for username in MEMBERS if username not in found]
        if missing:
            raise CommandError(f"The demo members {missing} are missing: nothing to sign in as.")
        return [found[username] for username in MEMBERS]

    def _request(self, params, user):
        from django.test import RequestFactory

        request = RequestFactory().get("/search/", params, HTTP_HOST="localhost")
        request.user = user
        return request

    @contextmanager
    def _time_limit(self, key):
        """``--time-limit`` as the backend's QUERY_TIME_LIMIT, for the query mix only."""
        config = settings.WAGTAILSEARCH_BACKENDS[key]
        if self.options["time_limit"] is None:
            yield
            return
        previous = config.get("QUERY_TIME_LIMIT")
        config["QUERY_TIME_LIMIT"] = self.options["time_limit"]
        try:
            yield
        finally:
            if previous is None:
                config.pop("QUERY_TIME_LIMIT")
            else:
                config["QUERY_TIME_LIMIT"] = previous

    def _queries(self, name, key):
        """{"anonymous" | "member": (query ms, facet ms, timeouts)} of the query mix."""
        with self._time_limit(key):
            return self._query_mix(name, key)

    def _query_mix(self, name, key):
        from django.contrib.auth.models import AnonymousUser

        from search import service

        users = [("anonymous", AnonymousUser())] + [("member", m) for m in self._members()]
        # Warm-up: caches (thesaurus, view tokens, searchers), not measured.
        for params in QUERIES[:WARM_UP]:
            request = self._request(params, users[0][1])
            service.search(request, request.GET, backend_name=key)
        measured = {"anonymous": ([], [], 0), "member": ([], [], 0)}
        timeouts = {"anonymous": 0, "member": 0}
        every, problems = [], {}
        self.note(f"{name}: searching (load average {self._load()}).")
        started = time.perf_counter()
        passes = 0
        over_budget = False
        for _ in range(self.options["queries"]):
            if over_budget:
                break
            passes += 1
            for params in QUERIES:
                if over_budget:
                    break
                for kind, user in users:
                    # Checked per search: one search can take a minute (the database
                    # backend on SQLite at 10,000 pages), so even a first pass may stop.
                    if every and time.perf_counter() - started > self.options["budget"]:
                        over_budget = True
                        self.note(
                            f"{name}: budget of {self.options['budget']:g} s used after "
                            f"{len(every)} searches; stopping."
                        )
                        break
                    request = self._request(params, user)
                    t0 = time.perf_counter()
                    outcome = service.search(request, request.GET, backend_name=key)
                    elapsed = (time.perf_counter() - t0) * 1000
                    every.append(elapsed)
                    measured[kind][0].append(elapsed)
                    measured[kind][1].append(outcome.facet_ms)
                    label = f"{params} as {getattr(user, 'username', '') or 'anonymous'}"
                    if outcome.error:
                        problems[label] = f"error: {outcome.error}"
                    elif outcome.timed_out:
                        timeouts[kind] += 1
                        problems[label] = "timed out"
                    elif outcome.total == 0 and self.docs >= EXPECT_RESULTS_FROM:
                        problems[label] = "no results"
        for label, problem in problems.items():
            self.note(f"Warning: {name}: {label}: {problem}")
        first = every[: len(QUERIES) * len(users)]
        self.note(
            f"{name}: first pass (cold caches): p50 {percentile(first, 50):.1f} ms, "
            f"p95 {percentile(first, 95):.1f} ms, max {max(first):.1f} ms"
        )
        self.note(
            f"{name}: {passes} pass(es), {len(every)} searches in "
            f"{time.perf_counter() - started:.1f} s; max {max(every):.1f} ms, "
            f"{sum(timeouts.values())} timed out (load average {self._load()})."
        )
        return {
            kind: (query_ms, facet_ms, timeouts[kind])
            for kind, (query_ms, facet_ms, _) in measured.items()
        }

    @contextmanager
    def _worker(self, name):
        """``manage.py db_worker`` as production runs it, with backend ``name`` only."""
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="hub.settings.production",
            SECRET_KEY=secrets.token_urlsafe(64),
            SEARCH_BACKEND=name,
            TASKS_BACKEND="database",
            SECURE_SSL_REDIRECT="false",
        )
        log = self.scratch / f"worker-{name}.log"
        with open(log, "w") as output:
            worker = subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
                [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "db_worker"],
                env=env,
                cwd=settings.BASE_DIR,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            yield worker
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
            if worker.returncode not in (0, -15):
                tail = log.read_text(errors="replace")[-2000:]
                self.note(f"{name}: the worker ended with {worker.returncode}:\n{tail}")

    def _until_found(self, key, user, pk, marker, wait) -> float:
        """Search for ``marker`` until page ``pk`` is a hit; seconds waited (inf: never)."""
        from search import service

        started = time.perf_counter()
        while True:
            request = self._request({"q": marker}, user)
            outcome = service.search(request, request.GET, backend_name=key)
            if any(hit.page.pk == pk for hit in outcome.hits):
                return time.perf_counter() - started
            if time.perf_counter() - started > wait:
                return math.inf
            time.sleep(VISIBLE_POLL_S)

    def _publish_visible(self, name, key):
        """{"anonymous" | "member": [ms from publish to found]} with a production worker."""
        from django.contrib.auth.models import AnonymousUser
        from django_tasks_db.models import DBTaskResult

        from practices.models import PracticePage

        count = self.options["visibility"]
        readers = {
            "anonymous": ("public", AnonymousUser()),
            "member": ("members", self._members()[0]),
        }
        pages = {
            kind: list(
                PracticePage.objects.live()
                .filter(audience=audience, slug__startswith="bench-")
                .order_by("pk")
                .values_list("pk", flat=True)[: count + 1]
            )
            for kind, (audience, _) in readers.items()
        }
        timings = {kind: [] for kind in readers}
        serial = 0

        def publish_and_find(kind, pk, wait):
            nonlocal serial
            serial += 1
            marker = _marker(serial)
            page = PracticePage.objects.get(pk=pk)
            page.summary = f"{page.summary.split(' zq')[0]} {marker}"
            t0 = time.perf_counter()
            page.save_revision().publish()
            published = time.perf_counter() - t0
            found = self._until_found(key, readers[kind][1], pk, marker, wait)
            return (published + found) * 1000

        DBTaskResult.objects.all().delete()
        self.note(f"{name}: publish to found, with a production worker (load {self._load()}).")
        with self._worker(name):
            # The worker's start and first task, not measured.
            kind = "anonymous" if pages["anonymous"] else "member"
            if not pages[kind]:
                raise CommandError("No bench practice to publish.")
            ready = publish_and_find(kind, pages[kind][0], WORKER_READY_S)
            if math.isinf(ready):
                raise CommandError(
                    f"{name}: a publish was never found in search with the worker running "
                    f"(its log: {self.scratch / f'worker-{name}.log'}, see --keep)."
                )
            self.note(f"{name}: worker ready; first publish found after {ready:.0f} ms.")
            for i in range(count):
                for kind in readers:
                    candidates = pages[kind]
                    if not candidates:
                        continue
                    pk = candidates[(i + 1) % len(candidates)]
                    timings[kind].append(publish_and_find(kind, pk, VISIBLE_WAIT_S))
        DBTaskResult.objects.all().delete()
        for kind, values in timings.items():
            if values:
                missed = sum(math.isinf(v) for v in values)
                self.note(
                    f"{name}: publish to found as {kind}: p50 {_ms(values, 50)} ms, "
                    f"max {_ms(values, 100)} ms, {missed} of {len(values)} never found."
                )
            else:
                self.note(f"Warning: {name}: no {readers[kind][0]} practice to publish.")
        return timings

    def _library(self):
        """(ms of each library page, how many hit the limit): the library with its
        filters (``LIBRARY``) for each member, whole.

        The library has no time limit of its own, and the cost of its visibility filter
        grows with practices times restricted pages: each page runs under
        ``--library-limit`` (the search's statement limit), and one that hits it counts
        in ``library_timeouts`` with the time it took.
        """
        from django.test import Client

        from home.security import needs_two_factor
        from practices.models import PracticeIndexPage
        from search.backends.timelimit import TimeLimitExceeded, statement_time_limit

        index = PracticeIndexPage.objects.live().first()
        if index is None:
            raise CommandError("The demo has no live library page.")
        url = index.url
        clients = []
        for member in self._members():
            client = Client(HTTP_HOST="localhost")
            client.force_login(member)
            if needs_two_factor(member):
                # As after the second step of the sign-in (tests/accounts.py does the same).
                from django_otp import DEVICE_ID_SESSION_KEY
                from django_otp.plugins.otp_totp.models import TOTPDevice

                device, _ = TOTPDevice.objects.get_or_create(
                    user=member, name="bench", defaults={"confirmed": True}
                )
                session = client.session
                session[DEVICE_ID_SESSION_KEY] = device.persistent_id
                session.save()
            clients.append((member.username, client))

        def get(client, params) -> bool:
            """Request one page; False when it hit the limit."""
            try:
                with statement_time_limit(self.options["library_limit"]):
                    response = client.get(url, params)
            except TimeLimitExceeded:
                return False
            if response.status_code != 200:
                raise CommandError(
                    f"The library {url} {params} answered {response.status_code} to a member."
                )
            return True

        for _, client in clients:  # warm-up: the first page of each, not measured
            get(client, LIBRARY[0])
        self.note(f"Library {url}: timing (load average {self._load()}).")
        timings, timeouts = [], 0
        started = time.perf_counter()
        over_budget = False
        for _ in range(self.options["queries"]):
            for params in LIBRARY:
                for _, client in clients:
                    # Checked per page, as for searches: one page can take long.
                    if timings and time.perf_counter() - started > self.options["budget"]:
                        over_budget = True
                        break
                    t0 = time.perf_counter()
                    if not get(client, params):
                        timeouts += 1
                    timings.append((time.perf_counter() - t0) * 1000)
                if over_budget:
                    break
            if over_budget:
                self.note(f"Library: budget used after {len(timings)} pages; stopping.")
                break
        self.note(
            f"Library: {len(timings)} pages in {time.perf_counter() - started:.1f} s; "
            f"max {max(timings):.1f} ms, {timeouts} stopped at the limit."
        )
        return timings, timeouts

    def _publish_overhead(self) -> float:
        """Median cost search indexing adds to save_revision() + publish(), in ms.

        With the database task queue, AUTO_UPDATE alone changes nothing at publish time:
        modelsearch's post_save handler queues the write either way and the flag is read
        when the worker runs it. So "without indexing" also disconnects that handler; the
        AUTO_UPDATE-only and inline (embedded default) variants go to stderr.
        """
        from django.test import override_settings
        from django_tasks_db.models import DBTaskResult

        from practices.models import PracticePage

        self.note(f"Timing publishes (load average {self._load()}).")
        page = (
            PracticePage.objects.live()
            .filter(audience="public", slug__startswith="bench-")
            .order_by("pk")
            .first()
        ) or PracticePage.objects.live().order_by("pk").first()
        pk = page.pk

        queued = {}

        def publish_ms(label=None):
            page = PracticePage.objects.get(pk=pk)
            page.summary = f"{page.summary.split(' #')[0]} #{time.perf_counter_ns()}"
            tasks = set(DBTaskResult.objects.values_list("pk", flat=True))
            t0 = time.perf_counter()
            page.save_revision().publish()
            elapsed = (time.perf_counter() - t0) * 1000
            if label:
                for path in DBTaskResult.objects.exclude(pk__in=tasks).values_list(
                    "task_path", flat=True
                ):
                    name = path.rsplit(".", 1)[-1]
                    queued.setdefault(label, {}).setdefault(name, 0)
                    queued[label][name] += 1
            return elapsed

        variants = {
            "indexing on": lambda: index_updates(True),
            "indexing off": lambda: index_updates(False, signals=False),
            "AUTO_UPDATE off only": lambda: index_updates(False),
        }
        for make in variants.values():
            with make():
                publish_ms()  # warm-up
        timings = {label: [] for label in variants}
        labels = list(variants)
        publishes = self.options["publishes"]
        for i in range(publishes):
            # Rotate the order so drift (a growing revision table) hits all variants alike.
            for label in labels[i % 3 :] + labels[: i % 3]:
                with variants[label]():
                    timings[label].append(publish_ms(label))
        medians = {label: statistics.median(values) for label, values in timings.items()}
        overhead = medians["indexing on"] - medians["indexing off"]
        self.note(
            "publish (save_revision + publish, database task queue): "
            + ", ".join(f"{label} median {ms:.2f} ms" for label, ms in medians.items())
        )
        for label in labels:
            per_publish = ", ".join(
                f"{name} {count / publishes:g}"
                for name, count in sorted(queued.get(label, {}).items())
            )
            self.note(f"  tasks queued per publish, {label}: {per_publish or 'none'}")
        self.note(
            "  AUTO_UPDATE True vs False alone: "
            f"{medians['indexing on'] - medians['AUTO_UPDATE off only']:.2f} ms"
        )
        DBTaskResult.objects.all().delete()

        # The embedded default: writes inline, one Whoosh commit per save.
        inline = {"on": [], "off": []}
        immediate = {"default": {"BACKEND": settings.TASKS_BACKENDS["immediate"]}}
        database = settings.WAGTAILSEARCH_BACKENDS.get("database")
        with override_settings(TASKS=immediate):
            for i in range(min(20, self.options["publishes"]) + 1):
                for state in ("on", "off") if i % 2 else ("off", "on"):
                    with index_updates(state == "on", signals=state == "on"):
                        if database is not None:
                            database["AUTO_UPDATE"] = False  # Whoosh alone
                        ms = publish_ms()
                    if i:  # the first round warms up
                        inline[state].append(ms)
        self.note(
            "  embedded default (inline writes, Whoosh only): a publish adds "
            f"{statistics.median(inline['on']) - statistics.median(inline['off']):.2f} ms "
            f"(median {statistics.median(inline['on']):.2f} vs "
            f"{statistics.median(inline['off']):.2f} ms)"
        )
        return overhead
