"""The hub with its Redis cache unreachable: every kind of page still serves (uncached),
to anonymous visitors and members alike, publishing works and is seen at once, a
restricted page stays restricted, and /healthz says "degraded" with a 200."""

import json

import pytest
import redis
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import Client

from core import redis_cache
from core.pagecache import CACHE_HEADER
from countries.models import CountryPage
from tests.accounts import sign_in
from tests.countries.factories import PASSWORD
from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db

DEAD_CACHE = {
    "default": {
        "BACKEND": "core.redis_cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
    }
}
PRACTICE = "/countries/finland/cache-outage-practice/"
PAGES = {
    "home": ("/", "Nordic THB"),
    "library": ("/practices/", "Cache outage practice"),
    "practice": (PRACTICE, "Cache outage practice"),
    "search": ("/search/?q=outage", "Cache outage practice"),
    "country": ("/countries/finland/", "Finland"),
}


@pytest.fixture
def connects(monkeypatch):
    """The connections tried to Redis, counted."""
    attempts = []
    connect = redis.connection.AbstractConnection.connect

    def counted(self, *args, **kwargs):
        attempts.append(self)
        return connect(self, *args, **kwargs)

    monkeypatch.setattr(redis.connection.AbstractConnection, "connect", counted)
    return attempts


@pytest.fixture
def dead_cache(settings, monkeypatch):
    monkeypatch.setattr(redis_cache, "_breakers", {})
    settings.CACHES = DEAD_CACHE


@pytest.fixture
def finland():
    return CountryPage.objects.get(country__code="FI")


@pytest.fixture
def practice(finland):
    return publish_practice(finland, title="Cache outage practice", slug="cache-outage-practice")


@pytest.fixture
def member(client):
    return sign_in(client, get_user_model().objects.get(username="fi-coordinator"))


@pytest.mark.parametrize("kind", PAGES)
def test_every_kind_of_page_serves_to_an_anonymous_visitor(client, practice, dead_cache, kind):
    path, text = PAGES[kind]
    for _ in range(2):
        response = client.get(path)
        assert response.status_code == 200
        assert text in response.content.decode()
        assert response.get(CACHE_HEADER) != "hit"


@pytest.mark.parametrize("kind", PAGES)
def test_every_kind_of_page_serves_to_a_member(member, practice, dead_cache, kind):
    path, text = PAGES[kind]
    response = member.get(path)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_a_dead_cache_is_tried_once_not_on_every_request(client, practice, dead_cache, connects):
    for path, _text in PAGES.values():
        assert client.get(path).status_code == 200
    assert len(connects) == 1


def test_publishing_works_and_is_seen_at_once(client, practice, dead_cache, finland):
    assert client.get(PRACTICE).status_code == 200
    practice.title = "Cache outage practice, renamed"
    practice.save_revision().publish()
    assert "Cache outage practice, renamed" in client.get(PRACTICE).content.decode()
    publish_practice(finland, title="Published in the outage", slug="published-in-the-outage")
    response = client.get("/countries/finland/published-in-the-outage/")
    assert response.status_code == 200
    assert "Published in the outage" in client.get("/practices/").content.decode()


def test_a_members_page_stays_for_members(client, member, finland, dead_cache):
    publish_practice(finland, title="For members", slug="for-members", audience="members")
    path = "/countries/finland/for-members/"
    assert "For members" in member.get(path).content.decode()
    member.logout()
    response = client.get(path)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_health_reports_the_cache_degraded_and_the_hub_serving(client, dead_cache):
    response = client.get("/healthz")
    body = json.loads(response.content)
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["cache"]["degraded"] is True
    assert all(body["checks"][name]["ok"] for name in ("database", "search", "tasks"))


def test_health_reports_a_reachable_cache_ok(client, settings, monkeypatch):
    monkeypatch.setattr(redis_cache, "_breakers", {})
    settings.CACHES = {"default": {**DEAD_CACHE["default"], "LOCATION": "redis://127.0.0.1:6379/9"}}
    body = json.loads(client.get("/healthz").content)
    assert body["checks"]["cache"]["ok"] is True
    assert "degraded" not in body["checks"]["cache"]


def test_a_database_down_still_fails_health_with_the_cache_down(client, dead_cache, monkeypatch):
    from django.db import connection

    def refuse(*args, **kwargs):
        raise connection.Database.OperationalError("server closed the connection")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    body = json.loads(response.content)
    assert response.status_code == 503
    assert body["status"] == "failing"
    assert body["checks"]["cache"]["degraded"] is True


# --- What decides, and must not lean on the cache --------------------------------------


def test_the_sign_in_throttle_still_locks_out(client, dead_cache):
    """django-axes counts failures in the database (its default handler): a dead cache
    neither breaks the sign-in nor lifts the lock."""
    for _attempt in range(django_settings.AXES_FAILURE_LIMIT):
        client.post("/account/login/", {"username": "expert-ngo", "password": "wrong"})
    right = client.post("/account/login/", {"username": "expert-ngo", "password": PASSWORD})
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    other = client.post("/account/login/", {"username": "expert-police", "password": PASSWORD})
    assert other.status_code == 302


def test_pairing_mails_fail_closed(dead_cache, mailoutbox):
    """The pause between pairing emails is kept in the cache: without it none is sent
    (the person is asked to wait), rather than any number."""
    client = Client()
    client.force_login(get_user_model().objects.get(username="fi-coordinator"))
    page = client.get("/account/two-factor/setup/", {"next": "/admin/"})
    assert page.status_code == 200
    assert "Wait a minute" in page.content.decode()
    again = client.post("/account/two-factor/setup/", {"resend": "1", "next": "/admin/"})
    assert again.status_code == 429
    assert mailoutbox == []
