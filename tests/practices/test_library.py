"""The library at /practices/ and on each country page: filters, counts, sorting, paging,
bad input and the fixed number of SQL queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from countries.models import CountryPage
from tests.practices.factories import publish_practice

YEAR = "1995"  # no demo practice starts then: these tests count only their own


@pytest.fixture
def lib(db):
    spaces = {p.country.code: p for p in CountryPage.objects.select_related("country")}
    common = {"start_year": int(YEAR)}
    return {
        "fi_public": publish_practice(
            spaces["FI"],
            slug="lib-fi",
            title="Alpha Finnish",
            language="fi",
            summary_en="English.",
            forms=["sexual-exploitation"],
            sectors=["police", "ngos"],
            evidence_level="promising",
            **common,
        ),
        "fi_members": publish_practice(
            spaces["FI"],
            slug="lib-fi-m",
            title="Bravo members",
            audience="members",
            forms=["forced-labour"],
            sectors=["labour-inspection"],
            **common,
        ),
        "se_public": publish_practice(
            spaces["SE"],
            slug="lib-se",
            title="Charlie Swedish",
            language="sv",
            summary_en="English.",
            forms=["forced-labour", "forced-criminality"],
            sectors=["police"],
            **common,
        ),
        "no_team": publish_practice(
            spaces["NO"],
            slug="lib-no",
            title="Delta Norwegian team",
            language="nb",
            summary_en="English.",
            audience="country",
            forms=["sexual-exploitation"],
            **common,
        ),
        "dk_public": publish_practice(
            spaces["DK"],
            slug="lib-dk",
            title="Echo Danish",
            language="da",
            summary_en="English.",
            forms=["forced-begging"],
            target_groups=["children"],
            approaches=["protection"],
            **common,
        ),
    }


def _library(client, query=""):
    response = client.get(f"/practices/?year={YEAR}&{query}")
    assert response.status_code == 200
    return response.context["library"]


def _titles(library):
    return [p.title for p in library["results"]]


def _counts(library, facet):
    facet = next(f for f in library["facets"] if f.name == facet)
    return {o.value: o.count for o in facet.options if o.count}


def test_anonymous_sees_only_public_practices_and_counts(lib, client):
    library = _library(client)
    assert sorted(_titles(library)) == ["Alpha Finnish", "Charlie Swedish", "Echo Danish"]
    assert _counts(library, "country") == {"FI": 1, "SE": 1, "DK": 1}
    assert _counts(library, "form") == {
        "sexual-exploitation": 1,
        "forced-labour": 1,
        "forced-criminality": 1,
        "forced-begging": 1,
    }
    assert _counts(library, "language") == {"fi": 1, "sv": 1, "da": 1}


def test_members_see_members_practices_in_results_and_counts(lib, client_for):
    library = _library(client_for("expert-police"))
    assert "Bravo members" in _titles(library)
    assert "Delta Norwegian team" not in _titles(library)
    assert _counts(library, "form")["forced-labour"] == 2


def test_country_team_sees_its_own_team_practice(lib, client_for):
    library = _library(client_for("no-coordinator"))
    assert "Delta Norwegian team" in _titles(library)
    assert _counts(library, "country")["NO"] == 1
    assert "Delta Norwegian team" not in _titles(_library(client_for("se-coordinator")))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=FI", ["Alpha Finnish"]),
        ("form=forced-labour", ["Charlie Swedish"]),
        ("group=children", ["Echo Danish"]),
        ("sector=police", ["Alpha Finnish", "Charlie Swedish"]),
        ("approach=protection", ["Echo Danish"]),
        ("evidence=promising", ["Alpha Finnish"]),
        ("language=sv", ["Charlie Swedish"]),
        ("country=FI&country=SE", ["Alpha Finnish", "Charlie Swedish"]),
        ("country=FI&country=SE&form=forced-labour", ["Charlie Swedish"]),
        ("sector=police&language=fi", ["Alpha Finnish"]),
        ("form=forced-begging&country=FI", []),
    ],
)
def test_filters(lib, client, query, expected):
    assert sorted(_titles(_library(client, query))) == expected


def test_facet_counts_follow_the_other_filters(lib, client):
    library = _library(client, "country=FI")
    # Choosing a country keeps the other countries' counts (to widen the choice)...
    assert _counts(library, "country") == {"FI": 1, "SE": 1, "DK": 1}
    # ...while the other facets count within Finland only.
    assert _counts(library, "form") == {"sexual-exploitation": 1}
    assert _counts(library, "sector") == {"police": 1, "ngos": 1}


def test_filters_are_kept_in_links(lib, client):
    body = client.get(f"/practices/?year={YEAR}&country=FI&sort=title").content.decode()
    assert 'value="FI" id="f-country-' in body and "checked" in body
    assert f"export/csv/?country=FI&amp;year={YEAR}&amp;sort=title" in body


def test_sorting(lib, client):
    assert _titles(_library(client, "sort=title")) == [
        "Alpha Finnish",
        "Charlie Swedish",
        "Echo Danish",
    ]
    by_country = _titles(_library(client, "sort=country"))
    assert by_country == ["Echo Danish", "Alpha Finnish", "Charlie Swedish"]  # DK, FI, SE
    assert _titles(_library(client))[0] == "Echo Danish"  # newest first


def test_pagination(db, client):
    finland = CountryPage.objects.get(country__code="FI")
    for number in range(25):
        publish_practice(finland, slug=f"paged-{number}", start_year=1994)
    first = client.get("/practices/?year=1994").context["library"]
    assert len(first["results"]) == 20
    assert first["paginator"].count == 25
    second = client.get("/practices/?year=1994&page=2").context["library"]
    assert len(second["results"]) == 5
    assert 'rel="prev"' in client.get("/practices/?year=1994&page=2").content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "form=no-such-form",
        "country=XX",
        "year=abcd",
        "year=99999",
        "page=abc",
        "page=99999999999999999999",
        "page=-1",
        "page=" + "9" * 5000,
        "sort=drop%20table",
        "form=" + "x" * 10000,
        "&".join(["form=forced-labour"] * 200),
        "language=%00%01",
        "q=%3Cscript%3E",
    ],
)
def test_bad_input_gives_a_normal_page(lib, client, query):
    response = client.get(f"/practices/?{query}")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</header>", 1)[-1]


def test_unknown_filter_values_are_reported(lib, client):
    body = client.get("/practices/?form=no-such-form").content.decode()
    assert "were not recognised" in body


def test_country_page_lists_its_own_practices_with_filters(lib, client):
    response = client.get(f"/countries/finland/?year={YEAR}")
    library = response.context["library"]
    assert _titles(library) == ["Alpha Finnish"]
    assert all(f.name != "country" for f in library["facets"])
    assert "export/csv/?country=FI" in response.content.decode()


@pytest.fixture
def hub_settings(db):
    """The site's settings, as a set-up site has them (made on first use otherwise, which
    would count as queries of the first request only)."""
    from wagtail.models import Site

    from home.models import HubSettings

    return HubSettings.for_site(Site.objects.get(is_default_site=True))


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "url", ["/practices/?year=1993", "/practices/", "/countries/finland/?year=1993"]
)
def test_query_count_does_not_grow_with_practices(hub_settings, client_for, url):
    finland = CountryPage.objects.get(country__code="FI")
    client = client_for("fi-ministry")
    for number in range(10):
        publish_practice(
            finland,
            slug=f"q-{number}",
            start_year=1993,
            forms=["forced-labour"],
            sectors=["police"],
        )
    client.get(url)  # warm caches that are not per-request
    with_ten = _queries(client, url)
    for number in range(10, 100):
        publish_practice(
            finland,
            slug=f"q-{number}",
            start_year=1993,
            forms=["forced-labour"],
            sectors=["police"],
        )
    client.get(url)  # publishing started a new content generation: warm its caches
    assert _queries(client, url) == with_ten


def test_practice_page_query_count_is_bounded(hub_settings, client_for):
    finland = CountryPage.objects.get(country__code="FI")
    page = publish_practice(finland, slug="q-page", forms=["forced-labour"])
    client = client_for("fi-ministry")
    client.get(page.url)
    first = _queries(client, page.url)
    for number in range(30):
        publish_practice(finland, slug=f"q-sim-{number}", forms=["forced-labour"])
    client.get(page.url)  # publishing started a new content generation: warm its caches
    assert _queries(client, page.url) == first


def test_country_page_without_library_index_offers_no_broken_export_links(lib, client):
    from practices.models import PracticeIndexPage

    PracticeIndexPage.objects.update(live=False)
    body = client.get("/countries/finland/").content.decode()
    assert "export/csv/" not in body
    assert "None" not in body.split('id="library-results"', 1)[1]


def test_counts_are_kept_per_audience_and_end_with_a_publish(lib, client_for):
    """The counts are kept for everyone who may view the same practices: one audience's
    counts never reach another, and a publish is counted at once."""
    member = _library(client_for("expert-police"))
    assert _counts(member, "form")["sexual-exploitation"] == 1
    assert member["paginator"].count == 4
    team = _library(client_for("no-coordinator"))  # also sees Norway's team practice
    assert _counts(team, "form")["sexual-exploitation"] == 2
    assert team["paginator"].count == 5
    # Kept: the same counts again without counting queries.
    with CaptureQueriesContext(connection) as kept:
        again = _library(client_for("expert-police"))
    assert _counts(again, "form") == _counts(member, "form")
    assert again["paginator"].count == 4
    assert not any("COUNT(" in query["sql"] for query in kept.captured_queries)
    # A publish ends them.
    spaces = {p.country.code: p for p in CountryPage.objects.select_related("country")}
    publish_practice(
        spaces["SE"],
        slug="lib-se-2",
        title="Foxtrot Swedish",
        forms=["sexual-exploitation"],
        start_year=int(YEAR),
    )
    after = _library(client_for("expert-police"))
    assert _counts(after, "form")["sexual-exploitation"] == 2
    assert after["paginator"].count == 5
    assert "Foxtrot Swedish" in _titles(after)


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        (
            "expert-police",  # a member: not Norway's team
            {
                "titles": ["Alpha Finnish"],
                "total": 1,
                "country": {"FI": 1},
                "form": {"sexual-exploitation": 1, "forced-labour": 1},
                "sector": {"police": 1, "ngos": 1},
                "language": {"fi": 1},
            },
        ),
        (
            "no-coordinator",  # Norway's team also sees its team practice
            {
                "titles": ["Alpha Finnish", "Delta Norwegian team"],
                "total": 2,
                "country": {"FI": 1, "NO": 1},
                "form": {"sexual-exploitation": 2, "forced-labour": 1},
                "sector": {"police": 1, "ngos": 1},
                "language": {"fi": 1, "nb": 1},
            },
        ),
        (
            None,  # anonymous: neither the members' nor the team's practice
            {
                "titles": ["Alpha Finnish"],
                "total": 1,
                "country": {"FI": 1},
                "form": {"sexual-exploitation": 1},
                "sector": {"police": 1, "ngos": 1},
                "language": {"fi": 1},
            },
        ),
    ],
)
def test_counts_with_several_filters_cover_only_what_the_visitor_may_view(
    lib, client_for, username, expected
):
    """Each chosen facet counts without itself, the others with every filter, the total
    with all: never a practice the visitor may not view."""
    library = _library(client_for(username), "country=NO&country=FI&form=sexual-exploitation")
    assert sorted(_titles(library)) == expected["titles"]
    assert library["paginator"].count == expected["total"]
    for facet in ("country", "form", "sector", "language"):
        assert _counts(library, facet) == expected[facet], facet


def test_counts_of_a_filter_that_hides_everything_visible(lib, client_for):
    """The members' practice is the only one in labour inspection: an anonymous visitor
    gets no practice and no count of it, a member gets both."""
    query = "form=forced-labour&sector=labour-inspection"
    anonymous = _library(client_for(None), query)
    assert _titles(anonymous) == []
    assert anonymous["paginator"].count == 0
    assert _counts(anonymous, "form") == {}
    assert _counts(anonymous, "sector") == {"police": 1}
    assert _counts(anonymous, "country") == {}
    member = _library(client_for("expert-police"), query)
    assert _titles(member) == ["Bravo members"]
    assert member["paginator"].count == 1
    assert _counts(member, "form") == {"forced-labour": 1}
    assert _counts(member, "sector") == {"police": 1, "labour-inspection": 1}
    assert _counts(member, "country") == {"FI": 1}


@pytest.mark.parametrize(
    "query",
    [
        "",
        "country=FI",
        "country=FI&form=forced-labour&sector=police&language=fi&evidence=promising",
    ],
)
def test_counts_take_one_query_whatever_the_filters(lib, client_for, query):
    """Every facet and the number of practices are counted in one statement, however many
    filters are chosen (the visible practices are read once)."""
    client = client_for("expert-police")
    with CaptureQueriesContext(connection) as captured:
        _library(client, query)
    assert sum("COUNT(" in q["sql"] for q in captured.captured_queries) == 1


@pytest.mark.parametrize("sort", ["", "title", "country"])
def test_pages_follow_the_sort_and_hold_only_what_may_be_viewed(db, client_for, sort):
    """A page is read as the ids of its practices, then those practices: the pages, end to
    end, are the sorted list of what the visitor may view, each practice once."""
    spaces = {p.country.code: p for p in CountryPage.objects.select_related("country")}
    for number in range(28):
        publish_practice(
            spaces[("FI", "SE", "DK")[number % 3]],
            slug=f"sorted-{number}",
            title=f"Sorted {number:02d}",
            start_year=1992,
            audience="members" if number % 5 == 0 else "public",
        )
    client = client_for(None)
    order = f"&sort={sort}" if sort else ""
    pages = [
        client.get(f"/practices/?year=1992{order}&page={n}").context["library"] for n in (1, 2)
    ]
    listed = [p.title for library in pages for p in library["results"]]
    assert pages[0]["paginator"].count == len(listed) == 22  # 6 practices are for members
    assert len(set(listed)) == len(listed)
    assert not any(int(title.split()[1]) % 5 == 0 for title in listed)
    if sort == "title":
        assert listed == sorted(listed)
    if sort == "country":  # Denmark, Finland, Sweden; by title within each
        countries = [p.country_page.country.code for lib in pages for p in lib["results"]]
        assert countries == sorted(countries, key=("DK", "FI", "SE").index)


@pytest.mark.parametrize("username", [None, "expert-police", "no-coordinator"])
def test_counts_built_on_the_list_before_a_filter_equal_counts_made_afresh(
    lib, client_for, username
):
    """A chosen facet's counts are taken from the kept counts of the list without its
    filter, when there are some: the same counts as read afresh, for every audience."""
    from core import caches
    from practices.library import COUNTS

    client = client_for(username)
    steps = ["", "country=FI", "country=FI&country=NO", "country=FI&country=NO&form=forced-labour"]
    steps += ["sector=police", "sector=police&language=fi"]

    def everything(library):
        counts = {
            f.name: {o.value: o.count for o in f.options if o.count} for f in library["facets"]
        }
        return counts, library["paginator"].count, sorted(_titles(library))

    # Every other cache ended before each page (an anonymous visitor's pages are kept
    # whole), so that each page is built and counts.
    others = [cache for cache in caches.registered().values() if cache is not COUNTS]
    fresh = {}
    for query in steps:
        caches.end_all()  # nothing kept: every count read from the database
        fresh[query] = everything(_library(client, query))
    caches.end_all()
    for query in steps:  # one filter more each time: the counts before it are kept
        caches.end(*others)
        assert everything(_library(client, query)) == fresh[query], query
