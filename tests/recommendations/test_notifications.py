"""Followers hear of status changes (email, Atom feeds, weekly digest); coordinators get
reminders of what is due or stale. Never about what the recipient may not view."""

import datetime
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import formats, timezone, translation

from countries.choices import Role
from countries.models import Country
from countries.permissions import country_groups
from recommendations.choices import Status
from recommendations.feeds import RecommendationUpdatesFeed
from recommendations.models import Follow, Implementation, StatusUpdate
from recommendations.updates import apply_update

from .factories import impl_of, publish_recommendation, tracker_page

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def _member(username, email=None, **fields):
    email = f"{username}@example.org" if email is None else email
    return get_user_model().objects.create_user(username, email, "x", **fields)


def _follow(user, target, language="en"):
    if isinstance(target, Country):
        return Follow.objects.create(user=user, country=target, language=language)
    return Follow.objects.create(user=user, recommendation=target, language=language)


def _to(mailoutbox, user):
    return [m for m in mailoutbox if m.to == [user.email]]


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@pytest.fixture
def finland():
    return Country.objects.get(code="FI")


@pytest.fixture
def sweden():
    return Country.objects.get(code="SE")


class TestStatusChangeEmails:
    def _update(self, impl, user, status, note, capture):
        with capture(execute=True):
            return apply_update(impl, user, {"status": status}, note=note)

    def test_only_followers_get_one_email_each(
        self, users, finland, sweden, mailoutbox, django_capture_on_commit_callbacks
    ):
        page = publish_recommendation("R-2099-01", countries=("FI", "SE"))
        coordinator = users["fi-coordinator"]
        of_recommendation = _follow(_member("reader-rec"), page).user
        of_country = _follow(_member("reader-fi"), finland).user
        of_both = _member("reader-both")
        _follow(of_both, page)
        _follow(of_both, finland)
        of_sweden = _follow(_member("reader-se"), sweden).user
        inactive = _follow(_member("reader-gone", is_active=False), page).user
        no_address = _follow(_member("reader-nomail", email=""), page).user
        stranger = _member("stranger")
        _follow(coordinator, page)  # the author follows it too

        self._update(
            impl_of(page, "FI"),
            coordinator,
            Status.IN_PROGRESS,
            "A working group has been set up.",
            django_capture_on_commit_callbacks,
        )

        for follower in (of_recommendation, of_country, of_both):
            assert len(_to(mailoutbox, follower)) == 1, follower.username
        for nobody in (of_sweden, inactive, stranger, coordinator):
            assert _to(mailoutbox, nobody) == [], nobody.username
        assert _to(mailoutbox, no_address) == []
        assert all(m.to and m.to[0] for m in mailoutbox)

        message = _to(mailoutbox, of_recommendation)[0]
        assert message.subject == "R-2099-01 · Finland: Not started → In progress"
        body = message.body
        assert "Recommendation R-2099-01" in body
        assert "Not started → In progress" in body
        assert "A working group has been set up." in body
        assert coordinator.get_full_name() in body
        assert _absolute(page.url) + "#country-fi" in body
        # A direct unsubscribe link, the one of the List-Unsubscribe header
        # (tests/recommendations/test_unsubscribe.py), not the page to find a button on.
        unsubscribe = _absolute("/recommendations/unsubscribe/")
        link = re.search(rf"To stop following, open ({re.escape(unsubscribe)}\S+/) ", body)
        assert message.extra_headers["List-Unsubscribe"] == f"<{link.group(1)}>"
        # A country follower gets the link that stops following the country.
        country_body = _to(mailoutbox, of_country)[0].body
        assert "you follow Finland" in country_body
        assert f"To stop following, open {unsubscribe}" in country_body

    def test_same_status_with_a_note_sends_nothing(
        self, users, finland, mailoutbox, django_capture_on_commit_callbacks
    ):
        page = publish_recommendation("R-2099-02", countries=("FI",))
        follower = _follow(_member("reader"), page).user
        impl = impl_of(page, "FI")
        self._update(
            impl,
            users["fi-coordinator"],
            impl.status,
            "Only a note.",
            django_capture_on_commit_callbacks,
        )
        assert impl.updates.count() == 1
        assert _to(mailoutbox, follower) == []

    def test_written_in_the_language_of_the_follow(
        self, users, finland, mailoutbox, django_capture_on_commit_callbacks
    ):
        page = publish_recommendation("R-2099-03", countries=("FI",))
        swede = _follow(_member("reader-sv"), finland, language="sv").user
        english = _follow(_member("reader-en"), page, language="en").user
        # Following both, the recommendation's follow decides.
        finn = _member("reader-fi")
        _follow(finn, finland, language="en")
        _follow(finn, page, language="fi")

        update = self._update(
            impl_of(page, "FI"),
            users["fi-coordinator"],
            Status.PLANNED,
            "Planned for next year.",
            django_capture_on_commit_callbacks,
        )
        when = timezone.localtime(update.created_at)

        def written(language):
            with translation.override(language):
                return formats.date_format(when, "DATETIME_FORMAT")

        assert written("sv") != written("en") != written("fi")
        for user, language in ((swede, "sv"), (english, "en"), (finn, "fi")):
            (message,) = _to(mailoutbox, user)
            assert message.extra_headers["Content-Language"] == language
            assert written(language) in message.body
            others = {"sv", "en", "fi"} - {language}
            assert not any(written(other) in message.body for other in others)

    def test_never_to_someone_who_cannot_view_the_recommendation(
        self, users, finland, mailoutbox, django_capture_on_commit_callbacks
    ):
        # A country-team page outside any space: only superusers may view it.
        hidden = publish_recommendation("R-2099-04", countries=("FI",), audience="country")
        member = _follow(_member("reader-member"), hidden).user
        country_member = _follow(_member("reader-fi"), finland).user
        boss = _member("reader-admin", is_superuser=True)
        _follow(boss, finland)

        self._update(
            impl_of(hidden, "FI"),
            users["fi-coordinator"],
            Status.PLANNED,
            "Secret plan.",
            django_capture_on_commit_callbacks,
        )
        assert _to(mailoutbox, member) == []
        assert _to(mailoutbox, country_member) == []
        assert len(_to(mailoutbox, boss)) == 1
        assert not any("Secret plan." in m.body for m in mailoutbox if m.to != [boss.email])

    def test_members_only_recommendation_reaches_signed_in_followers(
        self, users, mailoutbox, django_capture_on_commit_callbacks
    ):
        page = publish_recommendation("R-2099-05", countries=("FI",), audience="members")
        follower = _follow(_member("reader"), page).user
        self._update(
            impl_of(page, "FI"),
            users["fi-coordinator"],
            Status.PLANNED,
            "",
            django_capture_on_commit_callbacks,
        )
        assert [m.subject for m in _to(mailoutbox, follower)] == [
            "R-2099-05 · Finland: Not started → Planned"
        ]


