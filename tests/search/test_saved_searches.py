"""Saved searches and library filters, their alert emails and the page of what a member
follows (issue 27, point 3): saved only by their owner, mailed only what the owner may
view when the email is sent, stopped by one click without signing in (RFC 8058)."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from countries.models import Country
from recommendations.models import Follow
from search import saved as saved_searches
from search.alerts import send_alerts
from search.models import SavedSearch
from tests.mail_headers import BASE_URL
from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db

ONE_CLICK = "List-Unsubscribe=One-Click"


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.BASE_URL = BASE_URL


def _saved(user, kind="search", query="", **fields):
    normalised = saved_searches.normalise(kind, _params(query))
    assert not normalised.problems, normalised.problems
    fields.setdefault("frequency", SavedSearch.Frequency.DAILY)
    saved = SavedSearch.objects.create(
        owner=user, kind=kind, query=normalised.query, name=normalised.name, **fields
    )
    # Saved a day and a bit ago: due now, and what is published later is new.
    SavedSearch.objects.filter(pk=saved.pk).update(
        created=timezone.now() - datetime.timedelta(days=1, hours=1)
    )
    saved.refresh_from_db()
    return saved


def _backdate(page, days):
    from wagtail.models import Page

    Page.objects.filter(pk=page.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=days)
    )


def _params(query):
    from django.http import QueryDict

    return QueryDict(query)


# --- Saving ------------------------------------------------------------------------


def test_anonymous_save_goes_to_sign_in(client):
    response = client.post("/search/saved/", {"saved_kind": "search", "q": "labour"})
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert not SavedSearch.objects.exists()


def test_save_from_the_search_page(client_for, users, unique):
    word = unique("kvarnsten")
    client = client_for("expert-police")
    page = client.get(f"/search/?q={word}&country=SE")
    body = page.content.decode()
    assert 'action="/search/saved/"' in body and "Save this search" in body
    response = client.post(
        "/search/saved/",
        {"saved_kind": "search", "q": word, "country": "se", "bogus": "x", "next": "/search/?q=x"},
    )
    assert response.status_code == 302 and response["Location"] == "/search/?q=x"
    saved = SavedSearch.objects.get(owner=users["expert-police"])
    # Only the known parameters, each value as stored (the country code's case).
    assert saved.query == f"q={word}&country=SE"
    assert saved.kind == "search" and saved.frequency == "weekly"
    assert word in saved.name and "Sweden" in saved.name
    # Saving it again keeps one.
    client.post("/search/saved/", {"saved_kind": "search", "q": word, "country": "SE"})
    assert SavedSearch.objects.filter(owner=users["expert-police"]).count() == 1


def test_anonymous_pages_offer_no_save_button(client, unique):
    body = client.get(f"/search/?q={unique('hylla')}").content.decode()
    assert "/search/saved/" not in body
    assert "/search/saved/" not in client.get("/practices/").content.decode()


def test_save_from_the_library(client_for, users):
    client = client_for("expert-police")
    body = client.get("/practices/?country=FI&form=forced-labour").content.decode()
    assert "Save this filter" in body and 'name="saved_kind" value="library"' in body
    response = client.post(
        "/search/saved/",
        {"saved_kind": "library", "country": "FI", "form": "forced-labour", "sort": "title"},
    )
    assert response.status_code == 302
    saved = SavedSearch.objects.get(owner=users["expert-police"])
    assert saved.kind == "library"
    assert saved.query == "country=FI&form=forced-labour"
    assert saved_searches.run_url(saved).endswith("/practices/?country=FI&form=forced-labour")


@pytest.mark.parametrize(
    "data",
    [
        {"saved_kind": "search", "q": "labour", "country": "XX"},
        {"saved_kind": "library", "form": "no-such-form"},
        {"saved_kind": "search", "q": "   "},
        {"saved_kind": "nonsense", "q": "labour"},
    ],
)
def test_bad_parameters_are_refused_with_a_message(client_for, data):
    response = client_for("expert-police").post("/search/saved/", data)
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert not SavedSearch.objects.exists()


# --- Alerts ------------------------------------------------------------------------


def test_alert_mails_new_visible_matches_with_one_click_unsubscribe(
    space, users, unique, mailoutbox
):
    word = unique("saltsjö")
    reader = users["expert-police"]
    saved = _saved(reader, query=f"q={word}")
    new = publish_practice(space, title=f"Shelter {word} network", summary=f"About {word}.")
    assert send_alerts() == 1
    (message,) = mailoutbox
    assert message.to == [reader.email]
    assert new.title in message.body and word in message.subject
    assert message.extra_headers["List-Unsubscribe-Post"] == ONE_CLICK
    link = re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)
    assert link.startswith(f"{BASE_URL}/search/saved/unsubscribe/")
    assert link in message.body
    saved.refresh_from_db()
    assert saved.last_sent_at is not None
    # Sent: nothing again until something new, and not before a day has passed.
    mailoutbox.clear()
    assert send_alerts() == 0
    _backdate(new, days=3)
    SavedSearch.objects.filter(pk=saved.pk).update(
        last_sent_at=timezone.now() - datetime.timedelta(days=2)
    )
    assert send_alerts() == 0  # due, but nothing new since the last email
    assert mailoutbox == []


def test_nothing_is_sent_without_new_matches(space, users, unique, mailoutbox):
    word = unique("tallbark")
    # Published before the search was saved: not new.
    _backdate(publish_practice(space, title=f"Old {word} practice", summary=word), days=2)
    _saved(users["expert-police"], query=f"q={word}")
    assert send_alerts() == 0
    assert mailoutbox == []


def test_frequency_weekly_and_off(space, users, unique, mailoutbox):
    word = unique("veckoblad")
    weekly = _saved(users["expert-police"], query=f"q={word}", frequency="weekly")
    _saved(users["fi-coordinator"], query=f"q={word}", frequency="off")
    publish_practice(space, title=f"Weekly {word}", summary=word)
    assert send_alerts() == 0  # saved a day ago: a weekly alert is not due
    SavedSearch.objects.filter(pk=weekly.pk).update(
        created=timezone.now() - datetime.timedelta(days=8)
    )
    assert send_alerts() == 1
    assert [m.to for m in mailoutbox] == [[users["expert-police"].email]]


def test_alert_never_mails_what_the_reader_may_not_see_at_sending_time(
    space, users, unique, mailoutbox, search_backend
):
    word = unique("tunnbröd")
    reader = users["expert-police"]  # a network member outside Sweden
    _saved(reader, query=f"q={word}")
    publish_practice(space, title=f"Swedish team {word} file", summary=word, audience="country")
    # Members-only when the search was saved, country-only before the email is sent.
    changed = publish_practice(
        space, title=f"Briefing {word} for members", summary=word, audience="members"
    )
    changed.audience = "country"
    changed.save_revision().publish()
    visible = publish_practice(space, title=f"Open {word} guide", summary=word)
    assert send_alerts() == 1
    (message,) = mailoutbox
    assert visible.title in message.body
    assert "Swedish team" not in message.body and "Briefing" not in message.body
    # A reader of the Swedish team sees all three.
    mailoutbox.clear()
    _saved(users["se-editor"], query=f"q={word}")
    assert send_alerts() == 1
    body = mailoutbox[0].body
    assert "Swedish team" in body and "Briefing" in body and visible.title in body


def _new_document(space, title, text, collection=""):
    """A document of the space's collection (``collection``: its "members only" or "country
    team only" one), its text read and indexed as the worker would after the commit."""
    from modelsearch.index import insert_or_update_object

    from core.models import HubDocument
    from tests.home.factories import text_document

    name = f"{space.title} · {collection}" if collection else space.title
    document = text_document(title, name, "report.txt", text)
    HubDocument.objects.filter(pk=document.pk).update(extracted_text=text)
    document.refresh_from_db()
    insert_or_update_object(document)
    return document


