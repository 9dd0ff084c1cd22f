"""Shared fixtures: one seeded database per test session (per xdist worker).

seed_demo runs once, building the eight spaces, the demo accounts of DESIGN §10 and the
demo content; every test then runs in a transaction that is rolled back, so each one
starts from the same tree.
"""

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
        call_command("seed_demo", verbosity=0)
        from countries.models import CountryPage

        # Every space gets one live practice for the permission matrix to act on.
        for space in CountryPage.objects.select_related("country"):
            publish_practice(
                space,
                title=f"Matrix subject {space.country.code}",
                slug=f"matrix-subject-{space.country.code.lower()}",
            )


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
