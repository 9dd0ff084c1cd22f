"""A page's index entry holds the relations saved with it, on both search backends.

modelcluster writes a page's many-to-many and child relations after post_save, where
modelsearch queues the index update; with the immediate task backend (development, the
embedded setup) that update ran at once and indexed the relations as they were before.
``core.indexing.IndexedAfterRelations`` queues it when save() has written everything.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from modelsearch.index import RelatedFields, get_indexed_models

from core.indexing import IndexedAfterRelations
from practices.models import Organisation, PracticePage
from search import service
from seminars.models import SeminarPage
from tests.practices.factories import publish_practice
from tests.seminars.factories import publish_seminar

pytestmark = pytest.mark.django_db


def found(word, model=None):
    request = RequestFactory().get("/search/", {"q": word})
    request.user = AnonymousUser()
    outcome = service.search(request, request.GET)
    return [hit.page.pk for hit in outcome.hits if model is None or type(hit.page) is model]


def organisation(name):
    return Organisation.objects.create(name=name, type="ngo")


def test_a_practice_is_found_by_an_organisation_added_when_it_is_published(
    search_backend, space, unique
):
    first, second = unique("Firstorg"), unique("Secondorg")
    page = publish_practice(space, summary="Outreach on farms.")
    page.organisations.set([organisation(first)])
    page.save_revision().publish()
    assert found(first) == [page.pk]

    page.organisations.set([organisation(second)])
    page.save_revision().publish()
    assert found(second) == [page.pk]
    assert found(first) == []


def test_a_practice_is_found_by_a_tag_added_when_it_is_published(search_backend, space, unique):
    tag = unique("tagword")
    page = publish_practice(space, summary="Outreach on farms.")
    page.tags.add(tag)
    page.save_revision().publish()
    assert found(tag) == [page.pk]


def test_a_seminar_is_found_by_an_organiser_added_when_it_is_published(search_backend, unique):
    name = unique("Organiserorg")
    seminar = publish_seminar()
    seminar.organisers.set([organisation(name)])
    seminar.save_revision().publish()
    assert found(name, SeminarPage) == [seminar.pk]


def test_a_save_outside_save_still_updates_the_index(search_backend, space, unique):
    word = unique("basesave")
    page = publish_practice(space, summary="Outreach on farms.")
    page.summary = f"Outreach {word} on farms."
    page.save_base()
    assert found(word) == [page.pk]


def test_a_failed_save_leaves_no_pending_mark(space, unique):
    word = unique("aftererror")
    page = publish_practice(space, summary="Outreach on farms.")
    page.title = ""
    with pytest.raises(Exception):  # noqa: B017 - Wagtail's validation, whatever its class
        page.save()
    assert "_index_update_pending" not in page.__dict__

    page.title = "Outreach"
    page.summary = f"Outreach {word} on farms."
    page.save()
    assert found(word) == [page.pk]


def test_every_model_indexing_its_cluster_relations_waits_for_them():
    """A new page type that indexes a ParentalManyToManyField, a child relation or
    cluster tags must take IndexedAfterRelations too."""
    checked = []
    for model in get_indexed_models():
        if not hasattr(model, "_meta") or model._meta.abstract:
            continue
        cluster_names = {field.name for field in get_all_child_m2m_relations(model)}
        cluster_names |= {rel.get_accessor_name() for rel in get_all_child_relations(model)}
        cluster_names |= {
            field.name
            for field in model._meta.get_fields()
            if isinstance(field, ClusterTaggableManager)
        }
        related = {
            field.field_name
            for field in model.get_search_fields()
            if isinstance(field, RelatedFields)
        }
        if related & cluster_names:
            checked.append(model)
            assert issubclass(model, IndexedAfterRelations), model
    assert PracticePage in checked and SeminarPage in checked
