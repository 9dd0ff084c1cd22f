"""The production configuration keeps serving through faults (issue 28).

One stack for the module (tests/faults/conftest.py), on its own PostgreSQL cluster and
Redis; each test runs background clients over every kind of page (anonymous and a signed-in
member) and a coordinator publishing a practice every few seconds through the admin, injects
one fault, and judges every answer. A test lists every broken promise it saw before failing,
so one run says all that is wrong. The tests run in file order; the last checks that nothing
published along the way was lost.

Targets: no 5xx but 503 (with Retry-After) during a database outage, and none at all
otherwise; recovery within 5 s of a service's return without restarting anything; the worker
survives a database outage, is restarted when killed, and takes up what it was killed in;
/healthz says what is wrong (a degraded cache, a failing database, a stalled worker within
30 s); check_index finds the index whole.
"""

import json
import os
import signal
import threading
import time
from collections import Counter
from contextlib import contextmanager

import pytest

from tests.faults.harness import MEMBER
from tests.faults.traffic import (
    SIGNED_IN_MARK,
    Browser,
    Coordinator,
    Load,
    is_live,
    pages,
    seconds_until_found,
    sign_in,
)

pytestmark = pytest.mark.faults

#: How long each outage lasts, in seconds.
OUTAGE = 10.0
#: Every page must answer again (and the cache be used again) this soon after a service is
#: back.
RECOVERY = 5.0
#: A practice published must be found by search this soon.
FOUND_WITHIN = 10.0
#: /healthz must report a stalled or dead worker this soon.
WORKER_REPORTED_WITHIN = 30.0
#: What the suite's own polling (a check every fraction of a second, each a request) may
#: add to a measured time.
SLACK = 1.0
#: How long a task stranded by a killed worker may stay claimed: its lease, and the worker's
#: time to notice that it ran out.
LEASE_WAIT = float(os.environ.get("FAULTS_LEASE_WAIT", "120"))


@contextmanager
def traffic(stack, **load):
    """Background clients and the coordinator, for the duration of the block."""
    with Load(stack, **load) as clients, Coordinator(stack) as coordinator:
        time.sleep(2)  # every client under way, the pages in the cache
        yield clients, coordinator


def seconds_until(condition, wait: float, every: float = 0.25) -> float | None:
    """Seconds until ``condition()`` is true, None if it is not within ``wait``."""
    started = time.monotonic()
    while True:
        if condition():
            return time.monotonic() - started
        if time.monotonic() - started > wait:
            return None
        time.sleep(every)


def watch(seconds: float, probe, every: float = 0.5) -> list:
    """``probe()``'s answers, every ``every`` seconds for ``seconds``."""
    answers = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        answers.append(probe())
        time.sleep(every)
    return answers


def health(stack) -> tuple[int, dict]:
    answer = Browser(stack.base_url, timeout=10).get("/healthz")
    try:
        return answer.status, json.loads(answer.body)
    except ValueError:
        return answer.status, {}


def cache_degraded(stack) -> bool:
    """/healthz names the cache as degraded (and still answers: pages are served)."""
    status, report = health(stack)
    check = report.get("checks", {}).get("cache")
    return status == 200 and bool(check) and (check.get("ok") is False or check.get("degraded"))


def tasks_failing(stack) -> bool:
    status, report = health(stack)
    check = report.get("checks", {}).get("tasks", {})
    return status == 503 and check.get("ok") is False


def summary(hits) -> str:
    counts = Counter(f"{hit.who} {hit.kind} {hit.status or hit.error}" for hit in hits)
    return ", ".join(f"{key} x{count}" for key, count in sorted(counts.items()))


def cache_serves(stack, probe: list) -> bool:
    """A page an anonymous visitor asked for is served from the cache when asked again
    (a new URL each time: nothing cached before counts)."""
    probe.append(None)
    path = f"/?probe={len(probe)}"
    first = Browser(stack.base_url).get(path)
    again = [Browser(stack.base_url).get(path) for _ in range(3)]
    return first.status == 200 and any(
        answer.headers.get("x-page-cache") == "hit" for answer in again
    )


def report(problems: list[str]) -> None:
    assert not problems, "\n".join(["", *problems])


