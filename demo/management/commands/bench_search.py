"""Benchmark the search page on a scratch database filled with N synthetic practices.

Prints one line per backend, then the cost search indexing adds to a publish::

    backend=whoosh docs=10000 index_s=… query_p50_ms=… query_p95_ms=… facet_p95_ms=…
    backend=database docs=10000 index_s=… query_p50_ms=… query_p95_ms=… facet_p95_ms=…
    publish_overhead_ms=…

Never touches the developer's database, index or media: the command runs itself again in
a child process whose settings point at a temporary directory (removed afterwards), with
the production task backend (index writes go to the database queue). Everything but the
result lines goes to stderr.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from core.indexing import index_updates
from demo.bench import create_postgres_database, drop_postgres_database, percentile

# --backends value: its WAGTAILSEARCH_BACKENDS key in the child (Whoosh is the default).
BACKENDS = {"whoosh": "default", "database": "database"}
BATCH = 500
# Scratch PostgreSQL databases (--postgres) are named so, and only such are dropped.
PG_PREFIX = "bench_search_"
DEFAULT_REPEATS = 10
DEFAULT_BUDGET_S = 300
DEFAULT_PUBLISHES = 50
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


class Command(BaseCommand):
    help = (
        "Fill a scratch database with N synthetic practices and time index rebuilds, "
        "searches (the search page's code path) and the indexing cost of a publish."
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
                f"anonymous visitor and {len(MEMBERS)} members); default {DEFAULT_REPEATS}."
            ),
        )
        parser.add_argument(
            "--budget",
            type=float,
            default=DEFAULT_BUDGET_S,
            help=(
                "Seconds of measured searches per backend after which no further pass of "
                f"the mix starts (at least one full pass); default {DEFAULT_BUDGET_S:g}."
            ),
        )
        parser.add_argument(
            "--backends", default="whoosh,database", help="Comma-separated: whoosh,database."
        )
        parser.add_argument(
            "--publishes",
            type=int,
            default=DEFAULT_PUBLISHES,
            help="Timed publishes per variant for publish_overhead_ms.",
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
        if options["docs"] < 1 or options["queries"] < 1 or options["publishes"] < 1:
            raise CommandError("--docs, --queries and --publishes must be at least 1.")
        names = [name.strip() for name in options["backends"].split(",") if name.strip()]
        unknown = sorted(set(names) - set(BACKENDS))
        if not names or unknown:
            raise CommandError(f"Unknown backend(s) {unknown}; choose from {sorted(BACKENDS)}.")
        options["backends"] = list(dict.fromkeys(names))
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
            "--budget",
            str(options["budget"]),
        ]
        if options["seed"] is not None:
            command += ["--seed", str(options["seed"])]
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


class Child:
    """The benchmark proper, inside the scratch environment."""

    def __init__(self, command, options):
        self.command = command
        self.options = options
        self.docs = options["docs"]
        self.backends = options["backends"]

    def note(self, message):
        self.command.stderr.write(message)

    @staticmethod
    def _load() -> str:
        # Timings are only as good as the machine is idle: say how busy it was.
        return " ".join(f"{load:.1f}" for load in os.getloadavg())

    def run(self):
        self._check_scratch(Path(self.options["scratch_child"]))
        # DEBUG (dev settings) keeps every SQL query in memory and slows each one down.
        settings.DEBUG = False
        self._configure_backends()
        self.note(f"Database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}.")
        started = time.perf_counter()
        call_command("migrate", interactive=False, verbosity=0, stdout=io.StringIO())
        # Nothing is indexed (or queued for indexing) while filling: the rebuild measured
        # below indexes it all.
        with index_updates(False, signals=False):
            call_command("seed_demo", verbosity=0, stdout=io.StringIO())
            self.note(f"Migrated and seeded the demo in {time.perf_counter() - started:.1f} s.")
            self._create_practices()
        lines = []
        for name in self.backends:
            key = BACKENDS[name]
            index_s = self._rebuild(name, key)
            query_ms, facet_ms = self._queries(name, key)
            lines.append(
                f"backend={name} docs={self.docs} index_s={index_s:.2f} "
                f"query_p50_ms={percentile(query_ms, 50):.1f} "
                f"query_p95_ms={percentile(query_ms, 95):.1f} "
                f"facet_p95_ms={percentile(facet_ms, 95):.1f}"
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
        """Whoosh as "default" (as in dev) plus, if asked, the database backend.

        modelsearch reads WAGTAILSEARCH_BACKENDS on every call (no cache), so changing
        the dict at runtime is enough.
        """
        from modelsearch.conf import get_app_config

        configured = settings.WAGTAILSEARCH_BACKENDS
        if configured.get("default", {}).get("BACKEND") != "search.backends.whoosh":
            raise CommandError("The benchmark expects Whoosh as the default backend.")
        if "database" in self.backends:
            configured["database"] = dict(settings.SEARCH_BACKENDS["database"])
        keys = set(get_app_config().get_search_backend_config())
        expected = {BACKENDS[name] for name in self.backends} | {"default"}
        if keys != expected:
            raise CommandError(f"modelsearch sees backends {sorted(keys)}, not {expected}.")

    # -- content ---------------------------------------------------------------------------
    def _index_sizes(self) -> dict[str, int | None]:
        """Documents in each configured index (None: could not tell)."""
        from modelsearch.backends import get_search_backend
        from wagtail.models import Page
        from wagtail.search.models import IndexEntry

        sizes = {}
        for name in self.backends:
            key = BACKENDS[name]
            if name == "database":
                sizes[name] = IndexEntry.objects.count()
                continue
            index = get_search_backend(key).get_index_for_model(Page)
            try:
                sizes[name] = len(index.stored_documents())
            except Exception as error:  # noqa: BLE001 - a diagnostic, never fatal
                self.note(f"Could not count the Whoosh index: {error!r}")
                sizes[name] = None
        return sizes

    def _create_practices(self):
        from django.db import transaction
        from django.utils import timezone
        from django_tasks_db.models import DBTaskResult
        from wagtail.rich_text import RichText

        from countries.models import CountryPage
        from demo.bench_data import DEFAULT_SEED, PracticeGenerator
        from practices.models import (
            Approach,
            FormOfExploitation,
            PracticePage,
            Sector,
            TargetGroup,
        )

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
        before = self._index_sizes()
        queued_before = DBTaskResult.objects.count()
        started = time.perf_counter()
        specs = generator.practices(self.docs, countries=sorted(spaces))
        now = timezone.now()
        done = 0
        while done < self.docs:
            with transaction.atomic():
                for spec in specs:
                    body = [("paragraph", RichText(f"<p>{escape(p)}</p>")) for p in spec.paragraphs]
                    page = PracticePage(
                        title=spec.title,
                        slug=f"bench-{done:06d}",
                        language=spec.language,
                        audience=spec.audience,
                        summary=spec.summary,
                        summary_en=spec.summary_en,
                        body=body,
                        start_year=spec.start_year,
                        end_year=spec.end_year,
                        ongoing=spec.end_year is None,
                        evidence_level=spec.evidence_level,
                        first_published_at=now,
                        last_published_at=now,
                    )
                    for kind, pool in terms.items():
                        getattr(page, kind).set([pool[slug] for slug in getattr(spec, kind)])
                    spaces[spec.country].add_child(instance=page)
                    done += 1
                    if done % BATCH == 0:
                        break
            elapsed = time.perf_counter() - started
            self.note(f"Created {done}/{self.docs} practices ({elapsed:.0f} s).")
        after = self._index_sizes()
        queued = DBTaskResult.objects.count() - queued_before
        self.note(
            f"Created {self.docs} practices in {time.perf_counter() - started:.1f} s "
            f"({(time.perf_counter() - started) / self.docs * 1000:.1f} ms each)."
        )
        for name in self.backends:
            self.note(
                f"  {name} index while creating (AUTO_UPDATE off): {before[name]} -> "
                f"{after[name]} documents"
            )
            if before[name] != after[name]:
                self.note(f"Warning: the {name} index changed while AUTO_UPDATE was off.")
        # Wagtail still queues its reference-index updates; no worker runs here, so the
        # queue is simply emptied.
        self.note(
            f"  {queued} tasks were queued meanwhile (reference-index updates; "
            "no worker runs them here); emptying the queue."
        )
        DBTaskResult.objects.all().delete()

    # -- measurements ----------------------------------------------------------------------
    def _rebuild(self, name, key) -> float:
        started = time.perf_counter()
        call_command("update_index", backend_name=key, verbosity=0, stdout=io.StringIO())
        elapsed = time.perf_counter() - started
        self.note(f"{name}: full rebuild in {elapsed:.2f} s ({self._index_sizes()[name]} docs).")
        return elapsed

    def _requests(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import AnonymousUser

        users = [AnonymousUser()]
        found = {u.username: u for u in get_user_model().objects.filter(username__in=MEMBERS)}
        for username in MEMBERS:
            if username in found:
                users.append(found[username])
            else:
                self.note(f"Warning: demo member {username!r} missing; not measured.")
        return users

    def _request(self, params, user):
        from django.test import RequestFactory

        request = RequestFactory().get("/search/", params, HTTP_HOST="localhost")
        request.user = user
        return request

    def _queries(self, name, key):
        from search import service

        users = self._requests()
        # Warm-up: caches (thesaurus, view tokens, searchers), not measured.
        for params in QUERIES[:WARM_UP]:
            request = self._request(params, users[0])
            service.search(request, request.GET, backend_name=key)
        query_ms, facet_ms, problems = [], [], {}
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
                for user in users:
                    # Checked per search: one search can take a minute (the database
                    # backend on SQLite at 10,000 pages), so even a first pass may stop.
                    if query_ms and time.perf_counter() - started > self.options["budget"]:
                        over_budget = True
                        self.note(
                            f"{name}: budget of {self.options['budget']:g} s used after "
                            f"{len(query_ms)} searches; stopping."
                        )
                        break
                    request = self._request(params, user)
                    t0 = time.perf_counter()
                    outcome = service.search(request, request.GET, backend_name=key)
                    query_ms.append((time.perf_counter() - t0) * 1000)
                    facet_ms.append(outcome.facet_ms)
                    who = getattr(user, "username", "") or "anonymous"
                    label = f"{params} as {who}"
                    if outcome.error:
                        problems[label] = f"error: {outcome.error}"
                    elif outcome.timed_out:
                        problems[label] = "timed out"
                    elif outcome.total == 0 and self.docs >= EXPECT_RESULTS_FROM:
                        problems[label] = "no results"
        for label, problem in problems.items():
            self.note(f"Warning: {name}: {label}: {problem}")
        first = query_ms[: len(QUERIES) * len(users)]
        self.note(
            f"{name}: first pass (cold caches): p50 {percentile(first, 50):.1f} ms, "
            f"p95 {percentile(first, 95):.1f} ms, max {max(first):.1f} ms"
        )
        self.note(
            f"{name}: {passes} pass(es), {len(query_ms)} searches in "
            f"{time.perf_counter() - started:.1f} s; max {max(query_ms):.1f} ms, "
            f"facets p50 {percentile(facet_ms, 50):.1f} ms (load average {self._load()})."
        )
        return query_ms, facet_ms

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
