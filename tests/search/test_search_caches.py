"""What the search page caches to stay fast (snippet text, facet labels, site roots,
promoted queries, bitmaps) follows every change at once, and searching writes nothing."""

import random
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Site

from countries.permissions import can_view_document, viewable_documents_among
from practices.models import FormOfExploitation
from search import service
from search.backends import facetcount
from search.backends.whoosh.facets import mask_counts
from search.backends.whoosh.scoring import docnums, mask_of
from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db


def run(params, user=None):
    request = RequestFactory().get("/search/", params)
    request.user = user or AnonymousUser()
    return service.search(request, request.GET)


def snippet_of(outcome, page):
    return next(hit.snippet for hit in outcome.hits if hit.page.pk == page.pk)


def test_a_snippet_follows_a_new_revision_and_a_direct_save(space, unique):
    word = unique("snipcache")
    page = publish_practice(space, summary=f"Outreach teams {word} visit farms.")
    assert "visit farms" in snippet_of(run({"q": word}), page)

    page.summary = f"Outreach teams {word} visit building sites."
    page.save_revision().publish()
    assert "building sites" in snippet_of(run({"q": word}), page)

    page.refresh_from_db()
    page.summary = f"Outreach teams {word} visit car washes."
    page.save()  # no revision: only the save signal can tell the cache
    assert "car washes" in snippet_of(run({"q": word}), page)


def test_a_renamed_form_of_exploitation_is_shown_at_once(space, unique):
    word = unique("labelcache")
    publish_practice(space, summary=f"{word} in agriculture.", forms=["forced-labour"])

    def label():
        outcome = run({"q": word})
        group = next(g for g in outcome.facets if g.name == "form")
        return next(o.label for o in group.options if o.value == "forced-labour")

    before = label()
    term = FormOfExploitation.objects.get(slug="forced-labour")
    term.name_en = "Forced labour and services"
    term.save()
    assert before != "Forced labour and services"
    assert label() == "Forced labour and services"


def test_a_practice_s_new_classification_is_counted_at_once(search_backend, space, unique):
    """Whoosh counts facets from the values indexed with the page (written once its forms
    are saved); the database backend from values cached per content generation."""
    word = unique("facetcache")
    page = publish_practice(space, summary=f"{word} on farms.", forms=["forced-labour"])

    def counts():
        outcome = run({"q": word})
        group = next((g for g in outcome.facets if g.name == "form"), None)
        return {o.value: o.count for o in group.options if o.count} if group else {}

    assert counts() == {"forced-labour": 1}
    page.forms.set(FormOfExploitation.objects.filter(slug="forced-begging"))
    page.save_revision().publish()
    assert counts() == {"forced-begging": 1}
    page.unpublish()
    assert counts() == {}


def test_searching_stores_no_query_and_promotions_appear_when_added(space, unique):
    word = unique("promocache")
    page = publish_practice(space, summary=f"A {word} practice.")
    run({"q": word})
    assert not Query.objects.filter(query_string=word).exists()

    other = publish_practice(space, title="Promoted guidance", summary="Nothing matching.")
    query = Query.objects.create(query_string=word)
    SearchPromotion.objects.create(query=query, page=other, sort_order=0)
    assert [p.pk for p in run({"q": word}).promotions] == [other.pk]

    SearchPromotion.objects.filter(query=query).delete()
    assert run({"q": word}).promotions == []
    assert [h.page.pk for h in run({"q": word}).hits] == [page.pk]


def test_a_site_moved_to_another_root_is_searched_there(space, other_space, unique):
    word = unique("sitecache")
    publish_practice(space, summary=f"{word} in Sweden.")
    assert run({"q": word}).total == 1

    site = Site.objects.get(is_default_site=True)
    site.root_page = other_space  # a site whose root is the Finnish space only
    site.save()
    assert run({"q": word}).total == 0


def test_mask_counts_equal_set_counts():
    rng = random.Random(7)
    for _ in range(200):
        size = rng.randint(1, 400)
        universe = range(size)
        base = {d for d in universe if rng.random() < 0.6}
        postings = {
            name: {
                value: {d for d in universe if rng.random() < 0.3}
                for value in ("a", "b", "c", "")[: rng.randint(1, 4)]
            }
            for name in ("country", "form", "year")
        }
        masks = {
            name: {value: mask_of(ids, size) for value, ids in by_value.items()}
            for name, by_value in postings.items()
        }
        selected = {
            name: rng.sample(["a", "b", "c", "zz", ""], rng.randint(0, 2))
            for name in postings
            if rng.random() < 0.5
        }
        expected_counts, expected_matched = facetcount.disjunctive_counts(base, postings, selected)
        counts, matched = mask_counts(mask_of(base, size), masks, selected)
        assert counts == expected_counts
        assert docnums(matched) == expected_matched
        assert all(isinstance(c, Counter) for c in counts.values())


@pytest.fixture
def restricted_documents(space):
    """A document in the Swedish members-only and one in its country-team-only collection."""
    from django.core.files.base import ContentFile
    from wagtail.models import Collection

    model = get_document_model()
    made = []
    for suffix in ("members only", "country team only"):
        document = model(
            title=f"Report, {suffix}",
            collection=Collection.objects.get(name=f"{space.title} · {suffix}"),
        )
        document.file.save("report.txt", ContentFile(b"A report."), save=False)
        document.save()
        made.append(document)
    return made


@pytest.mark.parametrize(
    "username, restricted_visible",
    [
        (None, 0),
        ("expert-police", 1),
        ("fi-coordinator", 1),
        ("se-ministry", 2),
        ("se-coordinator", 2),
        ("admin", 2),
    ],
)
def test_documents_among_follows_can_view_document(
    restricted_documents, username, restricted_visible
):
    documents = list(get_document_model().objects.select_related("collection").order_by("pk"))
    request = RequestFactory().get("/")
    request.session = {}
    request.user = get_user_model().objects.get(username=username) if username else AnonymousUser()
    expected = [d for d in documents if can_view_document(request, d)]

    got = viewable_documents_among(request, documents)

    assert got == expected
    assert len([d for d in got if d in restricted_documents]) == restricted_visible
