"""What the search index needs to know about who may see a page.

Every page is indexed with one token per view restriction on it or its ancestors, naming
what the restriction requires: ``login``, ``password`` or ``groups:<ids>``. A search then
drops, inside the engine, every document carrying a token the user fails. The database
stays the authority: hits are checked again with ``countries.permissions`` before anything
is shown. When a restriction changes, the pages under it are re-indexed.
"""

from __future__ import annotations

import logging

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from countries.permissions import _group_ids, _user_of, ancestor_paths

from . import generations

logger = logging.getLogger("hub.search")

LOGIN = "login"
PASSWORD = "password"  # noqa: S105 - a token name, not a secret
_GENERATION = "view-tokens"


def restriction_token(restriction: PageViewRestriction) -> str:
    """The token naming what one restriction requires."""
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        return _token(restriction.restriction_type, [g.pk for g in restriction.groups.all()])
    return _token(restriction.restriction_type, ())


def _token(restriction_type: str, group_ids) -> str:
    if restriction_type == BaseViewRestriction.LOGIN:
        return LOGIN
    if restriction_type == BaseViewRestriction.GROUPS:
        return "groups:" + ("-".join(str(i) for i in sorted(group_ids)) or "none")
    return PASSWORD


def page_view_tokens(page: Page) -> list[str]:
    """The tokens of every restriction on ``page`` and its ancestors.

    Args:
        page: any page (specific or not).

    Returns:
        Sorted, distinct tokens; empty for a page everyone may see.
    """
    restrictions = PageViewRestriction.objects.filter(
        page__path__in=ancestor_paths(page.path)
    ).prefetch_related("groups")
    return sorted({restriction_token(r) for r in restrictions})


def view_tokens_by_path() -> dict[str, set[str]]:
    """{restricted page path: tokens}: two queries, for indexing many pages at once.

    Reads plain values, not model instances: a rebuild calls this once per chunk of
    1,000 pages, and with a few thousand restricted pages building their Page objects
    cost about a second each time.
    """
    groups: dict[int, list[int]] = {}
    through = PageViewRestriction.groups.through
    for restriction_id, group_id in through.objects.values_list("pageviewrestriction", "group"):
        groups.setdefault(restriction_id, []).append(group_id)
    found: dict[str, set[str]] = {}
    restrictions = PageViewRestriction.objects.values_list("pk", "restriction_type", "page__path")
    for pk, restriction_type, path in restrictions:
        found.setdefault(path, set()).add(_token(restriction_type, groups.get(pk, ())))
    return found


def tokens_for_path(path: str, by_path: dict[str, set[str]]) -> list[str]:
    tokens: set[str] = set()
    for prefix in ancestor_paths(path):
        tokens |= by_path.get(prefix, set())
    return sorted(tokens)


def collection_view_tokens(collection) -> list[str]:
    """The tokens of every view restriction on a collection and its ancestors."""
    from wagtail.models import CollectionViewRestriction

    if collection is None:
        return []
    ancestors = collection.get_ancestors(inclusive=True)
    restrictions = CollectionViewRestriction.objects.filter(
        collection__in=ancestors
    ).prefetch_related("groups")
    return sorted({restriction_token(r) for r in restrictions})


def _all_tokens() -> list[tuple[str, frozenset[int]]]:
    """Every distinct token in use, with the group ids it admits (cached until a change)."""
    key = f"search:view-tokens:{generations.current(_GENERATION)}"
    tokens = generations.get(key)
    if tokens is None:
        from wagtail.models import CollectionViewRestriction

        found = {}
        for model in (PageViewRestriction, CollectionViewRestriction):
            for restriction in model.objects.prefetch_related("groups"):
                token = restriction_token(restriction)
                found[token] = frozenset(g.pk for g in restriction.groups.all())
        tokens = sorted(found.items())
        generations.set(key, tokens, 3600)
    return tokens


def failed_tokens(request_or_user) -> list[str]:
    """The tokens this user does not pass: documents carrying any of them are hidden.

    Mirrors ``countries.permissions.failed_view_restrictions``: superusers pass everything,
    anonymous users nothing, others pass ``login`` and the groups they belong to; nobody
    passes a password restriction in a listing.

    Args:
        request_or_user: a request or a user.

    Returns:
        A list of tokens.
    """
    user = _user_of(request_or_user)
    tokens = _all_tokens()
    if user.is_authenticated and user.is_superuser:
        return []
    if not user.is_authenticated:
        return [token for token, _ in tokens]
    group_ids = _group_ids(request_or_user)
    failed = []
    for token, admitted in tokens:
        if token == LOGIN:
            continue
        if token.startswith("groups:") and admitted & group_ids:
            continue
        failed.append(token)
    return failed


def forget_tokens() -> None:
    """Drop the cached token list (every process sees the new version)."""
    generations.bump(_GENERATION)


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
    forget_tokens()
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
    forget_tokens()
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


def connect_signals() -> None:
    from wagtail.signals import post_page_move

    post_save.connect(_restriction_changed, sender=PageViewRestriction)
    post_delete.connect(_restriction_changed, sender=PageViewRestriction)
    m2m_changed.connect(_groups_changed, sender=PageViewRestriction.groups.through)
    post_page_move.connect(_page_moved)

    from wagtail.models import CollectionViewRestriction

    post_save.connect(_collection_restriction_changed, sender=CollectionViewRestriction)
    post_delete.connect(_collection_restriction_changed, sender=CollectionViewRestriction)
    m2m_changed.connect(_collection_groups_changed, sender=CollectionViewRestriction.groups.through)
