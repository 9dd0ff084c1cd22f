"""The conformance suite: modelsearch's ``BackendTests``, pointed at the backend under test."""

from django.conf import settings
from django.test import TestCase
from modelsearch.tests.test_backends import BackendTests


class BackendConformanceTests(BackendTests, TestCase):
    backend_path = settings.MODELSEARCH_BACKENDS["default"]["BACKEND"]
    # "search" is modelsearch's own fixture; "search_additions" adds what it lacks.
    fixtures = ["search", "search_additions"]
