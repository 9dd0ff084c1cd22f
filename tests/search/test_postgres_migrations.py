"""The PostgreSQL backend's migrations where it is not the database's own (any engine):
what touches other apps' tables is done on PostgreSQL only, and depends on Wagtail only
when Wagtail is installed (modelsearch's conformance suite migrates without it)."""

import importlib
import sys
from unittest import mock

from django.apps import apps

NAME = "search.backends.postgres.migrations.0004_live_page_paths"


class RecordingEditor:
    """A schema editor of some other database that records what it is asked to run."""

    def __init__(self, vendor):
        self.connection = mock.Mock(vendor=vendor)
        self.executed = []

    def execute(self, sql, params=()):
        self.executed.append(sql)


def test_the_live_page_path_index_is_made_on_postgresql_only():
    migration = importlib.import_module(NAME)
    for sql in (migration.CREATE, migration.DROP):
        elsewhere = RecordingEditor("sqlite")
        migration._on_postgresql(sql)(apps, elsewhere)
        assert elsewhere.executed == []
        on_postgresql = RecordingEditor("postgresql")
        migration._on_postgresql(sql)(apps, on_postgresql)
        assert on_postgresql.executed == [sql]
    # Guarded in the statement too: a database without Wagtail's page table.
    assert "to_regclass('wagtailcore_page') IS NOT NULL" in migration.CREATE


def test_the_live_page_path_index_depends_on_wagtail_only_when_installed():
    assert ("wagtailcore", "0001_initial") in importlib.import_module(NAME).Migration.dependencies
    saved = sys.modules.pop(NAME)
    try:
        with mock.patch.object(apps, "is_installed", return_value=False):
            without = importlib.import_module(NAME)
        assert without.Migration.dependencies == [("search_postgres", "0003_search_speed")]
    finally:
        sys.modules[NAME] = saved
        setattr(sys.modules[NAME.rpartition(".")[0]], NAME.rpartition(".")[2], saved)
