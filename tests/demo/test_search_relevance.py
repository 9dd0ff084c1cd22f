"""Search relevance on the demo data: expert queries and the practice each must find.

Each query is what a coordinator or an expert of the network would type, in one of the
six languages, with the slug of the practice that must be among the first ``TOP``
results of the search page for an anonymous reader (so only public practices are
targets). The queries were written from the practices' subjects, not tuned to the
engine: some search across languages, some are broad, some use other inflections or
compounds than the practice's text. A miss is reported with the results found instead.

The set runs through the search page's own code path (``search.service.search``) on every
backend of ``BACKENDS`` (names of ``WAGTAILSEARCH_BACKENDS``). Run it with ``-s`` to see
the line ``relevance backend=… hits=N/M rate=…%`` and every miss.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import RequestFactory

from search import service

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_content")]

#: The WAGTAILSEARCH_BACKENDS entries the set runs on: Whoosh (the default) and, on
#: PostgreSQL, the PostgreSQL backend (``SEARCH_BACKENDS["postgres"]``).
BACKENDS = ["default", *(["postgres"] if settings.ON_POSTGRES else [])]
#: How far down the results the practice may be.
TOP = 5
#: The share of queries that must find their practice in the first TOP results. Measured
#: on Whoosh: 51/64 (79.7 %) before the relevance work of issue 23, 61/64 (95.3 %) after;
#: the three misses left search another language than their practice's, or are a bare
#: word written alike in Norwegian and Danish.
MIN_HIT_RATE = 0.90

#: (language of the query, query, slug of the practice it must find).
QUERIES = [
    # English
    ("en", "berry pickers joint checks", "berry-picker-joint-checks"),
    ("en", "seasonal berry pickers", "berry-picker-joint-checks"),
    ("en", "victim-centred interview training", "victim-centred-interview-training"),
    ("en", "trauma-informed interviews", "victim-centred-interview-training"),
    ("en", "round-the-clock hotline", "hotline-and-chat-denmark"),
    ("en", "civil society platform", "civil-society-platform"),
    ("en", "foreign crew on fishing vessels", "fishing-vessel-crew-awareness"),
    ("en", "compensation for victims of trafficking", "erstatning-til-ofre"),
    ("en", "begging guidance for social services", "vagledning-tiggeri-och-manniskohandel"),
    ("en", "reflection period residence permit", "veileder-refleksjonsperiode-og-opphold"),
    ("en", "public procurement forced labour", "upphandlingsklausuler-mot-tvangsarbete"),
    # Finnish
    ("fi", "marjanpoimijat", "marjanpoimijoiden-tiedotuskampanja"),
    ("fi", "luonnonmarjojen poimijat", "marjanpoimijoiden-tiedotuskampanja"),
    ("fi", "ihmiskaupan uhrien auttamisjärjestelmä", "auttamisjarjestelmaan-ohjaaminen"),
    ("fi", "kansallinen ohjausmekanismi", "auttamisjarjestelmaan-ohjaaminen"),
    ("fi", "ihmiskauppa", "auttamisjarjestelmaan-ohjaaminen"),
    ("fi", "työperäinen ihmiskauppa tarkistuslista", "tyoperaisen-ihmiskaupan-tarkistuslista"),
    ("fi", "työsuojelutarkastajat ihmiskauppa", "tyoperaisen-ihmiskaupan-tarkistuslista"),
    ("fi", "pakkoavioliitto", "pakkoavioliittojen-ennaltaehkaisy"),
    ("fi", "pakkoavioliittojen ehkäisy kouluissa", "pakkoavioliittojen-ennaltaehkaisy"),
    ("fi", "turvallinen majoitus ihmiskaupan uhreille", "trygge-botilbud-menneskehandel"),
    ("fi", "kerjääminen ihmiskauppa", "vagledning-tiggeri-och-manniskohandel"),
    # Swedish
    ("sv", "människohandelns offer", "aland-samarbetsavtal-hjalpsystemet"),
    ("sv", "barnahus människohandel", "barnahus-for-barn-utsatta-for-manniskohandel"),
    ("sv", "tiggeri", "vagledning-tiggeri-och-manniskohandel"),
    ("sv", "nagelsalonger", "gemensamma-kontroller-nagelsalonger-restauranger"),
    (
        "sv",
        "gemensamma kontroller restauranger",
        "gemensamma-kontroller-nagelsalonger-restauranger",
    ),
    ("sv", "tvångsarbete offentlig upphandling", "upphandlingsklausuler-mot-tvangsarbete"),
    ("sv", "regionkoordinatorer", "nationellt-metodstod-och-regionkoordinatorer"),
    ("sv", "metodstöd människohandel", "nationellt-metodstod-och-regionkoordinatorer"),
    ("sv", "säsongsarbetare Åland", "sasongsarbetare-jordbruk-och-turism-aland"),
    ("sv", "samarbetsavtal hjälpsystemet", "aland-samarbetsavtal-hjalpsystemet"),
    ("sv", "skyddat boende för offer", "trygge-botilbud-menneskehandel"),
    # Norwegian (bokmål)
    ("nb", "menneskehandelen", "kommunal-koordinator-menneskehandel"),
    ("nb", "kommunal koordinator menneskehandel", "kommunal-koordinator-menneskehandel"),
    ("nb", "trygge botilbud", "trygge-botilbud-menneskehandel"),
    ("nb", "refleksjonsperiode oppholdstillatelse", "veileder-refleksjonsperiode-og-opphold"),
    ("nb", "arbeidslivskriminalitet", "felles-kontroller-arbeidslivskriminalitet"),
    ("nb", "tvangsarbeid kontroller i bygg", "felles-kontroller-arbeidslivskriminalitet"),
    ("nb", "enslige mindreårige asylsøkere verge", "styrket-vergeordning-enslige-mindrearige"),
    ("nb", "barn som forsvinner fra mottak", "styrket-vergeordning-enslige-mindrearige"),
    ("nb", "bolig for ofre for menneskehandel", "trygge-botilbud-menneskehandel"),
    ("nb", "opplæring i avhør av ofre", "victim-centred-interview-training"),
    # Danish
    ("da", "menneskehandel", "erstatning-til-ofre"),
    ("da", "erstatning til ofre for menneskehandel", "erstatning-til-ofre"),
    ("da", "opsøgende arbejde prostitution", "opsogende-arbejde-prostitution"),
    ("da", "forberedt hjemrejse", "forberedt-hjemrejse"),
    ("da", "samarbejde med oprindelseslande", "forberedt-hjemrejse"),
    ("da", "fælles kontrol i landbruget", "faelles-kontrol-landbrug-og-restauranter"),
    ("da", "tvangsarbejde restauranter", "faelles-kontrol-landbrug-og-restauranter"),
    ("da", "social dumping", "faelles-kontrol-landbrug-og-restauranter"),
    ("da", "uddannelse af sagsbehandlere Grønland", "uddannelse-af-sagsbehandlere-i-gronland"),
    ("da", "genkende tegn på menneskehandel", "uddannelse-af-sagsbehandlere-i-gronland"),
    ("da", "hotline for ofre", "hotline-and-chat-denmark"),
    # Icelandic
    ("is", "mansals", "barnahus-fyrir-tholendur-mansals"),
    ("is", "barnahús þolendur mansals", "barnahus-fyrir-tholendur-mansals"),
    ("is", "þolendur mansals", "barnahus-fyrir-tholendur-mansals"),
    ("is", "mansal á börnum", "barnahus-fyrir-tholendur-mansals"),
    ("is", "vinnustaðaeftirlit", "vinnustadaeftirlit-ferdathjonusta"),
    ("is", "nauðungarvinna í ferðaþjónustu", "vinnustadaeftirlit-ferdathjonusta"),
    ("is", "nauðungarvinna", "vinnustadaeftirlit-ferdathjonusta"),
    ("is", "byggingariðnaður", "vinnustadaeftirlit-ferdathjonusta"),
    ("is", "skaðabætur fyrir þolendur", "erstatning-til-ofre"),
    ("is", "nauðungarvinna á fiskiskipum", "fishing-vessel-crew-awareness"),
]


def top_slugs(query, backend_name="default", language=None, top=TOP):
    """The slugs of the first ``top`` results of the search page for an anonymous reader."""
    request = RequestFactory().get("/search/", {"q": query})
    request.user = AnonymousUser()
    request.LANGUAGE_CODE = language or settings.LANGUAGE_CODE
    outcome = service.search(request, request.GET, backend_name=backend_name)
    return [hit.page.slug for hit in outcome.hits[:top]]


def relevance(backend_name="default", queries=QUERIES, top=TOP):
    """Run the set: (number of hits, [(language, query, slug, what was found instead)])."""
    hits, misses = 0, []
    for language, query, slug in queries:
        found = top_slugs(query, backend_name, top=top)
        if slug in found:
            hits += 1
        else:
            misses.append((language, query, slug, found))
    return hits, misses


def report(backend_name, hits, misses, total):
    lines = [f"relevance backend={backend_name} hits={hits}/{total} rate={100 * hits / total:.1f}%"]
    lines += [
        f"  miss [{language}] {query!r}: wanted {slug}, got {found}"
        for language, query, slug, found in misses
    ]
    return "\n".join(lines)


def test_the_set_covers_every_language_with_about_ten_queries():
    from core.languages import CODES

    assert len(QUERIES) >= 60
    for code in CODES:
        assert sum(1 for language, _q, _s in QUERIES if language == code) >= 10, code


def test_every_target_is_a_public_demo_practice():
    from practices.models import PracticePage

    public = set(
        PracticePage.objects.live().filter(audience="public").values_list("slug", flat=True)
    )
    assert {slug for _l, _q, slug in QUERIES} <= public


@pytest.fixture
def indexed(backend_name, settings):
    """The backend under test, holding the demo content (the demo is indexed in the
    default backend; another gets it here, rolled back with the test)."""
    if backend_name != "default":
        settings.WAGTAILSEARCH_BACKENDS = {
            **settings.WAGTAILSEARCH_BACKENDS,
            backend_name: settings.SEARCH_BACKENDS[backend_name],
        }
        call_command("update_index", backend_name=backend_name, stdout=StringIO(), verbosity=0)
    return backend_name


@pytest.mark.parametrize("backend_name", BACKENDS)
def test_expert_queries_find_their_practice_in_the_top_results(indexed, backend_name):
    hits, misses = relevance(backend_name)
    summary = report(backend_name, hits, misses, len(QUERIES))
    print("\n" + summary)
    assert hits / len(QUERIES) >= MIN_HIT_RATE, summary