def _atom(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response, in a test)
    assert root.tag == f"{ATOM}feed"
    return {entry.findtext(f"{ATOM}title"): entry for entry in root.iter(f"{ATOM}entry")}, root


class TestFeeds:
    @pytest.fixture
    def history(self, users):
        fi_coordinator, se_coordinator = users["fi-coordinator"], users["se-coordinator"]
        public = publish_recommendation("R-2099-11", countries=("FI", "SE"))
        members = publish_recommendation("R-2099-12", countries=("FI",), audience="members")
        first = StatusUpdate.objects.create(
            implementation=impl_of(public, "FI"),
            created_at=timezone.now() - datetime.timedelta(hours=1),
            user_name="Seed Person",
            from_status="",
            to_status=Status.NOT_STARTED,
            note="First report.",
        )
        apply_update(
            impl_of(public, "FI"),
            fi_coordinator,
            {"status": Status.IN_PROGRESS},
            note="Law drafted <b>quickly</b> & sent\n\nto parliament.",
        )
        apply_update(impl_of(public, "FI"), fi_coordinator, {}, note="Just a remark, no change.")
        apply_update(
            impl_of(public, "SE"), se_coordinator, {"status": Status.PLANNED}, note="Plan."
        )
        apply_update(
            impl_of(members, "FI"),
            fi_coordinator,
            {"status": Status.PLANNED},
            note="Members note.",
        )
        return public, members, first

    def test_country_feed_lists_its_public_status_changes(self, client_for, history, finland):
        public, _members, first = history
        url = tracker_page().country_url(finland, "country_feed")
        entries, root = _atom(client_for(None).get(url))
        titles = set(entries)
        assert "R-2099-11 · Finland: Not started → In progress" in titles
        assert "R-2099-11 · Finland: Not reported → Not started" in titles
        assert not any("R-2099-12" in title for title in titles)
        assert not any("Sweden" in title for title in titles)
        assert b"Just a remark" not in client_for(None).get(url).content
        assert "Finland" in root.findtext(f"{ATOM}title")

        entry = entries["R-2099-11 · Finland: Not started → In progress"]
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith("http") and link.endswith(public.url + "#country-fi")
        summary = entry.findtext(f"{ATOM}summary")
        assert "&lt;b&gt;quickly&lt;/b&gt; &amp; sent" in summary
        assert "<b>" not in summary
        assert entry.find(f"{ATOM}author").findtext(f"{ATOM}name") == (
            get_user_model().objects.get(username="fi-coordinator").get_full_name()
        )
        ids = [e.findtext(f"{ATOM}id") for e in entries.values()]
        assert len(ids) == len(set(ids))
        first_entry = entries["R-2099-11 · Finland: Not reported → Not started"]
        updated = datetime.datetime.fromisoformat(first_entry.findtext(f"{ATOM}updated"))
        assert updated == first.created_at

    def test_signed_in_readers_get_the_same_public_feed(self, client_for, history, finland):
        url = tracker_page().country_url(finland, "country_feed")
        entries, _root = _atom(client_for("fi-coordinator").get(url))
        assert "R-2099-11 · Finland: Not started → In progress" in entries
        assert not any("R-2099-12" in title for title in entries)

    def test_recommendation_feed_has_every_country(self, client_for, history):
        public, _members, _first = history
        entries, _root = _atom(client_for(None).get(public.url + "feed/"))
        assert {
            "R-2099-11 · Finland: Not started → In progress",
            "R-2099-11 · Sweden: Not started → Planned",
        } <= set(entries)

    def test_members_only_recommendation_has_no_feed(self, client_for, history):
        _public, members, _first = history
        url = members.url + "feed/"
        anonymous = client_for(None).get(url)
        assert anonymous.status_code in (302, 404)
        assert b"Members note" not in anonymous.content
        assert client_for("fi-coordinator").get(url).status_code == 404
        request = RequestFactory().get(url)
        request.user = AnonymousUser()
        from django.http import Http404

        with pytest.raises(Http404):
            RecommendationUpdatesFeed(members)(request)