def test_redis_down(stack):
    """Redis stopped (its data lost): pages and publishing go on without it, /healthz says
    the cache is degraded, and the cache is used again soon after Redis is back."""
    problems = []
    with traffic(stack) as (clients, coordinator):
        down = time.monotonic()
        stack.redis.stop()
        degraded = watch(OUTAGE, lambda: cache_degraded(stack))
        stack.redis.start()
        up = time.monotonic()
        probes = []
        in_use = seconds_until(
            lambda: cache_serves(stack, probes) and not cache_degraded(stack), 3 * RECOVERY
        )
        time.sleep(2)
    hits = clients.between(down)
    failed = [hit for hit in hits if hit.status >= 500 or hit.status == 0]
    if failed:
        problems.append(
            f"{len(failed)} of {len(hits)} requests failed during or after the outage: "
            f"{summary(failed)}"
        )
    during = [p for p in coordinator.published if down <= p.started < up]
    if not during:
        problems.append("the coordinator published nothing while Redis was down")
    for publish in during:
        if not publish.ok:
            problems.append(
                f"publishing while Redis was down failed: {publish.status} {publish.error}"
            )
    if not any(degraded):
        problems.append("/healthz never reported the cache as degraded while Redis was down")
    if in_use is None or in_use > RECOVERY + SLACK:
        problems.append(
            f"the cache was not used again within {RECOVERY:.0f} s of Redis's return "
            f"({'not at all' if in_use is None else f'{in_use:.1f} s'})"
        )
    report(problems)


def test_redis_paused_never_serves_what_was_withdrawn(stack):
    """Redis hangs (SIGSTOP: it keeps its data) while one public practice is restricted to
    members and another unpublished: the change is saved meanwhile, and once Redis answers
    again no anonymous visitor is ever given either from the cache."""
    problems = []
    with traffic(stack) as (clients, coordinator):
        with coordinator.lock:
            restricted, withdrawn = coordinator.publish(), coordinator.publish()
        assert restricted.ok and withdrawn.ok, (restricted.error, withdrawn.error)
        for publish in (restricted, withdrawn):
            assert seconds_until_found(stack.base_url, publish, FOUND_WITHIN) is not None
            coordinator.page_id(publish)
        cached = _cache_for_anonymous(stack, restricted, withdrawn)
        assert cached, "nothing was served from the cache before the pause"

        changes = {}

        def change():
            with coordinator.lock:
                changes["restricted"] = coordinator.change_audience(restricted, "members")
                changes["withdrawn"] = coordinator.unpublish(withdrawn)

        paused = time.monotonic()
        stack.redis.pause()
        try:
            changing = threading.Thread(target=change, daemon=True)
            changing.start()
            changing.join(OUTAGE)
            saved_during_pause = not changing.is_alive()
            time.sleep(max(0.0, OUTAGE - (time.monotonic() - paused)))
        finally:
            stack.redis.resume()
        changing.join(60)
        leaks = _leaks(stack, cached, watch_for=8.0)
    for name, answer in changes.items():
        if not coordinator._saved(answer):
            problems.append(f"the {name} practice's change was not saved: {answer.status}")
    if not saved_during_pause:
        problems.append(
            f"the changes were not saved within {OUTAGE:.0f} s while Redis hung: "
            "publishing waited for the cache"
        )
    if leaks:
        problems.append("anonymous visitors were given withdrawn content after Redis's return:")
        problems += [f"  {leak}" for leak in leaks]
    failed = [hit for hit in clients.between(paused) if hit.status >= 500 or hit.status == 0]
    if failed:
        problems.append(f"{len(failed)} requests failed while Redis hung: {summary(failed)}")
    report(problems)


def _cache_for_anonymous(stack, *publishes) -> dict[str, tuple[str, str]]:
    """Have anonymous visitors' pages cached: each practice, the search for its word, and
    the library and the home page when they list it: {label: (path, title)} of each
    page cached with a title on it."""
    facts = stack.facts
    cached = {}
    for publish in publishes:
        for path in (publish.url, f"/search/?q={publish.word}", facts["library"], "/"):
            answers = [Browser(stack.base_url).get(path) for _ in range(2)]
            if (
                answers[-1].headers.get("x-page-cache") == "hit"
                and publish.title in answers[-1].body
            ):
                cached[f"{path} ({publish.title})"] = (path, publish.title)
    return cached


def _leaks(stack, cached, watch_for: float) -> list[str]:
    """For ``watch_for`` seconds, anonymous visitors ask for every cached page over and over
    (every web worker answers some): each answer that still shows a withdrawn title."""
    leaks = []
    started = time.monotonic()
    while time.monotonic() - started < watch_for:
        for label, (path, title) in cached.items():
            answer = Browser(stack.base_url).get(path)
            if answer.status == 200 and title in answer.body:
                leaks.append(
                    f"{label} at +{time.monotonic() - started:.1f} s "
                    f"(X-Page-Cache: {answer.headers.get('x-page-cache', '-')})"
                )
        time.sleep(0.1)
    return leaks


