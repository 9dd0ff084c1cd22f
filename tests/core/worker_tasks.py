"""Tasks for the worker's tests (tests/core/test_worker.py): a task path must be importable."""

from django_tasks import task

#: What the tasks saw, in order, for the tests to read.
CALLS = []
#: Called at the start of ``record`` when set (a test's hook into a running task).
HOOK = {}


@task()
def record(value: str) -> str:
    if "during" in HOOK:
        HOOK["during"](value)
    CALLS.append(value)
    return value


@task()
def fail(message: str) -> None:
    CALLS.append(message)
    raise ValueError(message)
