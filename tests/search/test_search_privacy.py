"""A word in a members-only or a country-only page never reaches anyone who may not see it.

Checked through every channel of the search page: results, counts, facets, snippets,
"did you mean", autocomplete, promotions and documents, on both backends.
"""

import json

import pytest
from django.core.files.base import ContentFile
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Collection

from core.models import HubDocument
from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db

MEMBERS = "gravelkrumm"
COUNTRY = "fjordtaupe"

# Who may see what: (username, sees members-only, sees Swedish country-only).
VIEWERS = [
    (None, False, False),
    ("expert-police", True, False),
    ("fi-coordinator", True, False),
    ("se-editor", True, True),
    ("se-ministry", True, True),
]


@pytest.fixture
def words(unique):
    return unique(MEMBERS), unique(COUNTRY)


@pytest.fixture
def restricted(space, words, search_backend):
    MEMBERS_WORD, COUNTRY_WORD = words
    members = publish_practice(
        space,
        title=f"Briefing {MEMBERS_WORD} for members",
        summary=f"Internal notes on {MEMBERS_WORD} cases.",
        audience="members",
        forms=["forced-criminality"],
    )
    country = publish_practice(
        space,
        title=f"Case file {COUNTRY_WORD} for the Swedish team",
        summary=f"Team notes on {COUNTRY_WORD} cases.",
        audience="country",
        forms=["organ-removal"],
    )
    return members, country


def visible(word, members, country):
    return (word.startswith(MEMBERS) and members) or (word.startswith(COUNTRY) and country)


@pytest.mark.parametrize("username, members, country", VIEWERS)
def test_results_counts_facets_and_snippets(
    client_for, restricted, words, search_backend, username, members, country
):
    client = client_for(username)
    for word in words:
        response = client.get("/search/", {"q": word})
        html = response.content.decode()
        assert response.status_code == 200
        if visible(word, members, country):
            assert "Showing 1–1 of 1 result" in html
            assert f"<mark>{word}</mark>" in html
        else:
            # The query is echoed back; nothing of the hidden page is.
            for page in restricted:
                assert page.title not in html
            assert "notes on" not in html
            assert "<mark>" not in html
            assert "Nothing found" in html
            assert 'class="facet__count"' not in html  # no facet counts at all


@pytest.mark.parametrize("username, members, country", VIEWERS)
def test_facet_counts_leave_out_what_cannot_be_seen(
    client_for, space, restricted, words, search_backend, username, members, country
):
    MEMBERS_WORD, COUNTRY_WORD = words
    # A public page shares a word with both restricted pages; its facets may only count
    # what this visitor may open.
    publish_practice(
        space,
        summary=f"Public page about {MEMBERS_WORD} and {COUNTRY_WORD}.",
        forms=["forced-labour"],
    )
    from django.contrib.auth import get_user_model

    from tests.search.test_search_page import facet, run

    user = get_user_model().objects.get(username=username) if username else None
    outcome = run({"q": MEMBERS_WORD}, user=user)
    forms = facet(outcome, "form")
    assert outcome.total == 1 + members
    assert ("forced-criminality" in forms) == members
    outcome = run({"q": COUNTRY_WORD}, user=user)
    assert outcome.total == 1 + country
    assert ("organ-removal" in facet(outcome, "form")) == country


@pytest.mark.parametrize("username, members, country", VIEWERS)
def test_did_you_mean_never_offers_a_hidden_word(
    client_for, restricted, words, search_backend, username, members, country
):
    client = client_for(username)
    for word in words:
        typo = word[:6] + word[7] + word[6] + word[8:]  # two letters swapped
        html = client.get("/search/", {"q": typo}).content.decode()
        if visible(word, members, country):
            assert f">{word}</a>?" in html
        else:
            assert word not in html


@pytest.mark.parametrize("username, members, country", VIEWERS)
def test_autocomplete(client_for, restricted, words, search_backend, username, members, country):
    client = client_for(username)
    for word in words:
        prefix = word[:-2]
        data = json.loads(client.get("/search/autocomplete/", {"q": prefix}).content)
        found = any(word in item["title"] for item in data["results"])
        assert found == bool(visible(word, members, country))


def test_promotions_only_show_pages_the_visitor_may_view(
    client_for, restricted, unique, search_backend
):
    members_page, _ = restricted
    promoted = unique("promotedword")
    SearchPromotion.objects.create(query=Query.get(promoted), page=members_page, sort_order=0)
    assert (
        members_page.title not in client_for(None).get("/search/", {"q": promoted}).content.decode()
    )
    html = client_for("expert-police").get("/search/", {"q": promoted}).content.decode()
    assert "Recommended" in html and members_page.title in html


def test_document_hits_follow_document_and_page_privacy(client_for, space, unique, search_backend):
    marker = unique("dokzwiebel")
    collection = Collection.objects.get(name=f"{space.title} · members only")
    document = HubDocument(title="Evaluation report", collection=collection)
    document.file.save("report.txt", ContentFile(f"The {marker} evaluation.".encode()), save=False)
    document.save()
    HubDocument.objects.filter(pk=document.pk).update(
        extracted_text=f"The {marker} evaluation found results."
    )
    document.refresh_from_db()
    from modelsearch.index import insert_or_update_object

    insert_or_update_object(document)
    page = publish_practice(
        space,
        title="Evaluated outreach",
        evidence_level="evaluated",
        evaluation_document=document,
    )
    anonymous = client_for(None).get("/search/", {"q": marker}).content.decode()
    assert f"{marker}</mark>" not in anonymous
    assert "Found in attached documents" not in anonymous
    member = client_for("expert-police").get("/search/", {"q": marker}).content.decode()
    assert "Found in attached documents" in member
    assert page.title in member


def test_hits_are_checked_against_the_database(client_for, restricted, unique, search_backend):
    """Even if the index lagged behind a restriction, the database decides."""
    from wagtail.models import PageViewRestriction

    members_page, _ = restricted
    word = unique("lagzonk")
    public = publish_practice(restricted[0].get_parent().specific, summary=f"{word} public.")
    # Restrict the public page behind the index's back (no signals, no reindex).
    restriction = PageViewRestriction(page=public, restriction_type="login")
    PageViewRestriction.objects.bulk_create([restriction])
    html = client_for(None).get("/search/", {"q": word}).content.decode()
    assert public.title not in html


def test_deleting_a_group_keeps_what_it_restricted_hidden(
    restricted, words, search_backend, django_capture_on_commit_callbacks
):
    """A country page's restriction names the country's groups; deleting one of them
    changes the restriction's token. The pages under it are indexed again with the new
    token, so an anonymous search still counts nothing of them."""
    from django.contrib.auth.models import Group

    from tests.search.test_search_page import facet, run

    _members_word, country_word = words
    assert run({"q": country_word}, user=None).total == 0
    with django_capture_on_commit_callbacks(execute=True):
        Group.objects.get(name="Sweden ministry").delete()
    outcome = run({"q": country_word}, user=None)
    assert outcome.total == 0
    assert facet(outcome, "country") == {}
