"""Run modelsearch's backend suite against a search backend.

    python -m tests.conformance                                # the hub's own backend
    python -m tests.conformance modelsearch.backends.database  # the baseline
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test python -m tests.conformance

The last line printed is "N passed, N failed, N skipped", a test with failing subtests
counting once. The exit status is 1 when any test fails or errs, and when none passed
(a suite that could not start, or ran nothing, proves nothing).
"""

import argparse
import os
import shutil
import sys
import traceback
import unittest

DEFAULT_BACKEND = "search.backends.whoosh"
SUITE = "tests.conformance.suite"


class OutcomeResult(unittest.TextTestResult):
    """A text result that also keeps each test's outcome: passed, failed or skipped."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcomes = {}

    def _note(self, test, outcome):
        test = getattr(test, "test_case", test)  # a subtest counts as its test
        if self.outcomes.get(test.id()) != "failed":
            self.outcomes[test.id()] = outcome

    def addSuccess(self, test):
        super().addSuccess(test)
        self._note(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._note(test, "failed")

    def addError(self, test, err):
        super().addError(test, err)
        self._note(test, "failed")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self._note(test, "failed")

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._note(test, "skipped")

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._note(test, "passed")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._note(test, "failed")


def run(backend, verbosity):
    """Run the suite against ``backend``; returns {outcome: number of tests}."""
    os.environ["CONFORMANCE_BACKEND"] = backend
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.conformance.settings"
    import django
    from django.conf import settings
    from django.test.runner import DiscoverRunner

    django.setup()
    results = []

    class Runner(DiscoverRunner):
        def get_resultclass(self):
            return OutcomeResult

        def suite_result(self, suite, result, **kwargs):
            results.append(result)
            return super().suite_result(suite, result, **kwargs)

    try:
        Runner(verbosity=verbosity, interactive=False).run_tests([SUITE])
    finally:
        index = settings.MODELSEARCH_BACKENDS["default"].get("PATH")
        if index:
            shutil.rmtree(index, ignore_errors=True)
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    for outcome in results[0].outcomes.values() if results else ():
        counts[outcome] += 1
    return counts


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m tests.conformance",
        description="Run modelsearch's backend test suite against a search backend.",
    )
    parser.add_argument(
        "backend",
        nargs="?",
        default=DEFAULT_BACKEND,
        help=f"dotted path of the backend module (default: {DEFAULT_BACKEND})",
    )
    parser.add_argument("-v", "--verbosity", type=int, choices=[0, 1, 2, 3], default=1)
    args = parser.parse_args(argv)
    try:
        counts = run(args.backend, args.verbosity)
    except Exception:  # noqa: BLE001 - no database, a backend that does not import: say so
        traceback.print_exc()
        counts = {"passed": 0, "failed": 0, "skipped": 0}
    print(f"{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    return 1 if counts["failed"] or not counts["passed"] else 0


if __name__ == "__main__":
    sys.exit(main())
