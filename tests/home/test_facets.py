"""The one faceted-filter system (``core.filters``) that the library, the search page,
the tracker's matrix, its API and exports, and the seminar index declare their filters
with: reading a query string, the options a page shows, and the links it writes."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from core.filters import (
    Facet,
    FacetGroup,
    FacetSet,
    Filters,
    Option,
    language_facet,
    refused,
    year_facet,
)
from practices import library
from recommendations import api, matrix
from search import facets as search_facets
from search import service
from seminars import listing

COLOURS = Facet("colour", "Colour", [("RED", "Red"), ("blue", "Blue"), ("green", "Green")])
FACETS = FacetSet(COLOURS, year_facet("year", "Year"), max_values=2)


def test_codes_match_whatever_their_case_and_are_kept_as_stored():
    filters = FACETS.clean(QueryDict("colour=red&colour=BLUE&colour=Red&year=2024"))
    assert filters.valid
    assert filters.selected == {"colour": ["RED", "blue"], "year": ["2024"]}


def test_a_value_naming_nothing_is_reported_with_the_facets_label():
    filters = FACETS.clean(QueryDict("colour=mauve&year=24&colour=red"))
    assert not filters.valid and filters.chosen
    assert filters.selected == {"colour": ["RED"]}
    assert filters.problems() == [
        "Colour: “mauve” is not one of the choices.",
        "Year: “24” is not one of the choices.",
    ]


def test_more_values_than_a_facet_takes_are_refused_not_cut_short():
    filters = FACETS.clean(QueryDict("colour=red&colour=blue&colour=green"))
    assert filters.too_many == ["colour"] and "colour" not in filters.selected
    assert filters.problems() == ["Colour: more than 2 values."]


def test_a_single_valued_facet_takes_the_last_value_given():
    single = FacetSet(Facet("colour", "Colour", COLOURS.choices, multiple=False))
    assert single.clean(QueryDict("colour=mauve&colour=green")).selected == {"colour": ["green"]}


@pytest.mark.django_db
def test_choices_are_read_only_when_their_filter_is_used():
    read = []
    facet_set = FacetSet(Facet("colour", "Colour", lambda: read.append(1) or COLOURS.choices))
    facet_set.clean(QueryDict(""))
    assert read == []
    facet_set.clean(QueryDict("colour=red"))
    assert read == [1]
    with CaptureQueriesContext(connection) as queries:
        matrix.FACETS.without(("country",)).clean(QueryDict("status=PLANNED"))
    assert len(queries) == 0


def test_refused_answers_400_naming_the_facets():
    filters = FACETS.clean(QueryDict("colour=mauve"))
    response = refused(filters, as_json=True)
    assert response.status_code == 400
    assert "Colour: “mauve” is not one of the choices." in response.content.decode()


def test_a_facet_shows_every_choice_in_order_counted_and_marked():
    group = COLOURS.group(COLOURS.options(), {"blue": 3}, ["RED"])
    assert group == FacetGroup(
        "colour",
        "Colour",
        [Option("RED", "Red", 0, True), Option("blue", "Blue", 3), Option("green", "Green")],
    )
    assert [option.value for option in group.selected] == ["RED"]


def test_ranked_a_facet_shows_what_has_results_or_is_chosen_most_first():
    counts = {"green": 5, "blue": 5, "RED": 1, "gone": 9}
    group = COLOURS.group(COLOURS.options(), counts, [], ranked=True, limit=2)
    # Most results first, then by label; a value no longer among the choices is not
    # offered (choosing it would be refused); at most ``limit``.
    assert [(o.value, o.count) for o in group.options] == [("blue", 5), ("green", 5)]


def test_a_year_facet_lists_the_years_counted_or_chosen_newest_first():
    year = year_facet("year", "Year")
    group = year.group([], {"2021": 2, "2023": 1}, ["2019"])
    assert [(o.value, o.label, o.count, o.selected) for o in group.options] == [
        ("2023", "2023", 1, False),
        ("2021", "2021", 2, False),
        ("2019", "2019", 0, True),
    ]


def test_query_strings_carry_the_recognised_filters_on():
    filters = Filters(selected={"colour": ["RED", "blue"], "year": ["2024"]})
    assert filters.query() == "colour=RED&colour=blue&year=2024"
    assert filters.query(before=[("q", "å b")], after=[("sort", "title")]) == (
        "q=%C3%A5+b&colour=RED&colour=blue&year=2024&sort=title"
    )
    assert filters.query(hide=("colour",)) == "year=2024"
    assert filters.query(without=("colour", "RED")) == "colour=blue&year=2024"


def test_each_active_filter_links_to_the_list_without_it():
    filters = FACETS.clean(QueryDict("colour=red&colour=blue"))
    groups = FACETS.groups({"colour": COLOURS.options()}, {}, filters.selected)
    assert filters.active(groups, before=[("q", "x")]) == [
        {"facet": "Colour", "label": "Red", "remove": "q=x&colour=blue"},
        {"facet": "Colour", "label": "Blue", "remove": "q=x&colour=RED"},
    ]


def test_the_language_facet_offers_the_hubs_languages():
    facet = language_facet()
    assert [o.value for o in facet.options()] == ["en", "fi", "sv", "nb", "da", "is"]
    assert not any(o.lang for o in facet.options())
    assert [o.lang for o in language_facet(lang=True).options()][:2] == ["en", "fi"]


def test_every_feature_declares_its_filters_with_the_one_system():
    assert isinstance(library.FACETS, FacetSet)
    assert library.FACETS.names == [
        "country",
        "form",
        "group",
        "sector",
        "approach",
        "evidence",
        "language",
        "year",
    ]
    assert search_facets.FACETS.names == ["kind", "country", "form", "sector", "language", "year"]
    assert search_facets.FACETS.max_values == search_facets.MAX_VALUES_PER_FACET
    assert matrix.FACETS.names == ["theme", "source_kind", "source", "status", "country"]
    assert listing.FACETS.names == ["year", "country"]
    assert all(not facet.multiple for facet in listing.FACETS)
    # The API filters by the matrix's own country and status facets.
    assert api.FACETS is matrix.FACETS
    # No second reader of filters, no parallel option classes.
    for module in (library, service, matrix, listing):
        assert not hasattr(module, "clean_filters"), module.__name__
    for name in ("FacetOption", "Option", "Facet", "FacetSpec"):
        assert getattr(service, name, None) in (None, Option, FacetGroup, Facet)
        assert getattr(library, name, None) in (None, Option, FacetGroup, Facet)
