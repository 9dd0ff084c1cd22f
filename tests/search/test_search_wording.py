"""What the search page says it found, and where; and "did you mean" only for a query that
finds more. On every backend of tests/search/conftest.py; each test searches made-up
words of its own (see ``unique``)."""

import pytest
from wagtail.models import Collection

from core.models import HubDocument
from search import service
from tests.home.factories import text_document
from tests.practices.factories import publish_practice
from tests.search.test_search_page import run

pytestmark = pytest.mark.django_db


def document(space, text, members_only=False):
    """A text document in the space's collection (or its members-only one), its text read
    and indexed as the worker would after the commit that the test never makes."""
    from modelsearch.index import insert_or_update_object

    name = f"{space.title} · members only" if members_only else space.title
    assert Collection.objects.filter(name=name).exists()
    found = text_document("Evaluation report", name, "report.txt", text)
    HubDocument.objects.filter(pk=found.pk).update(extracted_text=text)
    found.refresh_from_db()
    insert_or_update_object(found)
    return found


def attached(space, found, **fields):
    """A practice whose evaluation is ``found``: the page a document is reached through."""
    return publish_practice(space, evidence_level="evaluated", evaluation_document=found, **fields)


def total_line(html):
    """The text of the results line (the live region that says what was found)."""
    start = html.index('class="library__total"')
    return " ".join(html[html.index(">", start) + 1 : html.index("</p>", start)].split())


def test_a_query_found_only_in_a_document_says_so(client, space, unique, search_backend):
    marker = unique("dokplumm")
    page = attached(space, document(space, f"The {marker} evaluation."), title="Outreach")

    html = client.get("/search/", {"q": marker}).content.decode()

    assert total_line(html) == f"1 result for “{marker}”: 1 attached document."
    assert "Nothing found" not in html
    assert "Check the spelling" not in html  # the tips for a search that found nothing
    assert "Found in attached documents" in html and page.title in html


def test_pages_and_documents_are_counted_apart(client, space, unique, search_backend):
    marker = unique("dokzapf")
    for number in range(2):
        publish_practice(space, summary=f"Practice {number} on {marker} work.")
    attached(space, document(space, f"A {marker} report."))

    outcome = run({"q": marker})
    assert (outcome.total, outcome.document_total, outcome.found) == (2, 1, 3)
    html = client.get("/search/", {"q": marker}).content.decode()
    assert total_line(html) == f"3 results for “{marker}”: 2 pages, 1 attached document."


def test_a_results_page_of_pages_alone_keeps_its_line(client, space, unique, search_backend):
    marker = unique("dokpagez")
    publish_practice(space, summary=f"Only a {marker} page.")

    html = client.get("/search/", {"q": marker}).content.decode()

    assert total_line(html) == f"Showing 1–1 of 1 result for “{marker}”"


def test_more_documents_than_shown_are_counted_and_said(
    client, space, unique, search_backend, monkeypatch
):
    monkeypatch.setattr(service, "SHOWN_BESIDE", 1)
    marker = unique("dokmehr")
    for number in range(2):
        attached(space, document(space, f"Report {number} on {marker}."))

    html = client.get("/search/", {"q": marker}).content.decode()

    assert total_line(html) == f"2 results for “{marker}”: 2 attached documents."
    assert "The best 1 of 2 documents." in html
    assert html.count('<p class="search-result__kind">Document:') == 1


@pytest.mark.parametrize("username, pages, documents", [(None, 1, 1), ("expert-police", 2, 3)])
def test_what_a_reader_may_not_open_is_never_counted(
    client_for, space, unique, search_backend, username, pages, documents
):
    """A members-only page, a members-only document and a public document attached only
    to a members-only page: counted for a member, not for an anonymous reader."""
    marker = unique("dokgeheim")
    publish_practice(space, summary=f"Public {marker} practice.")
    publish_practice(space, summary=f"Members' {marker} practice.", audience="members")
    attached(space, document(space, f"Public {marker} report."))
    attached(space, document(space, f"Members' {marker} report.", members_only=True))
    attached(space, document(space, f"Another {marker} report."), audience="members")

    client = client_for(username)
    html = client.get("/search/", {"q": marker}).content.decode()

    found = pages + documents
    assert total_line(html) == (
        f"{found} results for “{marker}”: {pages} page{'s' if pages > 1 else ''}, "
        f"{documents} attached document{'s' if documents > 1 else ''}."
    )


