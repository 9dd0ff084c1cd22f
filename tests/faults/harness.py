"""The production configuration on services of its own, for the fault suite and the soak.

``Stack`` starts a throwaway PostgreSQL cluster (``initdb``, trust authentication, data in
a temporary folder), a Redis server and then the hub through ``bin/serve-prod`` itself
(create the database, migrate, seed the demo, collect static files, the django-tasks
worker and gunicorn), each on a spare port: the machine's shared PostgreSQL and Redis are
never touched, so a fault injected here (a stopped database, a paused cache) harms nobody
else. Everything it started is stopped and its folder removed when the ``with`` block
ends, however it ends.

It also finds the processes it started (the worker, gunicorn's master and workers) and
their memory, and runs management commands against the same services in the production
settings. Only the standard library and psycopg (a dependency of the hub) are used; no
Django is imported here, so the soak runs it outside pytest.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg

REPO = Path(__file__).resolve().parents[2]
PYTHON = REPO / ".venv" / "bin" / "python"
DATABASE = "hub"
#: The coordinator's authenticator app (a TOTP key the setup gives its account).
COORDINATOR = "fi-coordinator"
#: A member without the admin (and so without a second factor).
MEMBER = "expert-ngo"
#: seed_demo's shared password (hub/settings/dev.py).
DEMO_PASSWORD = "nordic-demo"  # noqa: S105 - the demo's published password
#: How long the first start may take: migrations and the demo on a fresh cluster.
START_SECONDS = 600


def spare_port(first: int) -> int:
    """The first port from ``first`` on which nothing listens on 127.0.0.1."""
    for port in range(first, first + 500):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port from {first}")


def _as_postgres(command: list[str]) -> list[str]:
    """initdb and the server refuse to run as root: run them as the postgres account."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _postgres_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if not versions:
        raise RuntimeError(f"{name} not found: install PostgreSQL's server")
    return str(versions[-1])