def test_alert_mails_a_new_document_never_one_the_reader_may_not_see_at_sending_time(
    space, users, unique, mailoutbox, search_backend
):
    word = unique("dokvarsel")
    reader = users["expert-police"]  # a network member outside Sweden
    _saved(reader, query=f"q={word}")

    def attach(document, **fields):
        # The pages do not name the word: only the documents match.
        return publish_practice(
            space, evidence_level="evaluated", evaluation_document=document, **fields
        )

    shown = _new_document(space, "Members evaluation", f"The {word} study.", "members only")
    page = attach(shown, title="Outreach evaluated")
    team = _new_document(space, "Team evaluation", f"A {word} file.", "country team only")
    attach(team, title="Team outreach")
    # Linked from a members' page when the search was saved, from a team-only page since.
    moved = _new_document(space, "Moved evaluation", f"Our {word} notes.")
    briefing = attach(moved, title="Briefing", audience="members")
    briefing.audience = "country"
    briefing.save_revision().publish()

    assert send_alerts() == 1
    (message,) = mailoutbox
    assert message.to == [reader.email]
    assert "Members evaluation" in message.body
    assert f"{BASE_URL}{page.url}" in message.body  # reached through the page linking it
    assert "Team evaluation" not in message.body and "Moved evaluation" not in message.body
    # A reader of the Swedish team is mailed all three.
    mailoutbox.clear()
    _saved(users["se-editor"], query=f"q={word}")
    assert send_alerts() == 1
    body = mailoutbox[0].body
    for title in ("Members evaluation", "Team evaluation", "Moved evaluation"):
        assert title in body


