"""Generations (core/generations.py): read once per request, and values keyed by one
kept in each process too, as copies, for a bounded time and number."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.models import Site

from core import generations


@pytest.fixture(autouse=True)
def _empty_local(monkeypatch):
    monkeypatch.setattr(generations, "_local", type(generations._local)())


def test_each_caller_gets_its_own_copy():
    generations.set("test:gen:copy", {"title": "Original"}, 60)
    mine = generations.get("test:gen:copy")
    mine["title"] = "Changed by one request"
    assert generations.get("test:gen:copy") == {"title": "Original"}


def test_a_value_stored_by_another_process_is_read_from_the_shared_cache():
    cache.set("test:gen:other", ["from elsewhere"], 60)
    assert generations.get("test:gen:other") == ["from elsewhere"]
    cache.delete("test:gen:other")
    assert generations.get("test:gen:other") == ["from elsewhere"]  # now kept here too


def test_what_a_process_keeps_expires(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(generations.time, "monotonic", lambda: now[0])
    generations.set("test:gen:expiring", "kept", 3600)
    cache.delete("test:gen:expiring")
    assert generations.get("test:gen:expiring") == "kept"
    now[0] += generations.LOCAL_SECONDS + 1
    assert generations.get("test:gen:expiring") is None


def test_a_process_keeps_a_bounded_number(monkeypatch):
    monkeypatch.setattr(generations, "LOCAL_ENTRIES", 3)
    for number in range(5):
        generations.set(f"test:gen:many:{number}", number, 60)
        cache.delete(f"test:gen:many:{number}")
    assert [generations.get(f"test:gen:many:{n}") for n in range(5)] == [None, None, 2, 3, 4]


def _seen_during_a_request(change):
    """The generation a request reads first and last, with ``change`` made in between."""
    seen = []

    def view(request):
        seen.append(generations.current("test-memo"))
        change()
        seen.append(generations.current("test-memo"))
        return HttpResponse()

    generations.GenerationMiddleware(view)(RequestFactory().get("/"))
    return seen


def test_another_process_s_change_is_seen_by_the_next_request():
    before = generations.current("test-memo")

    def elsewhere():
        cache.set(generations._key("test-memo"), before + 1, None)

    assert _seen_during_a_request(elsewhere) == [before, before]
    assert _seen_during_a_request(lambda: None) == [before + 1, before + 1]


def test_a_change_made_by_the_request_itself_is_seen_at_once():
    first, then = _seen_during_a_request(lambda: generations.bump("test-memo"))
    assert then != first
    assert generations.current("test-memo") == then


def test_outside_a_request_every_read_goes_to_the_cache():
    before = generations.current("test-memo")
    cache.set(generations._key("test-memo"), before + 5, None)
    assert generations.current("test-memo") == before + 5


@pytest.mark.django_db
def test_a_changed_site_is_seen_by_the_next_request(client):
    first = client.get("/").wsgi_request._wagtail_site
    site = Site.objects.get(pk=first.pk)
    site.site_name = "A renamed hub"
    site.save()
    assert client.get("/").wsgi_request._wagtail_site.site_name == "A renamed hub"


@pytest.mark.django_db
def test_the_health_check_does_not_look_up_the_site(client):
    assert not hasattr(client.get("/healthz").wsgi_request, "_wagtail_site")


def test_generations_read_together_are_each_right():
    def read(*names):
        seen = {}

        def view(request):
            seen.update({name: generations.current(name) for name in names})
            return HttpResponse()

        generations.GenerationMiddleware(view)(RequestFactory().get("/"))
        return seen

    first = read("test-one", "test-two")
    cache.delete(generations._key("test-one"))  # evicted, say
    generations.bump("test-two")
    second = read("test-two", "test-one")
    assert second["test-one"] is not None and second["test-one"] != first["test-one"]
    assert second["test-two"] == generations.current("test-two") != first["test-two"]


def test_a_process_keeps_a_bounded_size(monkeypatch):
    monkeypatch.setattr(generations, "LOCAL_BYTES", 250)
    for number in range(5):
        generations.set(f"test:gen:sized:{number}", f"{number}" * 100, 60)
        cache.delete(f"test:gen:sized:{number}")
    assert generations.local_size() == (2, 200)
    assert [generations.get(f"test:gen:sized:{n}") for n in range(5)] == [
        None,
        None,
        None,
        "3" * 100,
        "4" * 100,
    ]


def test_a_value_too_large_to_keep_is_read_from_the_shared_cache(monkeypatch):
    monkeypatch.setattr(generations, "LOCAL_BYTES_EACH", 50)
    generations.set("test:gen:large", "x" * 51, 60)
    generations.set("test:gen:small", "y" * 50, 60)
    assert generations.local_size() == (1, 50)
    assert generations.get("test:gen:large") == "x" * 51  # from the shared cache
    cache.delete("test:gen:large")
    assert generations.get("test:gen:large") is None


def test_a_value_stored_again_is_counted_once():
    generations.set("test:gen:again", "a" * 10, 60)
    generations.set("test:gen:again", "b" * 30, 60)
    assert generations.local_size() == (1, 30)


def test_what_expired_is_dropped_not_only_ignored(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(generations.time, "monotonic", lambda: now[0])
    for number in range(3):
        generations.set(f"test:gen:old:{number}", "old", 3600)
    now[0] += generations.LOCAL_SECONDS + 1
    generations.set("test:gen:new", "new", 3600)
    assert generations.local_size() == (1, 3)