class TestDigest:
    def test_lists_recent_changes_on_what_each_follows_and_may_view(
        self, users, finland, sweden, mailoutbox
    ):
        fi_coordinator = users["fi-coordinator"]
        public = publish_recommendation("R-2099-21", countries=("FI", "SE"))
        hidden = publish_recommendation("R-2099-22", countries=("FI",), audience="country")
        dropped = publish_recommendation("R-2099-23", countries=("FI", "SE"))
        quiet = publish_recommendation("R-2099-24", countries=("SE",))
        apply_update(impl_of(public, "FI"), fi_coordinator, {"status": Status.PARTLY}, note="Half.")
        apply_update(
            impl_of(hidden, "FI"), fi_coordinator, {"status": Status.PLANNED}, note="Hush."
        )
        apply_update(impl_of(dropped, "FI"), fi_coordinator, {"status": Status.PLANNED}, note="x")
        apply_update(impl_of(public, "FI"), fi_coordinator, {}, note="Remark only.")
        # Finland is no longer addressed by R-2099-23: its change is not news any more.
        dropped.target_countries.set([sweden])
        dropped.save_revision().publish()
        for page in (public, quiet):
            StatusUpdate.objects.create(
                implementation=impl_of(page, "SE"),
                created_at=timezone.now() - datetime.timedelta(days=10),
                user_name="Old News",
                from_status=Status.NOT_STARTED,
                to_status=Status.PLANNED,
                note="Ten days ago.",
            )
        fi_reader = _follow(_member("reader-fi"), finland).user
        rec_reader = _follow(_member("reader-rec"), public).user
        quiet_reader = _follow(_member("reader-quiet"), quiet).user
        hidden_reader = _follow(_member("reader-hidden"), hidden).user
        stranger = _member("stranger")
        mailoutbox.clear()

        out = io.StringIO()
        call_command("send_tracker_digest", stdout=out)

        (rec_digest,) = _to(mailoutbox, rec_reader)
        assert rec_digest.subject == ("Recommendation tracker: 1 status change in the last 7 days")
        body = rec_digest.body
        assert "R-2099-21 Recommendation R-2099-21" in body
        assert "Finland: Not started → Partly implemented" in body
        assert "Half." in body
        assert _absolute(public.url) + "#country-fi" in body
        assert "Ten days ago." not in body and "Remark only." not in body
        # The country's follower reads the same change, and nothing they may not see.
        (fi_digest,) = _to(mailoutbox, fi_reader)
        assert "Finland: Not started → Partly implemented" in fi_digest.body
        for absent in ("R-2099-22", "Hush.", "R-2099-23", "Remark only."):
            assert absent not in fi_digest.body
        for nobody in (quiet_reader, hidden_reader, stranger):
            assert _to(mailoutbox, nobody) == []
        assert f"Sent {len(mailoutbox)} digest email(s)" in out.getvalue()

        mailoutbox.clear()
        call_command("send_tracker_digest", "--days", "14", stdout=io.StringIO())
        (quiet_digest,) = _to(mailoutbox, quiet_reader)
        assert "Sweden: Not started → Planned" in quiet_digest.body
        assert "Ten days ago." in quiet_digest.body
        assert "2 status changes" in _to(mailoutbox, rec_reader)[0].subject


