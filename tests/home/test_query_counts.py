"""Every page renders in a bounded number of SQL queries, whoever asks.

The anonymous page cache is off, so each request renders; the first request warms the
per-process caches and the cached parts of pages (core/fragments.py), and the second is
the one counted, as on a running server.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

MAX_QUERIES = 15

PAGES = [
    "/",
    "/practices/",
    "/countries/finland/",
    "/countries/finland/civil-society-platform/",
    "/seminars/helsinki-2021/",
    # A word only the seeded content has: rolled-back pages of other tests stay in the
    # Whoosh index, and a broad word's hits (and their page types) changed with test order.
    "/search/?q=barnahus",
    "/recommendations/",
    "/recommendations/countries/fi/",
    "/recommendations/nordic-network-of-coordinators/",
]
USERS = [None, "expert-ngo", "fi-coordinator"]


@pytest.fixture(autouse=True)
def site_content(db):
    """What the pages show: a Barnahus practice in Finland's space and one in Sweden's, a
    past seminar with a programme of speakers and a document, the recommendations it
    issued (addressed to every Nordic country), the site's settings, and a search index
    that holds them."""
    from wagtail.models import Site

    from countries.models import Country, CountryPage
    from home.models import HubSettings
    from seminars.models import Person
    from tests.home.factories import text_document
    from tests.practices.factories import publish_practice
    from tests.recommendations.factories import publish_recommendation
    from tests.seminars.factories import past_helsinki_seminar, programme

    HubSettings.for_site(Site.objects.get(is_default_site=True))
    finland = CountryPage.objects.get(country__code="FI")
    sweden = CountryPage.objects.get(country__code="SE")
    publish_practice(
        finland,
        title="Civil society platform",
        slug="civil-society-platform",
        summary="A platform of NGOs that refers children to the Barnahus.",
        forms=["forced-labour"],
    )
    publish_practice(sweden, title="Barnahus for trafficked children", slug="barnahus")
    document = text_document("Seminar report", "Root", "report.txt", "The seminar report.")
    people = [
        Person.objects.create(name=name, country=Country.objects.get(code=code))
        for name, code in (("Aino Virtanen", "FI"), ("Lars Berg", "SE"), ("Kari Dahl", "NO"))
    ]
    seminar = past_helsinki_seminar(programme(2, 3, people, document))
    nordic = ("DK", "FI", "IS", "NO", "SE")
    publish_recommendation(
        "R-2021-01",
        countries=nordic,
        title="Nordic network of coordinators",
        slug="nordic-network-of-coordinators",
        source_seminar=seminar,
        source_report="",
    )
    for number in range(2, 6):
        publish_recommendation(
            f"R-2021-0{number}", countries=nordic, source_seminar=seminar, source_report=""
        )
    call_command("update_index", backend_name="default", stdout=StringIO(), verbosity=0)


def _count(client, url):
    client.get(url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, captured.captured_queries


def _listing(queries):
    return "\n".join(f"  {query['sql'][:120]}" for query in queries)


@pytest.fixture
def uncached(settings):
    settings.PAGE_CACHE_SECONDS = 0
    return settings


@pytest.mark.django_db
@pytest.mark.parametrize("username", USERS)
@pytest.mark.parametrize("url", PAGES)
def test_page_renders_in_few_queries(client_for, uncached, url, username):
    response, queries = _count(client_for(username), url)

    assert response.status_code == 200
    assert len(queries) <= MAX_QUERIES, (
        f"{url} as {username or 'anonymous'}: {len(queries)} queries\n{_listing(queries)}"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("username", USERS)
def test_search_on_database_backend_renders_in_few_queries(client_for, uncached, username):
    backends = uncached.SEARCH_BACKENDS
    uncached.WAGTAILSEARCH_BACKENDS = {
        "default": backends["database"],
        "whoosh": backends["whoosh"],
    }
    url = "/search/?q=barnahus"

    response, queries = _count(client_for(username), url)

    assert response.status_code == 200
    assert len(queries) <= MAX_QUERIES, (
        f"{url} (database backend) as {username or 'anonymous'}: {len(queries)} queries\n"
        f"{_listing(queries)}"
    )
