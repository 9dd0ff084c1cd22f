"""The web side of a database outage: whatever the database's failure interrupts, in a
view or in a middleware, answers 503 with Retry-After and the error page (rendered
without the database, in the visitor's language); pages kept for anonymous visitors still
answer 200, and the first request after the database returns works."""

import traceback
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import InterfaceError, OperationalError, ProgrammingError, connection
from django.test import Client

from core.pagecache import CACHE_HEADER
from home.views import RETRY_AFTER_SECONDS
from tests.accounts import sign_in

pytestmark = pytest.mark.django_db

ERROR_PAGE = "problem with the service"


def refuse(*args, **kwargs):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")


def browser():
    return Client(raise_request_exception=False)


def assert_unavailable(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    assert ERROR_PAGE in response.content.decode()
    assert "data-quick-exit" in response.content.decode()


def test_an_uncached_page_answers_503_while_the_database_is_down(monkeypatch):
    client = browser()
    with monkeypatch.context() as down:
        down.setattr(connection, "cursor", refuse)
        response = client.get("/practices/")
    assert_unavailable(response)
    assert isinstance(response.exc_info[1], OperationalError)
    assert client.get("/practices/").status_code == 200  # the database is back


def test_a_database_error_in_a_middleware_answers_503(monkeypatch):
    client = browser()
    sign_in(client, get_user_model().objects.get(username="fi-coordinator"))
    with monkeypatch.context() as down:
        down.setattr(connection, "cursor", refuse)
        response = client.get("/practices/")
    assert_unavailable(response)
    # Raised while a middleware read the session, before any view ran.
    frames = [frame.filename for frame in traceback.extract_tb(response.exc_info[2])]
    assert any(name.endswith("home/security.py") for name in frames)
    assert not any(name.endswith("wagtail/views.py") for name in frames)
    assert client.get("/practices/").status_code == 200


def test_the_error_page_speaks_the_visitors_language(monkeypatch):
    with monkeypatch.context() as down:
        down.setattr(connection, "cursor", refuse)
        response = browser().get("/practices/", HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 503
    assert "Valitettavasti palvelussa on häiriö" in response.content.decode()
    assert '<html lang="fi">' in response.content.decode()


def test_a_page_kept_for_anonymous_visitors_still_answers(monkeypatch):
    assert browser().get("/practices/")[CACHE_HEADER] == "miss"
    with monkeypatch.context() as down:
        down.setattr(connection, "cursor", refuse)
        response = browser().get("/practices/")
    assert response.status_code == 200
    assert response[CACHE_HEADER] == "hit"


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (OperationalError("canceling statement due to statement timeout"), 503),
        (OperationalError("database is locked"), 503),
        (InterfaceError("connection already closed"), 503),
        (ProgrammingError('relation "home_hubsettings" does not exist'), 500),
        (RuntimeError("a bug"), 500),
    ],
    ids=["statement-timeout", "locked", "connection-closed", "programming", "bug"],
)
def test_only_the_databases_unavailability_is_a_503(error, status):
    with mock.patch("home.views.absolute_url", side_effect=error):
        response = browser().get("/robots.txt")
    assert response.status_code == status
    assert ERROR_PAGE in response.content.decode()
    assert response.has_header("Retry-After") is (status == 503)


def test_an_error_raised_from_a_database_error_is_a_503():
    def fail(path):
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError as error:
            raise RuntimeError("could not build the link") from error

    with mock.patch("home.views.absolute_url", side_effect=fail):
        assert browser().get("/robots.txt").status_code == 503


def test_kept_connections_are_checked_before_reuse(settings):
    """With CONN_MAX_AGE keeping connections, one that died with a database restart is
    replaced at the next request's first query instead of failing that request."""
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
