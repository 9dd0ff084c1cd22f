"""Keeping the index's view tokens true: when a restriction changes, the pages or files
under it are re-indexed.

Every page and file is indexed with the tokens of the view restrictions on it or its
ancestors (``countries.permissions.page_view_tokens``); a search drops, inside the engine,
every document carrying a token the user fails (``countries.permissions.failed_tokens``).
The database stays the authority: hits are checked again before anything is shown.
"""

from __future__ import annotations

import logging

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction

logger = logging.getLogger("hub.search")


def reindex_subtree(page_path: str) -> None:
    """Re-index a page and its descendants (their view tokens changed).

    Goes through modelsearch's indexing task, like any save: inline with the immediate
    task backend (so the index never lags the transaction that changed the restriction),
    queued for the worker in production.
    """
    from modelsearch.tasks import insert_or_update_object_task

    pages = Page.objects.filter(path__startswith=page_path).values_list(
        "pk", "content_type__app_label", "content_type__model"
    )
    for pk, app_label, model in pages.iterator():
        insert_or_update_object_task.enqueue(app_label, model, str(pk))


def _restriction_changed(instance: PageViewRestriction, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    try:
        path = instance.page.path
    except Page.DoesNotExist:
        return  # the page itself is being deleted; its documents go with it
    reindex_subtree(path)


def _groups_changed(instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        _restriction_changed(instance)


def reindex_collection(collection) -> None:
    """Re-index the documents of a collection and its descendants."""
    from modelsearch.tasks import insert_or_update_object_task
    from wagtail.documents import get_document_model

    model = get_document_model()
    collections = collection.get_descendants(inclusive=True)
    for pk in model.objects.filter(collection__in=collections).values_list("pk", flat=True):
        insert_or_update_object_task.enqueue(model._meta.app_label, model._meta.model_name, str(pk))


def _collection_restriction_changed(instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    from wagtail.models import Collection

    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is not None:
        reindex_collection(collection)


def _collection_groups_changed(instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        _collection_restriction_changed(instance)


def _page_moved(instance, **kwargs) -> None:
    path = Page.objects.filter(pk=instance.pk).values_list("path", flat=True).first()
    if path:
        reindex_subtree(path)


def _group_deleted(instance, **kwargs) -> None:
    """A deleted group leaves the restrictions that named it with another token: the
    pages and files under them are indexed again once the deletion commits (until then
    their old token is still the database's)."""
    from django.db import transaction
    from wagtail.models import CollectionViewRestriction

    paths = list(
        PageViewRestriction.objects.filter(groups=instance).values_list("page__path", flat=True)
    )
    collections = list(
        CollectionViewRestriction.objects.filter(groups=instance).select_related("collection")
    )

    def reindex():
        for path in paths:
            reindex_subtree(path)
        for restriction in collections:
            reindex_collection(restriction.collection)

    transaction.on_commit(reindex)


def connect_signals() -> None:
    from wagtail.signals import post_page_move

    post_save.connect(_restriction_changed, sender=PageViewRestriction)
    post_delete.connect(_restriction_changed, sender=PageViewRestriction)
    m2m_changed.connect(_groups_changed, sender=PageViewRestriction.groups.through)
    post_page_move.connect(_page_moved)

    from django.contrib.auth.models import Group
    from django.db.models.signals import pre_delete

    pre_delete.connect(_group_deleted, sender=Group, dispatch_uid="search-group-deleted")

    from wagtail.models import CollectionViewRestriction

    post_save.connect(_collection_restriction_changed, sender=CollectionViewRestriction)
    post_delete.connect(_collection_restriction_changed, sender=CollectionViewRestriction)
    m2m_changed.connect(_collection_groups_changed, sender=CollectionViewRestriction.groups.through)
