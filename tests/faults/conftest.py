"""The fault suite (``make test-faults``): one production stack for the session, on
services of its own (tests/faults/harness.py), faulted test by test in file order."""

import pytest

from tests.faults.harness import Stack

#: gunicorn workers: enough that one can be killed while the others serve.
WEB_WORKERS = 3


def pytest_collection_modifyitems(items):
    for item in items:
        if "/faults/" in str(item.fspath):
            item.add_marker(pytest.mark.faults)


@pytest.fixture(scope="session")
def stack():
    with Stack(web_workers=WEB_WORKERS) as running:
        yield running


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed fault test shows the end of the stack's log (gunicorn, the worker)."""
    outcome = yield
    report = outcome.get_result()
    running = item.funcargs.get("stack") if hasattr(item, "funcargs") else None
    if report.failed and running is not None:
        report.sections.append(("bin/serve-prod log (end)", running.log_tail(80)))
