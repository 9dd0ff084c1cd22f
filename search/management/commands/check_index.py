"""Compare the search index with the database, and repair it with --fix.

Finds objects missing from the index, documents whose object is gone, documents whose
view restrictions differ from the database (a privacy matter, always checked) and, with
--deep, documents whose content is stale. Exit status 1 when drift remains.
"""

from django.core.management.base import BaseCommand, CommandError
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_instance, get_indexed_models

from search.backends.errors import SearchIndexError
from search.management.commands._groups import models_by_index


class Command(BaseCommand):
    help = "Report drift between the database and the search index; --fix repairs it."

    def add_arguments(self, parser):
        parser.add_argument("--backend", default="default", help="WAGTAILSEARCH_BACKENDS entry.")
        parser.add_argument("--fix", action="store_true", help="Repair what is found.")
        parser.add_argument(
            "--deep", action="store_true", help="Also compare every document's content."
        )

    def handle(self, *args, backend, fix, deep, **options):
        search_backend = get_search_backend(backend)
        # A backend that keeps its own index says what each object's document should be.
        if not hasattr(search_backend, "expected_document"):
            self.stdout.write(f"Backend {backend!r} keeps no separate index: nothing to check.")
            return
        total_drift = 0
        for index, models in models_by_index(search_backend, get_indexed_models()).items():
            try:
                stored = index.stored_documents()
            except SearchIndexError as error:
                raise CommandError(str(error)) from error
            expected = {}
            for model in models:
                for pk in (
                    model.get_indexed_objects()
                    .values_list("pk", flat=True)
                    .iterator(chunk_size=2000)
                ):
                    key = str(pk)
                    # The most specific model wins (a page is indexed as its own type).
                    if key not in expected or issubclass(model, expected[key]):
                        expected[key] = model
            missing = sorted(set(expected) - set(stored))
            extra = sorted(set(stored) - set(expected))
            stale = self._stale(search_backend, expected, stored, deep)
            drift = len(missing) + len(extra) + len(stale)
            total_drift += drift
            self.stdout.write(
                f"{index.name}: {len(expected)} in database, {len(stored)} indexed; "
                f"missing {len(missing)}, extra {len(extra)}, stale {len(stale)}"
            )
            if fix and drift:
                self._repair(index, expected, missing + stale, extra)
                self.stdout.write(f"{index.name}: repaired {drift} document(s).")
        if total_drift and not fix:
            self.stderr.write(f"Drift found ({total_drift}); run check_index --fix to repair.")
            raise SystemExit(1)
        if not total_drift:
            self.stdout.write("The index matches the database.")

    def _objects(self, expected, keys):
        by_model = {}
        for key in keys:
            by_model.setdefault(expected[key], []).append(key)
        for model, pks in by_model.items():
            for start in range(0, len(pks), 500):
                for obj in model.get_indexed_objects().filter(pk__in=pks[start : start + 500]):
                    instance = get_indexed_instance(obj, check_exists=False)
                    if instance is not None:
                        yield instance

    def _stale(self, backend, expected, stored, deep):
        """Documents whose view tokens (always) or whole content (--deep) differ."""
        stale = []
        present = [key for key in expected if key in stored]
        for obj in self._objects(expected, present):
            document = backend.expected_document(obj)
            fields = stored[str(obj.pk)]
            if deep:
                differs = fields.get("m_sig") != document["m_sig"]
            else:
                view = (document.get("m_extras") or {}).get("view", [])
                differs = (fields.get("m_extras") or {}).get("view", []) != view
            if differs:
                stale.append(str(obj.pk))
        return stale

    def _repair(self, index, expected, to_write, to_delete):
        if to_delete:
            index.delete_pks(to_delete)
        objects = list(self._objects(expected, to_write))
        by_model = {}
        for obj in objects:
            by_model.setdefault(type(obj), []).append(obj)
        for model, items in by_model.items():
            for start in range(0, len(items), 500):
                index.add_items(model, items[start : start + 500])
