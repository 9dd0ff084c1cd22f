import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from wagtail.models import Page

from demo.content.home import DEMO_USERS

# The demo itself is what these tests are about.
pytestmark = pytest.mark.usefixtures("demo_content")


@pytest.mark.django_db
def test_seed_demo_is_idempotent():
    before = (Page.objects.count(), get_user_model().objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Page.objects.count(), get_user_model().objects.count()) == before


@pytest.mark.django_db
def test_demo_users_exist_with_the_shared_password(client):
    for row in DEMO_USERS:
        # django-axes needs the request that signs in.
        assert client.login(request=HttpRequest(), username=row[0], password="nordic-demo"), row[0]


@pytest.mark.django_db
def test_seed_demo_refuses_without_development_settings(settings):
    del settings.SEED_DEMO_PASSWORD
    with pytest.raises(CommandError, match="development settings"):
        call_command("seed_demo", verbosity=0)


@pytest.mark.django_db
def test_reset_rebuilds_the_same_demo():
    before = sorted(
        Page.objects.exclude(slug__startswith="matrix-").values_list("url_path", flat=True)
    )
    call_command("seed_demo", "--reset", verbosity=0)
    after = sorted(Page.objects.values_list("url_path", flat=True))
    assert after == before
