"""The PostgreSQL backend (``search.backends.postgres``) on what the hub indexes: each
language analysed with its own configuration, view tokens and facets from the one
visibility rule, rebuilds, and the time limit. Collected on PostgreSQL only (its index is
a PostgreSQL table); modelsearch's own suite runs against it in ``make conformance``.
"""

from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test import RequestFactory
from modelsearch.backends import get_search_backend
from wagtail.models import PageViewRestriction

from practices.models import PracticePage
from search import service
from search.backends.postgres.results import TABLE
from search.backends.timelimit import TimeLimitExceeded
from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db

#: Every practice not written in English has an English summary.
ENGLISH = {"summary_en": "Support for victims of trafficking."}


@pytest.fixture
def postgres(settings):
    """The PostgreSQL backend as the search page's default (Whoosh gets the writes too)."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": settings.SEARCH_BACKENDS["postgres"],
        "whoosh": settings.SEARCH_BACKENDS["whoosh"],
    }
    return get_search_backend("default")


def titles(request, q, **filters):
    params = QueryDict(mutable=True)
    params["q"] = q
    for name, values in filters.items():
        params.setlist(name, values)
    outcome = service.search(request, params)
    assert not outcome.error and not outcome.timed_out
    return [hit.page.title for hit in outcome.hits], outcome


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/search/")
    request.user = AnonymousUser()
    return request


def stored_vector(page):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT language, vector::text FROM {TABLE} WHERE object_id = %s",  # noqa: S608
            [str(page.pk)],
        )
        return cursor.fetchone()


def test_each_language_is_analysed_with_its_own_configuration(postgres, space, other_space):
    finnish = publish_practice(
        other_space, title="Ihmiskaupan uhrien auttamisjärjestelmä", language="fi", **ENGLISH
    )
    swedish = publish_practice(
        space, title="Stöd till offer för människohandel", language="sv", **ENGLISH
    )
    icelandic = publish_practice(
        space, title="Þolendur mansals í Reykjavík", language="is", **ENGLISH
    )
    assert stored_vector(finnish)[0] == "fi"
    # Finnish stems "ihmiskaupan" and "uhrien" (the English configuration would not).
    assert "'ihmiskaup'" in stored_vector(finnish)[1]
    assert "'uhr'" in stored_vector(finnish)[1]
    assert "'människohandel'" in stored_vector(swedish)[1]
    # Icelandic has no stemmer: its words are accent-folded, as the Whoosh engine does.
    assert "'tholendur'" in stored_vector(icelandic)[1]
    assert "'mansals'" in stored_vector(icelandic)[1]


def test_inflected_words_find_practices_in_any_language(postgres, space, other_space, anonymous):
    publish_practice(
        other_space,
        title="Ihmiskaupan uhrien auttamisjärjestelmä Tampereella",
        language="fi",
        summary="Ihmiskaupan uhreille tarjotaan apua.",
        **ENGLISH,
    )
    publish_practice(space, title="Þolendur mansals í Reykjavík", language="is", **ENGLISH)
    found, _outcome = titles(anonymous, "ihmiskauppa")
    assert "Ihmiskaupan uhrien auttamisjärjestelmä Tampereella" in found
    found, _outcome = titles(anonymous, "tholendur")  # typed without Icelandic letters
    assert "Þolendur mansals í Reykjavík" in found


def test_view_tokens_follow_restrictions_and_the_rule(
    postgres, space, anonymous, client_for, unique
):
    word = unique("sealedcase")
    practice = publish_practice(space, title=f"Briefing {word}", audience="members")
    assert titles(anonymous, word)[0] == []
    client = client_for("expert-police")
    assert f"Briefing {word}" in client.get("/search/", {"q": word}).content.decode()
    # Opening the practice to everyone re-indexes its tokens: now found anonymously.
    PageViewRestriction.objects.filter(page=practice).delete()
    practice.audience = "public"
    practice.save_revision().publish()
    assert titles(anonymous, word)[0] == [f"Briefing {word}"]


def test_facets_are_counted_in_sql_and_narrow(postgres, space, other_space, anonymous, unique):
    word = unique("harvestcase")
    publish_practice(space, title=f"{word} one", forms=["forced-labour"])
    publish_practice(space, title=f"{word} two", forms=["forced-labour", "forced-begging"])
    publish_practice(other_space, title=f"{word} three", forms=["forced-begging"])
    _found, outcome = titles(anonymous, word)
    assert outcome.total == 3
    counts = {g.name: {o.value: o.count for o in g.options} for g in outcome.facets}
    assert counts["country"] == {"SE": 2, "FI": 1}
    assert counts["form"] == {"forced-labour": 2, "forced-begging": 2}
    # Within a facet values are alternatives; each facet ignores its own selection.
    _found, outcome = titles(anonymous, word, country=["FI"])
    assert outcome.total == 1
    counts = {g.name: {o.value: o.count for o in g.options} for g in outcome.facets}
    assert counts["country"] == {"SE": 2, "FI": 1}
    assert counts["form"] == {"forced-begging": 1}


def test_rebuild_writes_everything_and_drops_what_is_gone(postgres, space):
    practice = publish_practice(space, title="Rebuilt practice")
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (index, object_id, object_pk, content_types, language, "  # noqa: S608
            "vector, autocomplete, tokens, updated) VALUES ('wagtailcore.page', '999999', "
            "999999, ARRAY['wagtailcore_page'], 'en', '', '', '{}', now() - interval '1 day')"
        )
    call_command("update_index", backend_name="default", stdout=StringIO(), verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT object_id FROM {TABLE} WHERE index = 'wagtailcore.page'")  # noqa: S608
        ids = {row[0] for row in cursor.fetchall()}
    assert str(practice.pk) in ids
    assert "999999" not in ids
    assert len(ids) >= PracticePage.objects.live().count()


def test_a_search_over_its_time_limit_reports_it(postgres, space, anonymous):
    publish_practice(space, title="Slow practice")
    with mock.patch(
        "search.backends.postgres.results.statement_time_limit",
        side_effect=TimeLimitExceeded("canceling statement due to statement timeout"),
    ):
        outcome = service.search(anonymous, QueryDict("q=slow"))
    assert outcome.timed_out
    assert outcome.hits == []


def test_ranked_in_two_stages_the_pages_of_results_join_up(postgres, space, unique, monkeypatch):
    """The best RERANKED by the first score are ranked by the whole query, the rest
    follow: page after page, every match comes once, and the counts agree."""
    from search.backends.postgres import results

    word = unique("stagecase")
    for n in range(7):
        # The word in the title of some, in the summary of the others: different scores.
        title = f"{word} practice {n}" if n % 2 else f"Practice {n}"
        publish_practice(space, title=title, summary=f"About {word} and more, number {n}.")
    monkeypatch.setattr(results, "RERANKED", 3)
    every = list(postgres.search(word, PracticePage))
    assert len(every) == 7
    pages = [list(postgres.search(word, PracticePage)[i : i + 2]) for i in range(0, 8, 2)]
    assert [p.pk for page in pages for p in page] == [p.pk for p in every]
    # A slice across the boundary of the two stages, and the count.
    assert [p.pk for p in postgres.search(word, PracticePage)[2:5]] == [p.pk for p in every[2:5]]
    assert postgres.search(word, PracticePage).count() == 7
    # The titles that hold the word rank before those that do not.
    assert {p.title.startswith(word) for p in every[:3]} == {True}


def test_the_ranked_head_and_the_tokens_stay_in_the_row(postgres):
    """Read for every match, the ranked head and the tokens are kept out of TOAST, and
    the content types are indexed with the vector (migration 0003)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = %s::regclass "
            "AND attname IN ('head', 'tokens', 'vector')",
            [TABLE],
        )
        storage = dict(cursor.fetchall())
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = %s", [TABLE])
        indexes = [row[0] for row in cursor.fetchall()]
    assert storage == {"head": "m", "tokens": "m", "vector": "x"}
    assert any("gin (content_types, vector)" in definition for definition in indexes)


