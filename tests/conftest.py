"""Shared fixtures: one base per test session (per xdist worker), and the demo for the
tests that are about it.

The base is what every app's tests start from, built by the production commands and the
apps' own factories (never the demo): the home page and the eight spaces with their groups
(``setup_spaces``), the accounts of each role (``tests/countries/factories.py``), the
library, the seminars and the tracker, and one live practice per space. Each test builds
the rest of what it needs with its app's factories, in a transaction that is rolled back.

The tests that look at the site whole (the browser journeys, the HTML check) ask for
``site_content``: one page of each type and state, built by the same factories
(``tests/home/site.py``) for their module and taken away afterwards.

The demo content (``seed_demo``) serves only the tests of the demo itself and the
permission matrix: they ask for ``demo_content``, which seeds it for their module and
takes it away afterwards.
"""

from contextlib import contextmanager

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page

from tests.accounts import sign_in as sign_in_fully
from tests.practices.factories import publish_practice


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        from countries.models import CountryPage
        from home.models import HomePage
        from tests.countries.factories import role_accounts
        from tests.practices.factories import library_index
        from tests.recommendations.factories import tracker_page
        from tests.seminars.factories import seminar_index

        call_command("setup_spaces", verbosity=0)
        role_accounts()
        home = HomePage.objects.get()
        library_index(home)
        seminar_index(home)
        tracker_page()
        # The secretariat runs the sections made after setup_spaces, as the admin's own
        # hook would have granted; the site's settings exist before the first request.
        from wagtail.models import Site

        from countries.permissions import grant_network_section, network_sections
        from home.models import HubSettings

        for section in network_sections(home):
            grant_network_section(section)
        HubSettings.for_site(Site.objects.get(is_default_site=True))
        # Every space gets one live practice for the permission matrix to act on.
        for space in CountryPage.objects.select_related("country"):
            publish_practice(
                space,
                title=f"Matrix subject {space.country.code}",
                slug=f"matrix-subject-{space.country.code.lower()}",
            )
        # Every index exists from the start, as after a deployment's update_index.
        call_command("update_index", verbosity=0)


@contextmanager
def module_content(django_db_blocker):
    """Content for the tests of one module: made inside a transaction that is rolled back
    when the module's tests are done, then the search index and the caches are brought
    back to the base."""
    from django.db import transaction

    from core import caches

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            caches.end_all()
            call_command("update_index", verbosity=0)


@pytest.fixture(scope="module")
def site_content(django_db_setup, django_db_blocker):
    """The whole site of ``tests/home/site.py``, for the tests of one module."""
    from core import caches
    from tests.home.site import build_site

    with module_content(django_db_blocker):
        build_site()
        call_command("update_index", verbosity=0)
        caches.end_all()
        yield


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo content, for the tests of one module."""
    from core import caches
    from practices.models import PracticeIndexPage
    from recommendations.models import TrackerPage
    from seminars.models import SeminarIndexPage

    with module_content(django_db_blocker):
        # The demo makes its own accounts (with its shared password) and sections, not
        # the base's; the base's practice in each space stays for the matrix.
        for index in Page.objects.type(PracticeIndexPage, SeminarIndexPage, TrackerPage):
            index.delete()
        get_user_model().objects.all().delete()
        call_command("seed_demo", verbosity=0)
        caches.end_all()
        yield


@pytest.fixture(autouse=True)
def _source_language_after_each_test():
    """A request in another language leaves it active in the thread: start each test
    from the default, as a fresh process would."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_caches_after_each_test():
    """Rolled-back changes leave no trace in the database, but what was cached from them
    would outlive them (a rollback sends no signal): end every registered cache."""
    yield
    from core import caches

    caches.end_all()


@pytest.fixture
def users(db):
    return {user.username: user for user in get_user_model().objects.all()}


@pytest.fixture
def client_for(client):
    """Return a test client signed in as the named demo user (or anonymous for None); staff
    have passed the second step."""

    def sign_in(username):
        client.logout()
        if username:
            sign_in_fully(client, get_user_model().objects.get(username=username))
        return client

    return sign_in


@pytest.fixture
def page_at():
    def find(url_path):
        return Page.objects.get(url_path=f"/home{url_path}").specific

    return find
