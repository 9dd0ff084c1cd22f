"""Index writes can be switched off for bulk loads (seed_demo) and come back as they were."""

import pytest
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.test import RequestFactory

from core.indexing import index_updates
from practices.models import PracticePage
from search import service
from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db


def found(word):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/search/", {"q": word})
    request.user = AnonymousUser()
    return service.search(request, request.GET).total


def receivers():
    return (
        len(post_save._live_receivers(PracticePage)[0]),
        len(post_delete._live_receivers(PracticePage)[0]),
    )


def test_nothing_is_indexed_inside_the_block_and_saves_index_again_after(space, unique):
    quiet, loud = unique("quietword"), unique("loudword")
    with index_updates(False, signals=False):
        page = publish_practice(space, summary=f"A {quiet} practice.")
    assert found(quiet) == 0

    page.summary = f"A {loud} practice."
    page.save_revision().publish()
    assert found(loud) == 1


def test_nested_blocks_leave_signals_and_flags_as_they_found_them():
    before = receivers()
    flags = [config.get("AUTO_UPDATE") for config in settings.WAGTAILSEARCH_BACKENDS.values()]
    with index_updates(False, signals=False):
        inner = receivers()
        with index_updates(False, signals=False):
            assert receivers() == inner
        assert receivers() == inner  # the inner block did not reconnect the outer's
        assert inner[0] < before[0] and inner[1] < before[1]
    assert receivers() == before
    assert [
        config.get("AUTO_UPDATE") for config in settings.WAGTAILSEARCH_BACKENDS.values()
    ] == flags