def test_database_down(stack):
    """PostgreSQL stopped: anonymous pages from the cache (200), everything else 503 with
    Retry-After; /healthz 503. Once it is back every page answers within 5 s, the same
    worker takes up new index updates, and a new practice is found by search."""
    problems = []
    with traffic(stack) as (clients, coordinator):
        member = Browser(stack.base_url)
        assert sign_in(member, MEMBER), "the member could not sign in"
        workers = stack.worker_pids()
        down = time.monotonic()
        stack.postgres.stop("fast")
        try:
            statuses = watch(OUTAGE, lambda: health(stack)[0])
        finally:
            stack.postgres.start()
        up = time.monotonic()
        recovery = _recovery(stack, member)
        with coordinator.lock:
            after = coordinator.publish()
        found = seconds_until_found(stack.base_url, after, FOUND_WITHIN) if after.ok else None
        time.sleep(1)
        workers_after = stack.worker_pids()
    hits = clients.between(down)
    wrong = [hit for hit in hits if hit.status not in (200, 503)]
    if wrong:
        problems.append(
            f"{len(wrong)} of {len(hits)} answers neither 200 nor 503: {summary(wrong)}"
        )
    # /healthz's 503 is a report for monitors, not a page asking a visitor to come back.
    bare = [
        hit for hit in hits if hit.status == 503 and not hit.retry_after and hit.kind != "healthz"
    ]
    if bare:
        problems.append(f"{len(bare)} answers 503 without Retry-After: {summary(bare)}")
    if 503 not in statuses:
        problems.append(f"/healthz never answered 503 while the database was down: {statuses}")
    slow = {kind: seconds for kind, seconds in recovery.items() if seconds is None}
    slow |= {kind: s for kind, s in recovery.items() if s is not None and s > RECOVERY + SLACK}
    if slow:
        problems.append(
            f"not answering 200 within {RECOVERY:.0f} s of the database's return: "
            + ", ".join(f"{k} ({'never' if s is None else f'{s:.1f} s'})" for k, s in slow.items())
        )
    if not workers or workers_after != workers:
        problems.append(
            f"the worker did not survive the outage: before {workers}, after {workers_after}"
        )
    if not after.ok:
        problems.append(f"publishing after the return failed: {after.status} {after.error}")
    elif found is None:
        problems.append(
            f"a practice published after the return was not found by search within "
            f"{FOUND_WITHIN:.0f} s"
        )
    if up - down > OUTAGE + 15:
        problems.append(f"the outage lasted {up - down:.0f} s: the suite's clock is off")
    report(problems)


def _recovery(stack, member: Browser) -> dict[str, float | None]:
    """Seconds until each kind of page answers 200 again, anonymous (a URL never cached)
    and signed in; None when not within three times RECOVERY."""
    started = time.monotonic()
    waiting = {
        (who, kind): path
        for kind, path in pages(stack.facts).items()
        for who in ("anonymous", "member")
    }
    recovered = {}
    attempt = 0
    while waiting and time.monotonic() - started < 3 * RECOVERY:
        attempt += 1
        for (who, kind), path in list(waiting.items()):
            separator = "&" if "?" in path else "?"
            if who == "anonymous":
                answer = Browser(stack.base_url).get(f"{path}{separator}recovery={attempt}")
            else:
                answer = member.get(path)
            signed_in = who == "anonymous" or kind == "healthz" or SIGNED_IN_MARK in answer.body
            if answer.status == 200 and signed_in:
                recovered[f"{who} {kind}"] = time.monotonic() - started
                del waiting[(who, kind)]
        time.sleep(0.2)
    recovered.update({f"{who} {kind}": None for who, kind in waiting})
    return recovered


