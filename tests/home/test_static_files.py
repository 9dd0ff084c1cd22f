"""Static files in development (DEBUG on): a path that leaves the static folders is not
found, never a server error, through the URL configuration and through runserver."""

import importlib

import pytest
from django.test import RequestFactory, override_settings
from django.urls import clear_url_caches

import hub.urls
from home.management.commands.runserver import Command as RunserverCommand

TRAVERSALS = [
    "/static/%2e%2e/admin/",
    "/static/../settings.py",
    "/static/%2e%2e/hub/settings/base.py",
    "/static/..%2fhub%2fsettings%2fbase.py",
    "/static/css/%2e%2e/%2e%2e/settings/base.py",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
]


@pytest.fixture
def development_urls():
    """hub.urls as the development server loads it: with DEBUG on, so its DEBUG-only
    patterns are in; loaded afresh again without them afterwards."""
    with override_settings(DEBUG=True, ROOT_URLCONF="hub.urls"):
        importlib.reload(hub.urls)
        clear_url_caches()
        assert any("static" in str(p.pattern) for p in hub.urls.urlpatterns)
        yield
    importlib.reload(hub.urls)
    clear_url_caches()


@pytest.mark.parametrize("path", TRAVERSALS)
def test_a_path_out_of_the_static_folders_is_not_found(db, development_urls, client, path):
    assert client.get(path).status_code == 404


def test_a_static_file_is_served(db, development_urls, client):
    response = client.get("/static/css/hub.css")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)


@pytest.fixture
def runserver_handler():
    """The handler ``manage.py runserver`` serves with, static files included."""
    with override_settings(DEBUG=True):
        yield RunserverCommand().get_handler(use_static_handler=True, insecure_serving=False)


@pytest.mark.parametrize("path", TRAVERSALS)
def test_runserver_answers_not_found_to_a_path_out_of_the_static_folders(runserver_handler, path):
    response = runserver_handler.get_response(RequestFactory().get(path))
    assert response.status_code == 404


def test_runserver_serves_a_static_file(runserver_handler):
    response = runserver_handler.get_response(RequestFactory().get("/static/css/hub.css"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content)
    # Not response.close(): it would signal the end of a request to the database layer.
    response.file_to_stream.close()


def test_development_static_files_are_asked_again_each_time(
    runserver_handler, db, development_urls, client
):
    """``make run`` serves the CSS as it is now: a browser keeps no unchecked copy of a
    file whose name does not change with it, and asks again with the date it has (a 304
    while the file is unchanged)."""
    factory = RequestFactory()
    response = runserver_handler.get_response(factory.get("/static/css/hub.css"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache"
    assert response["Last-Modified"]
    response.file_to_stream.close()
    again = runserver_handler.get_response(
        factory.get("/static/css/hub.css", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    )
    assert again.status_code == 304
    # The same through the URL configuration (hub/urls.py under DEBUG).
    through_urls = client.get("/static/css/hub.css")
    assert through_urls["Cache-Control"] == "no-cache"
    through_urls.close()
