"""modelsearch's own backend test suite, run against one of the hub's search backends.

modelsearch (Wagtail's search layer) ships ``BackendTests``, the behaviour every search
backend is expected to have. ``python -m tests.conformance`` runs it on a small test app
of modelsearch's, under settings of its own (``settings``), never the hub's: a backend
must work without the hub around it. pytest does not collect it (no ``test_*`` module).
"""
