"""Index writes that the Whoosh backend hands to the task worker (QUEUE_WRITES).

modelsearch already queues every save (``insert_or_update_object_task``); these cover
deletes and retries, so that in production one worker is the only writer. The backend
imports this module, never the reverse: a task finds the Whoosh indexes of an object's
model through modelsearch's backends, by the class of their index.
"""

from django.apps import apps
from django_tasks import task
from modelsearch.backends import get_search_backends

from .writing import WhooshIndex


def _whoosh_indexes(model):
    """(backend, index) of every auto-updated Whoosh backend, for objects of ``model``."""
    for backend in get_search_backends(with_auto_update=True):
        index = backend.get_index_for_model(model)
        if isinstance(index, WhooshIndex):
            yield backend, index


@task()
def delete_from_index(label: str, pk: str) -> None:
    """Remove one object from every Whoosh index (it is gone from the database)."""
    for _backend, index in _whoosh_indexes(apps.get_model(label)):
        index.delete_pks([pk])


@task()
def reindex_object(label: str, pk: str, attempt: int = 1) -> None:
    """Write one object again after a failed attempt; deleted objects are removed."""
    model = apps.get_model(label)
    obj = model._default_manager.filter(pk=pk).first()
    for backend, index in _whoosh_indexes(model):
        if obj is None:
            index.delete_pks([pk])
            continue
        instance = obj.get_indexed_instance() if hasattr(obj, "get_indexed_instance") else obj
        if instance is None:
            continue
        backend.write_with_retry(lambda i=index, o=instance: i.add_item(o), instance, attempt)