def test_a_document_added_before_the_search_was_saved_is_not_new(space, users, unique, mailoutbox):
    from core.models import HubDocument

    word = unique("dokgammal")
    old = _new_document(space, "Old evaluation", f"The {word} study.")
    HubDocument.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )
    publish_practice(space, evidence_level="evaluated", evaluation_document=old)
    _saved(users["expert-police"], query=f"q={word}")
    assert send_alerts() == 0
    assert mailoutbox == []


def test_library_alert_respects_filters_and_visibility(space, users, unique, mailoutbox):
    reader = users["expert-police"]
    _saved(reader, kind="library", query="country=SE&form=forced-labour")
    match = publish_practice(space, title=unique("Labour match"), forms=["forced-labour"])
    publish_practice(space, title=unique("Other form"), forms=["organ-removal"])
    publish_practice(
        space, title=unique("Hidden labour"), forms=["forced-labour"], audience="country"
    )
    assert send_alerts() == 1
    body = mailoutbox[0].body
    assert match.title in body
    assert "Other form" not in body and "Hidden labour" not in body


def test_send_alerts_command(space, users, unique, mailoutbox, capsys):
    word = unique("kommando")
    _saved(users["expert-police"], query=f"q={word}")
    publish_practice(space, title=f"Command {word}", summary=word)
    call_command("send_alerts")
    assert "Sent 1 saved-search email(s)." in capsys.readouterr().out
    assert len(mailoutbox) == 1


# --- Unsubscribe -------------------------------------------------------------------


def test_unsubscribe_without_signing_in(client, users):
    saved = _saved(users["expert-police"], query="q=labour")
    path = saved_searches.unsubscribe_url(saved).removeprefix(BASE_URL)
    page = client.get(path)
    assert page.status_code == 200 and "Stop these emails" in page.content.decode()
    saved.refresh_from_db()
    assert saved.frequency == "daily"  # a GET changes nothing (link scanners)
    from django.test import Client

    one_click = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == 200
    saved.refresh_from_db()
    assert saved.frequency == "off"
    assert SavedSearch.objects.filter(pk=saved.pk).exists()  # still saved


@pytest.mark.parametrize("token", ["garbage", "x" * 400])
def test_bad_unsubscribe_token(client, users, token):
    saved = _saved(users["expert-police"], query="q=labour")
    for method in (client.get, client.post):
        response = method(f"/search/saved/unsubscribe/{token}/")
        assert response.status_code == 400
    tampered = saved_searches.make_token(saved)[:-2] + "zz"
    assert client.post(f"/search/saved/unsubscribe/{tampered}/").status_code == 400
    saved.refresh_from_db()
    assert saved.frequency == "daily"


# --- The page of what one follows --------------------------------------------------


