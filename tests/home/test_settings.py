import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, Site

from countries.models import CountryPage
from home.models import HubSettings
from tests.practices.factories import publish_practice


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["http://www.yr.no/", "https://localhost/practices/", "javascript:alert(1)", "https://"],
)
def test_quick_exit_must_leave_for_another_https_site(url):
    hub_settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    hub_settings.quick_exit_url = url
    with pytest.raises(ValidationError) as caught:
        hub_settings.full_clean()
    assert "quick_exit_url" in caught.value.message_dict


@pytest.mark.django_db
def test_neutral_https_site_is_accepted():
    hub_settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    hub_settings.quick_exit_url = "https://www.yr.no/"
    hub_settings.full_clean()


@pytest.fixture
def platform(db):
    """A public Finnish practice, published (so it shows when it was last updated)."""
    return publish_practice(
        CountryPage.objects.get(country__code="FI"),
        title="Civil-society platform against human trafficking",
        slug="civil-society-platform",
    )


@pytest.mark.django_db
def test_english_dates_put_the_day_first(client, platform):
    page = Page.objects.get(slug="civil-society-platform").specific
    body = client.get(page.url).content.decode()
    assert re.search(r'<time datetime="[^"]+">\d{1,2} [A-Z][a-z]+ \d{4}</time>', body)
