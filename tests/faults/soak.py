"""``python -m tests.faults.soak`` (``make soak``): the production configuration under a
steady load, on the fault suite's own services (tests/faults/harness.py).

For SOAK_SECONDS (600) SOAK_CLIENTS (8) clients go round every kind of page, a quarter of
them signed in as a member, each pausing SOAK_THINK seconds (0.3) between requests, while
the coordinator publishes a practice every SOAK_PUBLISH_EVERY seconds (4). Then it prints
the answers' status counts, p50/p95 per kind of page, how many publishes are live and found
by search, check_index's verdict, and the memory growth of each gunicorn worker and of the
django-tasks worker after a warm-up (SOAK_WARMUP, a fifth of the run up to 120 s: the first
renders fill each worker's caches, and on a busy machine a worker has not yet rendered
every kind of page in every language after one minute), in MB per 10,000 requests
(a web worker's share of the requests: all of them divided by the number of workers).
Every minute it prints each worker's resident memory and, in brackets, its anonymous part
(the heap; the rest is code and files read in), so a plateau can be seen. Memory figures of
a run much shorter than the default mostly measure that warm-up. It exits 1 when a
target of issue 28 is missed: an answer that is not 200, a publish lost, drift in the
index, or a worker growing by 5 MB or more per 10,000 requests.
"""

import os
import statistics
import sys
import time
from collections import Counter, defaultdict

from tests.faults.harness import Stack, anon_mb, rss_mb
from tests.faults.traffic import Coordinator, Load, is_live, seconds_until_found

GROWTH_LIMIT_MB = 5.0


def _setting(name: str, default: float) -> float:
    return float(os.environ.get(name, default))


def memory(stack) -> dict[str, tuple[int, float]]:
    """{role: (pid, RSS in MB)} of each gunicorn worker and of the tasks worker."""
    _master, web = stack.gunicorn()
    found = {f"web worker {n + 1}": (pid, rss_mb(pid)) for n, pid in enumerate(sorted(web))}
    for n, pid in enumerate(stack.worker_pids()):
        found[f"tasks worker {n + 1}" if n else "tasks worker"] = (pid, rss_mb(pid))
    return found


def percentile(values, p: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def main() -> int:
    seconds = _setting("SOAK_SECONDS", 600)
    clients = int(_setting("SOAK_CLIENTS", 8))
    members = max(1, clients // 4)
    warmup = _setting("SOAK_WARMUP", min(120.0, seconds / 5))
    failures = []
    print(f"Starting the stack (PostgreSQL, Redis, bin/serve-prod) for a {seconds:.0f} s soak…")
    with Stack() as stack:
        print(f"Serving on {stack.base_url}; {clients} clients, warm-up {warmup:.0f} s.")
        load = Load(stack, anonymous=clients - members, members=members,
                    think=_setting("SOAK_THINK", 0.3))  # fmt: skip
        coordinator = Coordinator(stack, interval=_setting("SOAK_PUBLISH_EVERY", 4))
        with load, coordinator:
            started = time.monotonic()
            time.sleep(warmup)
            before, requests_before = memory(stack), len(load.hits)
            while time.monotonic() - started < seconds:
                time.sleep(min(60.0, max(0.0, seconds - (time.monotonic() - started))))
                print(f"  {time.monotonic() - started:4.0f} s: {len(load.hits)} requests, "
                      f"{sum(p.ok for p in stack.published)} publishes; MB (anonymous) "
                      + " ".join(f"{rss_mb(pid):.1f} ({anon_mb(pid):.1f})"
                                 for pid, _mb in memory(stack).values()))  # fmt: skip
            after, requests_after = memory(stack), len(load.hits)
        hits = load.hits
        statuses = Counter(hit.status or hit.error for hit in hits)
        print(f"\n{len(hits)} requests: " + ", ".join(f"{k}: {v}" for k, v in statuses.items()))
        if set(statuses) != {200}:
            failures.append("answers other than 200")
        by_kind = defaultdict(list)
        for hit in hits:
            if hit.status == 200:
                by_kind[f"{hit.who} {hit.kind}"].append(hit.ms)
        for kind, times in sorted(by_kind.items()):
            print(f"  {kind:<20} n={len(times):<6} p50={percentile(times, 50):7.1f} ms "
                  f"p95={percentile(times, 95):7.1f} ms")  # fmt: skip
        failures += _publishes(stack)
        failures += _index(stack)
        failures += _growth(before, after, requests_after - requests_before)
    print("\nAll targets met." if not failures else "\nMissed: " + "; ".join(failures))
    return 1 if failures else 0


def _publishes(stack) -> list[str]:
    published = stack.published
    saved = [p for p in published if p.ok]
    live = [p for p in saved if is_live(stack.base_url, p)]
    found = [p for p in live if seconds_until_found(stack.base_url, p, 10) is not None]
    print(f"\nPublishes: {len(published)} tried, {len(saved)} saved, {len(live)} live, "
          f"{len(found)} found by search.")  # fmt: skip
    return [] if len(found) == len(published) else ["publishes lost"]


def _index(stack) -> list[str]:
    checked = stack.manage("check_index", "--deep")
    print(f"check_index (exit {checked.returncode}): {checked.stdout.strip()}")
    return ["drift in the search index"] if checked.returncode else []


def _growth(before, after, requests: int) -> list[str]:
    """Memory growth of each worker over the measured ``requests``, per 10,000."""
    print(f"\nMemory after the warm-up, over {requests} requests:")
    failures = []
    web = sum(1 for role in before if role.startswith("web"))
    now_by_pid = dict(after.values())
    for role, (pid, start) in before.items():
        now = now_by_pid.get(pid)
        if now is None:
            print(f"  {role} (pid {pid}): {start:.0f} MB, then replaced")
            continue
        share = requests / web if role.startswith("web") and web else requests
        per_10k = (now - start) / share * 10_000 if share else float("nan")
        print(f"  {role} (pid {pid}): {start:.0f} → {now:.0f} MB, "
              f"{per_10k:+.2f} MB per 10,000 requests")  # fmt: skip
        if per_10k >= GROWTH_LIMIT_MB:
            failures.append(f"{role} grows {per_10k:.1f} MB per 10,000 requests")
    return failures


if __name__ == "__main__":
    sys.exit(main())