# "Did you mean" --------------------------------------------------------------------------
# Its vocabulary is the titles the reader may see: a word only in a summary is not in it,
# so it is "corrected" to the closest title word, as "bank" was to "barn" on the site.


def _did_you_mean(client, query, **filters):
    html = client.get("/search/", {"q": query, **filters}).content.decode()
    return "Did you mean" in html, html


def test_no_suggestion_that_finds_less_than_the_any_word_results(
    client, space, unique, search_backend
):
    """The shape of "bank partnership": no result has both words, those with the second
    one are shown, and the correction of the first finds fewer of them."""
    rare, common = unique("zorbarn"), unique("partnerzap")
    publish_practice(space, title=f"{rare.capitalize()} house", summary=f"A {common} house.")
    for number in range(2):
        publish_practice(space, summary=f"A {common} network {number}.")
    typo = rare.replace("zorbarn", "zorbank")

    outcome = run({"q": f"{typo} {common}"})
    assert outcome.any_words and outcome.total == 3
    assert outcome.suggestion == ""
    offered, html = _did_you_mean(client, f"{typo} {common}")
    assert not offered
    # The correction alone would find one result where the typo finds none: offered.
    offered, html = _did_you_mean(client, typo)
    assert offered and f">{rare}</a>?" in html


def test_a_suggestion_is_offered_when_it_finds_more(client, space, unique, search_backend):
    right = unique("quolmarmot")
    wrong = right.replace("quolmarmot", "quolmarnot")
    publish_practice(space, summary=f"A {wrong} in a summary.")
    for number in range(2):
        publish_practice(space, title=f"{right.capitalize()} shelter {number}")

    offered, html = _did_you_mean(client, wrong)

    assert total_line(html) == f"Showing 1–1 of 1 result for “{wrong}”"
    assert offered and f'<a href="?q={right}">{right}</a>' in html


def test_no_suggestion_that_finds_as_many(client, space, unique, search_backend):
    right = unique("quolbiber")
    wrong = right.replace("quolbiber", "quolbiner")
    for number in range(2):
        publish_practice(space, summary=f"A {wrong} in summary {number}.")
    publish_practice(space, title=f"{right.capitalize()} shelter")
    publish_practice(space, title=f"{right.capitalize()} house")

    assert run({"q": wrong}).total == 2
    assert run({"q": right}).total == 2
    assert not _did_you_mean(client, wrong)[0]


def test_a_suggestion_is_counted_with_the_same_filters(
    client, space, other_space, unique, search_backend
):
    """The correction finds more across the hub, but not in the country chosen."""
    right = unique("quoltapir")
    wrong = right.replace("quoltapir", "quoltapit")
    publish_practice(space, summary=f"A {wrong} in Sweden.")
    for number in range(2):
        publish_practice(other_space, title=f"{right.capitalize()} shelter {number}")

    assert _did_you_mean(client, wrong)[0]
    offered, html = _did_you_mean(client, wrong, country="SE")
    assert "Showing 1–1 of 1 result" in html
    assert not offered


def test_a_suggestion_never_counts_what_the_reader_may_not_see(
    client_for, space, unique, search_backend
):
    """The correction's count is the reader's: pages they may not view do not make it
    "find more" (nor could they name it: the vocabulary is the reader's titles)."""
    right = unique("quolwombat")
    wrong = right.replace("quolwombat", "quolwombet")
    publish_practice(space, summary=f"A {wrong} for everyone.")
    publish_practice(space, title=f"{right.capitalize()} shelter")
    for number in range(2):
        publish_practice(space, title=f"{right.capitalize()} briefing {number}", audience="members")

    assert not _did_you_mean(client_for(None), wrong)[0]
    assert _did_you_mean(client_for("expert-police"), wrong)[0]
