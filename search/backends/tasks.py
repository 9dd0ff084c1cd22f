"""Index writes that the Whoosh backend hands to the task worker (QUEUE_WRITES).

modelsearch already queues every save (``insert_or_update_object_task``); these cover
deletes and retries, so that in production one worker is the only writer.
"""

import logging

from django.apps import apps
from django_tasks import task

logger = logging.getLogger("search.whoosh")


def _whoosh_backends():
    from modelsearch.backends import get_search_backends

    from .whoosh import WhooshSearchBackend

    return [
        b for b in get_search_backends(with_auto_update=True) if isinstance(b, WhooshSearchBackend)
    ]


@task()
def delete_from_index(label: str, pk: str) -> None:
    """Remove one object from every Whoosh index (it is gone from the database)."""
    model = apps.get_model(label)
    for backend in _whoosh_backends():
        backend.get_index_for_model(model).delete_pks([pk])


@task()
def reindex_object(label: str, pk: str, attempt: int = 1) -> None:
    """Write one object again after a failed attempt; deleted objects are removed."""
    model = apps.get_model(label)
    obj = model._default_manager.filter(pk=pk).first()
    for backend in _whoosh_backends():
        index = backend.get_index_for_model(model)
        if obj is None:
            index.delete_pks([pk])
            continue
        instance = obj.get_indexed_instance() if hasattr(obj, "get_indexed_instance") else obj
        if instance is None:
            continue
        backend.write_with_retry(lambda i=index, o=instance: i.add_item(o), instance, attempt)