class Postgres:
    """A PostgreSQL cluster in ``folder``, on a spare port, stopped and started at will."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.data = folder / "data"
        self.port = spare_port(55432)
        self.log = folder / "postgres.log"

    def url(self, database: str = DATABASE) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *command: str) -> None:
        subprocess.run(_as_postgres(list(command)), check=True, capture_output=True)  # noqa: S603

    def create(self) -> None:
        self.folder.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(
            _postgres_tool("initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "--no-sync",
        )
        self.start()

    def start(self) -> None:
        # Throwaway data: no fsync. The socket goes to our folder, not /var/run/postgresql.
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} "
            "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        )
        self._run(
            _postgres_tool("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options,
            "-w", "start",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        """Stop the server; ``fast`` ends every connection at once, as a restart does."""
        self._run(_postgres_tool("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def connect(self, **options) -> psycopg.Connection:
        return psycopg.connect(self.url(), connect_timeout=5, **options)


class Redis:
    """A Redis server on a spare port, without persistence: a restart empties it, a pause
    (SIGSTOP) keeps everything it holds, as a hung server or a partition does."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = spare_port(56379)
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.folder.mkdir(exist_ok=True)
        command = [
            shutil.which("redis-server") or "/usr/bin/redis-server",
            "--port", str(self.port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", str(self.folder),
            "--logfile", str(self.folder / "redis.log"),
        ]  # fmt: skip
        self.process = subprocess.Popen(command, start_new_session=True)  # noqa: S603
        deadline = time.monotonic() + 10
        while self.command("PING") != "+PONG":
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is None:
            return
        self.resume()  # a stopped process would not see SIGTERM
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def pause(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        if self.process is not None:
            os.kill(self.process.pid, signal.SIGCONT)

    def command(self, *words: str) -> str | None:
        """One command in Redis's inline protocol; its first reply line, None if no answer."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
                connection.sendall((" ".join(words) + "\r\n").encode())
                return connection.recv(4096).split(b"\r\n")[0].decode()
        except OSError:
            return None

    def keys(self) -> int:
        """How many keys Redis holds (-1 when it does not answer)."""
        reply = self.command("DBSIZE")
        return int(reply[1:]) if reply and reply.startswith(":") else -1


@dataclass
class Process:
    pid: int
    ppid: int
    session: int
    state: str
    argv: list[str]

    @property
    def rss_mb(self) -> float:
        return rss_mb(self.pid)


def processes() -> list[Process]:
    """Every process of the machine, read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue  # ended meanwhile
        fields = stat[stat.rindex(")") + 2 :].split()
        found.append(
            Process(
                pid=int(entry.name),
                ppid=int(fields[1]),
                session=int(fields[3]),
                state=fields[0],
                argv=[part.decode(errors="replace") for part in argv if part],
            )
        )
    return found


def _status_mb(pid: int, field: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` in MB (0 when it is gone)."""
    return _status_mb(pid, "VmRSS")


def anon_mb(pid: int) -> float:
    """The anonymous part of ``pid``'s resident memory in MB: its heap, without the
    libraries and files it has mapped (which are read in as code paths are first run)."""
    return _status_mb(pid, "RssAnon")


class Stack:
    """The hub in production settings on its own PostgreSQL and Redis (see the module).

    ``web_workers`` sets gunicorn's WEB_CONCURRENCY (None: gunicorn.conf.py's default);
    ``env`` adds or overrides environment variables of bin/serve-prod.
    """

    def __init__(self, web_workers: int | None = None, env: dict[str, str] | None = None):
        self.web_workers = web_workers
        self.extra_env = env or {}
        self.folder: Path | None = None
        self.postgres: Postgres | None = None
        self.redis: Redis | None = None
        self.server: subprocess.Popen | None = None
        self.facts: dict = {}
        #: Every practice the coordinators published on this stack (traffic.Publish).
        self.published: list = []
        #: Signed-in visitors kept from one test to the next (traffic.Browser by username).
        self.sessions: dict = {}

    # -- starting and stopping ------------------------------------------------------------

    def __enter__(self) -> Stack:
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def start(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="hub-faults-"))
        self.folder.chmod(0o755)  # the postgres account reaches its own folder inside
        self.postgres = Postgres(self.folder / "postgres")
        self.postgres.create()
        self.redis = Redis(self.folder / "redis")
        self.redis.start()
        self.port = spare_port(58001)
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log = self.folder / "serve-prod.log"
        with self.log.open("wb") as log:
            self.server = subprocess.Popen(  # noqa: S603
                [str(REPO / "bin" / "serve-prod")],
                cwd=REPO,
                env=self.env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own session: what it starts is known by it (_ours)
            )
        self._wait_until_serving()
        self.facts = self._prepare_facts()

    def env(self, **overrides: str) -> dict[str, str]:
        """bin/serve-prod's environment: everything pointing at our own services."""
        env = {
            key: value
            for key, value in os.environ.items()
            # Whatever the caller's shell or pytest-django set must not leak in.
            if not key.startswith(("DJANGO_", "PYTEST_"))
            and key
            not in {"BASE_URL", "CSRF_TRUSTED_ORIGINS", "ALLOWED_HOSTS", "PAGE_CACHE_SECONDS"}
        }
        env.update(
            DATABASE_URL=self.postgres.url(),
            CACHE_URL=self.redis.url,
            SEARCH_BACKEND="postgres",
            TASKS_BACKEND="database",
            BIND=f"127.0.0.1:{self.port}",
            MEDIA_ROOT=str(self.folder / "media"),
            STATIC_ROOT=str(self.folder / "static"),
            SEARCH_INDEX_DIR=str(self.folder / "search-index"),
            SECRET_KEY=self._secret_key(),
            GUNICORN_ACCESS_LOG="/dev/null",
            PYTHONUNBUFFERED="1",
        )
        if self.web_workers:
            env["WEB_CONCURRENCY"] = str(self.web_workers)
        env.update(self.extra_env)
        env.update(overrides)
        return env

    def _secret_key(self) -> str:
        if not hasattr(self, "_secret"):
            self._secret = secrets.token_urlsafe(64)
        return self._secret

    def _wait_until_serving(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError(f"bin/serve-prod exited:\n{self.log_tail()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"bin/serve-prod did not serve within {START_SECONDS} s")

    def close(self) -> None:
        """Stop everything this stack started and remove its folder."""
        if self.server is not None:
            self._stop_all()
            self.server.wait()
            self.server = None
        if self.redis is not None:
            self.redis.stop()
        if self.postgres is not None and self.postgres.running():
            # A fault may have stopped it already.
            with contextlib.suppress(subprocess.CalledProcessError):
                self.postgres.stop("immediate")
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def _stop_all(self) -> None:
        """TERM, then KILL, everything bin/serve-prod started (gunicorn, the worker, the
        shells between), continuing stopped ones first. Known by descent and by session,
        remembered across rounds: a process started in a session of its own whose parent
        ended meanwhile is not forgotten."""
        known: set[int] = set()
        for sig in (signal.SIGTERM, signal.SIGKILL):
            known |= {p.pid for p in self._ours()}
            for pid in known:
                for each in (signal.SIGCONT, sig):
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, each)
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                alive = {p.pid for p in processes() if p.state != "Z"} & (
                    known | {p.pid for p in self._ours()}
                )
                if not alive - {self.server.pid}:
                    return
                time.sleep(0.2)

    def log_tail(self, lines: int = 60) -> str:
        if self.folder is None or not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    # -- what runs ------------------------------------------------------------------------

    def _ours(self) -> list[Process]:
        """What bin/serve-prod started: its session, and its descendants (it may start a
        process in a session of its own)."""
        if self.server is None:
            return []
        everything = processes()
        children: dict[int, list[Process]] = {}
        for process in everything:
            children.setdefault(process.ppid, []).append(process)
        ours = {p.pid: p for p in everything if p.session == self.server.pid}
        stack = [self.server.pid]
        while stack:
            for child in children.get(stack.pop(), ()):
                ours[child.pid] = child
                stack.append(child.pid)
        return list(ours.values())

    def worker_pids(self) -> list[int]:
        """The django-tasks workers (``manage.py db_worker``) running now."""
        return [
            p.pid
            for p in self._ours()
            if "db_worker" in p.argv and p.state != "Z" and any("manage.py" in a for a in p.argv)
        ]

    def gunicorn(self) -> tuple[int | None, list[int]]:
        """gunicorn's master and its workers."""
        ours = [p for p in self._ours() if any("gunicorn" in a for a in p.argv[:2])]
        pids = {p.pid for p in ours}
        masters = [p for p in ours if p.ppid not in pids]
        if not masters:
            return None, []
        master = masters[0].pid
        return master, [p.pid for p in ours if p.ppid == master and p.state != "Z"]

    # -- working with it ------------------------------------------------------------------

    def manage(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        """``manage.py`` in the production settings, on this stack's services."""
        return subprocess.run(  # noqa: S603
            [str(PYTHON), "manage.py", *args],
            cwd=REPO,
            env=self.env(DJANGO_SETTINGS_MODULE="hub.settings.production"),
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def shell(self, code: str) -> dict:
        """Run ``code`` in ``manage.py shell``; it prints one JSON object, returned."""
        result = self.manage("shell", "--verbosity", "0", "-c", code)
        if result.returncode:
            raise RuntimeError(f"manage.py shell failed:\n{result.stderr[-3000:]}")
        return json.loads(result.stdout.strip().splitlines()[-1])

    def _prepare_facts(self) -> dict:
        """Where the demo's pages are, and an authenticator app for the coordinator (its
        key kept here, so the coordinator signs in with real codes)."""
        key = secrets.token_hex(20)
        facts = self.shell(PREPARE.replace("@KEY@", key).replace("@COORDINATOR@", COORDINATOR))
        facts["totp_key"] = key
        return facts

    def enqueue_index_update(self, page_id: int) -> str:
        """Queue modelsearch's index update of one page for the worker; the task's id."""
        return self.shell(ENQUEUE.replace("@PK@", str(int(page_id))))["id"]

    def task_status(self, task_id: str) -> tuple[str | None, list]:
        """(status, worker ids) of a task result, read from the database directly."""
        table = self.facts["task_table"]
        with self.postgres.connect(autocommit=True) as connection:
            row = connection.execute(
                f'SELECT status, worker_ids FROM "{table}" WHERE id = %s',  # noqa: S608 - its own name
                [task_id],
            ).fetchone()
        return (row[0], row[1]) if row else (None, [])


# Run in the production settings once the stack serves: the pages the clients request
# and a confirmed TOTP device for the coordinator.
PREPARE = """
import json
from django_otp.plugins.otp_totp.models import TOTPDevice
from django.contrib.auth import get_user_model
from countries.models import CountryPage
from practices.models import PracticeIndexPage, PracticePage
from django_tasks_db.models import DBTaskResult
from search.backends.postgres.models import IndexedDocument
user = get_user_model().objects.get(username="@COORDINATOR@")
TOTPDevice.objects.filter(user=user).delete()
TOTPDevice.objects.create(user=user, name="fault suite", key="@KEY@", confirmed=True)
finland = CountryPage.objects.get(country__code="FI")
practice = PracticePage.objects.live().public().descendant_of(finland).order_by("pk").first()
print(json.dumps({
    "country": finland.url,
    "country_id": finland.pk,
    "library": PracticeIndexPage.objects.live().first().url,
    "practice": practice.url,
    "practice_id": practice.pk,
    "index_table": IndexedDocument._meta.db_table,
    "task_table": DBTaskResult._meta.db_table,
}))
"""

ENQUEUE = """
import json
from modelsearch.tasks import insert_or_update_object_task
result = insert_or_update_object_task.enqueue("practices", "practicepage", @PK@)
print(json.dumps({"id": str(result.id)}))
"""
