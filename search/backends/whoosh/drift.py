"""``check_index``'s reader of a Whoosh index (``search.backends.drift``).

A document stores its key (``m_pk``), its EXTRAS tokens (``m_extras``) and a signature of
its whole content (``m_sig``); those are compared with what ``documents`` builds now. The
model a document was written as is not stored: it is read from the ``m_ct`` postings of
the chunk's documents, the most specific content type winning.
"""

from __future__ import annotations

from whoosh import index as windex

from ..drift import EngineDrift, Entry, shallow_extras
from ..errors import SearchIndexError
from ..objects import content_types
from .documents import extra_tokens
from .writing import INDEX_NAME, _open_index


class WhooshDrift(EngineDrift):
    """The Whoosh index read for drift: stored fields by key, signatures for --deep."""

    def check(self, model, objects, deep):
        keys = [str(obj.pk) for obj in objects]

        def stored(searcher):
            found = {}
            for key in keys:
                docnum = searcher.document_number(m_pk=key)
                if docnum is not None:
                    found[key] = searcher.stored_fields(docnum)
            return found

        held = self.index.read(stored)
        missing = [key for key in keys if key not in held]
        present = [obj for obj in objects if str(obj.pk) in held]
        if deep:
            expected = self.index.documents(present)
            stale = [
                doc["m_pk"] for doc in expected if held[doc["m_pk"]].get("m_sig") != doc["m_sig"]
            ]
        else:
            names = self.index.spec.extra_fields
            given = shallow_extras(self.index.backend.extras_hook, present)
            stale = [
                str(obj.pk)
                for obj, extras in zip(present, given, strict=True)
                if _differs(held[str(obj.pk)].get("m_extras") or {}, extras, names)
            ]
        return missing, stale

    def entries(self, size):
        directory = self.index.current_directory()
        if not directory or not windex.exists_in(directory, indexname=INDEX_NAME):
            raise SearchIndexError(
                f"The search index {self.index.name!r} has not been built. "
                "Run `manage.py update_index` to build it."
            )
        # A searcher of its own: one view of the index while repairs write to it.
        with _open_index(directory).searcher() as searcher:
            reader = searcher.reader()
            chunk = []
            for docnum in reader.all_doc_ids():
                chunk.append(docnum)
                if len(chunk) == size:
                    yield self._entries(reader, chunk)
                    chunk = []
            if chunk:
                yield self._entries(reader, chunk)

    def _entries(self, reader, docnums):
        models = self._models_of(reader, docnums)
        return [
            Entry(key, key, models.get(docnum))
            for docnum in docnums
            for key in [reader.stored_fields(docnum)["m_pk"]]
        ]

    def _models_of(self, reader, docnums):
        """{docnum: model} for ``docnums`` (ascending): the most specific member model
        whose content type the document carries."""
        found = {}
        # Least specific first: a more specific label overwrites its parents'.
        for model in sorted(self.index.spec.models, key=lambda m: len(content_types(m))):
            label = model.indexed_get_content_type()
            if ("m_ct", label) not in reader:
                continue
            matcher = reader.postings("m_ct", label)
            for docnum in docnums:
                if not matcher.is_active():
                    break
                if matcher.id() < docnum:
                    matcher.skip_to(docnum)
                if matcher.is_active() and matcher.id() == docnum:
                    found[docnum] = model
        return found

    def write(self, model, objects):
        self.index.add_items(model, objects)

    def delete(self, handles):
        self.index.delete_pks(handles)


def _differs(stored, given, names):
    """Whether the stored EXTRAS differ from ``given`` in any name ``given`` has."""
    return any(
        stored.get(name, []) != extra_tokens(values)
        for name, values in given.items()
        if name in names
    )