def test_following_page_lists_only_the_owners(client_for, users):
    mine = _saved(users["expert-police"], query="q=labour")
    theirs = _saved(users["fi-coordinator"], query="q=shelter")
    finland = Country.objects.get(code="FI")
    Follow.objects.create(user=users["expert-police"], country=finland)
    Follow.objects.create(user=users["fi-coordinator"], country=Country.objects.get(code="NO"))
    client = client_for("expert-police")
    response = client.get("/account/following/")
    assert response.status_code == 200
    body = response.content.decode()
    assert mine.name in body and theirs.name not in body
    assert finland.display_name in body and "Norway" not in body
    assert "Run this search" in body and "/search/?q=labour" in body


def test_anonymous_following_page_goes_to_sign_in(client):
    response = client.get("/account/following/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_owner_edits_and_deletes_another_user_cannot(client_for, users):
    mine = _saved(users["expert-police"], query="q=labour")
    theirs = _saved(users["fi-coordinator"], query="q=shelter")
    follow = Follow.objects.create(
        user=users["fi-coordinator"], country=Country.objects.get(code="FI")
    )
    client = client_for("expert-police")
    url = f"/search/saved/{mine.pk}/"
    assert client.post(url, {"name": "Labour", "frequency": "weekly"}).status_code == 302
    mine.refresh_from_db()
    assert (mine.name, mine.frequency) == ("Labour", "weekly")
    client.post(url, {"name": "Labour", "frequency": "hourly"})  # refused, unchanged
    mine.refresh_from_db()
    assert mine.frequency == "weekly"
    assert client.post(f"/search/saved/{theirs.pk}/", {"frequency": "off"}).status_code == 404
    assert client.post(f"/search/saved/{theirs.pk}/", {"action": "delete"}).status_code == 404
    assert client.post(f"/account/following/tracker/{follow.pk}/stop/").status_code == 404
    assert Follow.objects.filter(pk=follow.pk).exists()
    theirs.refresh_from_db()
    assert theirs.frequency == "daily"
    assert client.post(url, {"action": "delete"}).status_code == 302
    assert not SavedSearch.objects.filter(pk=mine.pk).exists()
    assert mail.outbox == []


def test_a_renamed_search_keeps_no_control_character(client_for, users):
    """A NUL byte in the new name (PostgreSQL refuses it in text: a 500) and other
    control characters are dropped; a name of nothing else is refused, unchanged."""
    mine = _saved(users["expert-police"], query="q=labour")
    client = client_for("expert-police")
    url = f"/search/saved/{mine.pk}/"
    response = client.post(url, {"name": "Lab\x00our\x07 \x1b[31mcases", "frequency": "weekly"})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.name, mine.frequency) == ("Labour [31mcases", "weekly")
    assert client.post(url, {"name": "\x00\x00", "frequency": "daily"}).status_code == 302
    mine.refresh_from_db()
    assert (mine.name, mine.frequency) == ("Labour [31mcases", "weekly")


def test_alert_mails_new_seminars(users, unique, mailoutbox):
    from tests.seminars.factories import publish_seminar

    word = unique("seminarium")
    _saved(users["expert-police"], query=f"q={word}&kind=seminar")
    seminar = publish_seminar(title=f"Seminar on {word}", intro=f"About {word}.")
    assert send_alerts() == 1
    assert seminar.title in mailoutbox[0].body


def test_one_person_keeps_at_most_the_limit_of_saved_searches(client_for, users, settings):
    """Each saved search is run for its alerts: past the limit a new one is refused with a
    message (400), while saving one already kept still answers as before."""
    owner = users["expert-police"]
    SavedSearch.objects.bulk_create(
        SavedSearch(owner=owner, kind="search", query=f"q=word{n}", name=f"word{n}")
        for n in range(saved_searches.MAX_PER_PERSON)
    )
    client = client_for("expert-police")
    response = client.post("/search/saved/", {"saved_kind": "search", "q": "one-more"})
    assert response.status_code == 400
    assert "the most one person may" in response.content.decode()
    assert SavedSearch.objects.filter(owner=owner).count() == saved_searches.MAX_PER_PERSON
    again = client.post("/search/saved/", {"saved_kind": "search", "q": "word7"})
    assert again.status_code == 302
    # Another person is not held by the first one's searches.
    other = client_for("expert-ngo").post("/search/saved/", {"saved_kind": "search", "q": "x"})
    assert other.status_code == 302