def test_the_live_pages_paths_have_an_index_of_their_own(postgres):
    """Migration 0004: the live pages under a site root are listed from a partial index
    of their paths holding their ids (every search keeps its matches among them), and
    migrating back drops it."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("search.backends.postgres.migrations.0004_live_page_paths")

    def definition():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %s", [migration.INDEX]
            )
            row = cursor.fetchone()
        return row and row[0]

    assert ("wagtailcore", "0001_initial") in migration.Migration.dependencies
    found = definition()
    assert "ON public.wagtailcore_page" in found
    assert "(path text_pattern_ops) INCLUDE (id) WHERE live" in found
    with connection.schema_editor() as editor:
        migration._on_postgresql(migration.DROP)(apps, editor)
    assert definition() is None
    with connection.schema_editor() as editor:
        migration._on_postgresql(migration.CREATE)(apps, editor)
    assert definition() == found


def test_boost_extra_reorders_on_postgres_as_on_every_engine(postgres, space, other_space, unique):
    """``boost_extra``'s contract (as ``test_relevance`` checks it on the default engine)
    through the kind and language columns (``results.SCALAR_EXTRAS``)."""
    from wagtail.models import Page
    from wagtail.search.query import PlainText

    marker = unique("pgboost")
    english = publish_practice(
        space, language="en", title=f"{marker} guide", summary=f"{marker} {marker} {marker}"
    )
    finnish = publish_practice(other_space, language="fi", summary=f"{marker} neuvonta", **ENGLISH)
    results = postgres.search(PlainText(marker), Page.objects.live())
    assert [p.pk for p in results] == [english.pk, finnish.pk]
    boosted = results.boost_extra({"language": {"fi": 50.0}})
    assert [p.pk for p in boosted] == [finnish.pk, english.pk]
    assert boosted.count() == results.count() == 2
    # A factor of 0 ranks last but keeps the result; factors of two names multiply.
    last = results.boost_extra({"language": {"en": 0.0}, "kind": {"practice": 3.0}})
    assert [p.pk for p in last] == [finnish.pk, english.pk]
    both = results.boost_extra({"language": {"fi": 2.0}}).boost_extra({"language": {"fi": 30.0}})
    assert [p.pk for p in both] == [finnish.pk, english.pk]


def test_the_extra_columns_give_the_factors_the_tokens_give(postgres):
    """The kind and language columns (migration 0005) hold an object's one token of the
    name, null for none or several, and a boost read from them gives every object the
    factor the token array alone gives (as before the columns)."""
    from search.backends.postgres import results

    rows = {
        "one": ["kind:practice", "language:fi", "view:public"],
        "page": ["kind:page", "language:en"],
        "two": ["kind:page", "kind:practice", "language:fi", "language:sv"],
        "none": ["view:members", "country:SE"],
        "other": ["kind:seminar", "language:da", "form:forced-labour"],
    }
    with connection.cursor() as cursor:
        for object_id, tokens in rows.items():
            cursor.execute(
                f"INSERT INTO {TABLE} (index, object_id, content_types, language, vector, "  # noqa: S608
                "autocomplete, tokens, updated) VALUES ('test.boost', %s, "
                "ARRAY['test_boost'], 'en', '', '', %s::text[], now())",
                [object_id, tokens],
            )
        cursor.execute(
            f"SELECT object_id, extra_kind, extra_language FROM {TABLE} "  # noqa: S608
            "WHERE index = 'test.boost'"
        )
        columns = {row[0]: row[1:] for row in cursor.fetchall()}
    assert columns == {
        "one": ("practice", "fi"),
        "page": ("page", "en"),
        "two": (None, None),
        "none": (None, None),
        "other": ("seminar", "da"),
    }
    boosts = [
        ("kind", (("practice", 1.5), ("page", 0.0))),
        ("kind", (("page", 10.0), ("practice", 1.5))),
        ("language", (("fi", 3.0), ("en", 1.5), ("sv", 5.0))),
        ("form", (("forced-labour", 2.0),)),
    ]

    def factors():
        found = {}
        with connection.cursor() as cursor:
            for name, token_factors in boosts:
                sql, params = results._boost_factor(name, token_factors)
                cursor.execute(
                    f"SELECT d.object_id, {sql} FROM {TABLE} d WHERE index = 'test.boost'",  # noqa: S608
                    params,
                )
                found[name, token_factors] = dict(cursor.fetchall())
        return found

    with_columns = factors()
    with mock.patch.dict(results.SCALAR_EXTRAS, clear=True):
        assert factors() == with_columns
    assert with_columns["kind", boosts[0][1]] == {
        "one": 1.5,
        "page": 0.0,
        "two": 1.5,
        "none": 1.0,
        "other": 1.0,
    }
    assert with_columns["language", boosts[2][1]]["two"] == 5.0