def test_stalled_worker_is_reported(stack):
    """The worker stops (SIGSTOP: alive, doing nothing): /healthz fails within 30 s, and
    is fine again once it runs."""
    problems = []
    with traffic(stack):
        workers = stack.worker_pids()
        assert len(workers) == 1, f"expected one worker, found {workers}"
        os.kill(workers[0], signal.SIGSTOP)
        try:
            reported = seconds_until(lambda: tasks_failing(stack), WORKER_REPORTED_WITHIN + 5, 0.5)
        finally:
            os.kill(workers[0], signal.SIGCONT)
        cleared = seconds_until(lambda: health(stack)[0] == 200, 60, 1)
    if reported is None or reported > WORKER_REPORTED_WITHIN + SLACK:
        problems.append(
            f"/healthz did not report the stalled worker within {WORKER_REPORTED_WITHIN:.0f} s"
        )
    if cleared is None:
        problems.append("/healthz still failed a minute after the worker ran again")
    report(problems)


def test_worker_killed_mid_task(stack):
    """The worker is killed (SIGKILL) while it runs a task: it is started again, and the
    task it held is taken up again once its lease has run out."""
    problems = []
    with traffic(stack):
        workers = stack.worker_pids()
        assert len(workers) == 1, f"expected one worker, found {workers}"
        practice = str(stack.facts["practice_id"])
        table = stack.facts["index_table"]
        # Holding the practice's index row makes its update wait: the task stays RUNNING
        # for as long as the suite needs to kill its worker.
        with stack.postgres.connect() as holder:
            holder.execute(f'SELECT 1 FROM "{table}" WHERE object_id = %s FOR UPDATE', [practice])  # noqa: S608 - the table's own name
            task = stack.enqueue_index_update(int(practice))
            running = seconds_until(lambda: stack.task_status(task)[0] == "RUNNING", 30)
            if running is not None:
                os.kill(workers[0], signal.SIGKILL)
            holder.rollback()
        assert running is not None, f"the worker never started the task: {stack.task_status(task)}"
        restarted = seconds_until(lambda: set(stack.worker_pids()) - set(workers), 15)
        taken_up = None
        if restarted is None:
            problems.append("nothing started the worker again after it was killed")
        else:
            taken_up = seconds_until(
                lambda: stack.task_status(task)[0] == "SUCCESSFUL", LEASE_WAIT, 1
            )
        if restarted is not None and taken_up is None:
            status, worker_ids = stack.task_status(task)
            problems.append(
                f"the task the killed worker held is still {status} after {LEASE_WAIT:.0f} s "
                f"(workers {worker_ids}): it was never taken up again"
            )
    report(problems)


def test_web_worker_killed(stack):
    """A gunicorn worker is killed (SIGKILL): it is replaced at once, and the site goes on
    (only what that worker was answering is lost)."""
    problems = []
    with traffic(stack) as (clients, _coordinator):
        master, workers = stack.gunicorn()
        assert master and workers, "gunicorn is not running"
        victim = workers[0]
        killed = time.monotonic()
        os.kill(victim, signal.SIGKILL)

        def replaced():
            now = stack.gunicorn()[1]
            return victim not in now and len(now) >= len(workers)

        replaced_in = seconds_until(replaced, 3 * RECOVERY)
        time.sleep(3)
    hits = clients.between(killed)
    failed = [hit for hit in hits if hit.status >= 500]
    dropped = [hit for hit in hits if hit.status == 0]
    if failed:
        problems.append(f"{len(failed)} answers 5xx after the kill: {summary(failed)}")
    if len(dropped) > 2:  # a sync worker holds one request; allow a second in its backlog
        problems.append(f"{len(dropped)} requests dropped after the kill: {summary(dropped)}")
    if replaced_in is None or replaced_in > RECOVERY + SLACK:
        problems.append(f"the killed worker was not replaced within {RECOVERY:.0f} s")
    report(problems)


def test_nothing_was_lost(stack):
    """After every fault: each practice published is live and found by search (those
    withdrawn on purpose are neither), and check_index finds the index whole."""
    problems = []
    published = [p for p in stack.published if p.ok]
    assert published, "the suite published nothing"
    for publish in published:
        if publish.public:
            if not is_live(stack.base_url, publish):
                problems.append(f"{publish.title} is not live")
            if seconds_until_found(stack.base_url, publish, FOUND_WITHIN) is None:
                problems.append(f"{publish.title} is not found by search")
        elif is_live(stack.base_url, publish):
            problems.append(f"{publish.title} was withdrawn but anonymous visitors read it")
    checked = stack.manage("check_index", "--deep")
    output = checked.stdout + checked.stderr
    if checked.returncode:
        problems.append(f"check_index exited {checked.returncode}:\n{output[-2000:]}")
    elif "nothing to check" in output:
        problems.append(f"check_index did not check the PostgreSQL backend: {output.strip()}")
    report(problems)