class TestReminders:
    @pytest.fixture
    def coordinators(self, finland, users):
        group = country_groups(finland)[Role.COORDINATORS]
        gone = _member("fi-coordinator-gone", is_active=False)
        no_mail = _member("fi-coordinator-nomail", email="")
        group.user_set.add(gone, no_mail)
        return users["fi-coordinator"], users["se-coordinator"], gone, no_mail

    @pytest.fixture
    def items(self, users):
        today = timezone.localdate()
        now = timezone.now()
        due = publish_recommendation("R-2099-31", countries=("FI", "SE"))
        stale = publish_recommendation("R-2099-32", countries=("FI",), audience="members")
        done = publish_recommendation("R-2099-33", countries=("FI",))
        dropped = publish_recommendation("R-2099-34", countries=("FI", "SE"))
        draft = publish_recommendation("R-2099-35", countries=("FI",))
        hidden = publish_recommendation("R-2099-36", countries=("FI",), audience="country")
        # The demo data's items are out of the way: this test sees only its own.
        Implementation.objects.exclude(recommendation__code__startswith="R-2099-3").update(
            last_reminded_at=now
        )
        Implementation.objects.filter(pk=impl_of(due, "FI").pk).update(
            target_date=today + datetime.timedelta(days=30)
        )
        Implementation.objects.filter(pk=impl_of(due, "SE").pk).update(
            target_date=today - datetime.timedelta(days=10)
        )
        Implementation.objects.filter(pk=impl_of(stale, "FI").pk).update(
            updated_at=now - datetime.timedelta(days=200)
        )
        Implementation.objects.filter(pk=impl_of(done, "FI").pk).update(
            status=Status.IMPLEMENTED, target_date=today - datetime.timedelta(days=5)
        )
        for page in (dropped, draft, hidden):
            Implementation.objects.filter(recommendation=page, country__code="FI").update(
                target_date=today - datetime.timedelta(days=3)
            )
        dropped.target_countries.set(Country.objects.filter(code="SE"))
        dropped.save_revision().publish()
        draft.unpublish()
        return due, stale

    def test_one_email_per_coordinator_with_why_and_where(
        self, coordinators, items, users, mailoutbox, finland, sweden
    ):
        fi_coordinator, se_coordinator, gone, no_mail = coordinators
        due, stale = items
        out = io.StringIO()
        call_command("send_tracker_reminders", stdout=out)

        (fi_mail,) = _to(mailoutbox, fi_coordinator)
        assert "Finland" in fi_mail.subject and "2 items" in fi_mail.subject
        body = fi_mail.body
        target = timezone.localdate() + datetime.timedelta(days=30)
        assert "R-2099-31" in body
        assert f"Due on {formats.date_format(target, 'DATE_FORMAT')}." in body
        assert _absolute(due.update_url(finland)) in body
        assert "R-2099-32" in body and "Not updated since " in body
        assert _absolute(stale.update_url(finland)) in body
        # Settled, no longer addressed, unpublished or not viewable: never reminded.
        for code in ("R-2099-33", "R-2099-34", "R-2099-35", "R-2099-36"):
            assert code not in body
        (se_mail,) = _to(mailoutbox, se_coordinator)
        assert "Overdue by 10 days" in se_mail.body
        assert "R-2099-34" not in se_mail.body  # not overdue for Sweden
        assert "R-2099-32" not in se_mail.body
        for nobody in (gone, users["fi-editor"], users["fi-ministry"]):
            assert _to(mailoutbox, nobody) == []
        assert all(m.to and m.to[0] for m in mailoutbox)
        assert f"Sent {len(mailoutbox)} reminder email(s) about 3 item(s)" in out.getvalue()
        assert impl_of(due, "FI").last_reminded_at is not None
        assert impl_of(stale, "FI").last_reminded_at is not None

    def test_an_item_is_reminded_once_per_every_days(self, coordinators, items, mailoutbox):
        fi_coordinator = coordinators[0]
        due, stale = items
        call_command("send_tracker_reminders", stdout=io.StringIO())
        assert len(_to(mailoutbox, fi_coordinator)) == 1

        mailoutbox.clear()
        out = io.StringIO()
        call_command("send_tracker_reminders", stdout=out)
        assert _to(mailoutbox, fi_coordinator) == []
        assert "Sent 0 reminder email(s) about 0 item(s)" in out.getvalue()

        # Six days on, a weekly reminder waits; seven days on, it comes again.
        now = timezone.now()
        Implementation.objects.filter(pk=impl_of(due, "FI").pk).update(
            last_reminded_at=now - datetime.timedelta(days=6)
        )
        Implementation.objects.filter(pk=impl_of(stale, "FI").pk).update(
            last_reminded_at=now - datetime.timedelta(days=7)
        )
        call_command("send_tracker_reminders", "--every", "7", stdout=io.StringIO())
        (again,) = _to(mailoutbox, fi_coordinator)
        assert "R-2099-32" in again.body and "R-2099-31" not in again.body

        mailoutbox.clear()
        call_command("send_tracker_reminders", "--every", "3", stdout=io.StringIO())
        (sooner,) = _to(mailoutbox, fi_coordinator)
        assert "R-2099-31" in sooner.body and "R-2099-32" not in sooner.body
