"""Names and dates from CLDR in the reader's language: countries as each language writes
them (pages, facets, charts, exports, emails), language names, and one date format per
language wherever a reader sees a date."""

import csv
import datetime
import io
import re

import pytest
from babel.dates import format_date, format_datetime
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import formats, timezone, translation

from core import cldr, languages
from countries.models import Country
from recommendations.choices import Status
from recommendations.models import Follow
from recommendations.updates import apply_update
from tests.recommendations.factories import impl_of, publish_recommendation

pytestmark = pytest.mark.django_db

#: What CLDR calls the spaces in each of the hub's languages.
NAMES = {
    "en": {"IS": "Iceland", "FO": "Faroe Islands", "AX": "Åland Islands", "FI": "Finland"},
    "sv": {"IS": "Island", "FO": "Färöarna", "AX": "Åland", "FI": "Finland", "GL": "Grönland"},
    "fi": {"IS": "Islanti", "FO": "Färsaaret", "AX": "Ahvenanmaa", "FI": "Suomi", "DK": "Tanska"},
    "da": {"IS": "Island", "FO": "Færøerne", "AX": "Åland", "GL": "Grønland", "DK": "Danmark"},
    "is": {"IS": "Ísland", "FO": "Færeyjar", "AX": "Álandseyjar", "GL": "Grænland"},
    "nb": {"IS": "Island", "FO": "Færøyene", "AX": "Åland", "NO": "Norge", "GL": "Grønland"},
}
#: Iceland's English name, which no interface but the English one may show.
ENGLISH = "Iceland"
#: A date as CLDR's long format writes it in each language.
ISSUED = datetime.date(2023, 1, 15)
ISSUED_TEXT = {
    "en": "15 January 2023",
    "fi": "15. tammikuuta 2023",
    "sv": "15 januari 2023",
    "nb": "15. januar 2023",
    "da": "15. januar 2023",
    "is": "15. janúar 2023",
}
#: A numeric date (29/07/2026, 29.7.2026, 2026-07-29): no reader's page mixes one in.
NUMERIC_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")


def test_every_language_is_named_by_cldr():
    assert set(NAMES) == set(languages.CODES) == set(cldr.LOCALES)


@pytest.mark.parametrize("lang", languages.CODES)
def test_country_names_as_cldr_writes_them(lang):
    for code, name in NAMES[lang].items():
        assert cldr.country_name(code, lang) == name
        assert cldr.country_name(code.lower(), lang) == name
    with translation.override(lang):
        for code, name in NAMES[lang].items():
            assert Country.objects.get(code=code).display_name == name
            assert str(Country.objects.get(code=code)) == name


def test_each_space_is_named_in_its_own_language():
    native = {c.code: (c.native_lang, c.native_name) for c in Country.objects.all()}
    assert native == {
        "DK": ("da", "Danmark"),
        "FI": ("fi", "Suomi"),
        "IS": ("is", "Ísland"),
        "NO": ("nb", "Norge"),
        "SE": ("sv", "Sverige"),
        "AX": ("sv", "Åland"),
        "FO": ("fo", "Føroyar"),
        "GL": ("kl", "Kalaallit Nunaat"),
    }


def test_a_code_cldr_does_not_know_keeps_the_typed_names():
    country = Country(code="AA", name="Nowhere", name_native="Nulle part", native_language="fr")
    assert (country.display_name, country.native_name, country.native_lang) == (
        "Nowhere",
        "Nulle part",
        "fr",
    )


def test_language_names_come_from_cldr_capitalised():
    assert languages.OWN_NAMES == {
        "en": "English",
        "fi": "Suomi",
        "sv": "Svenska",
        "nb": "Norsk bokmål",
        "da": "Dansk",
        "is": "Íslenska",
    }
    assert dict(settings.LANGUAGES) == languages.OWN_NAMES
    expected = {"sv": "Finska", "fi": "Suomi", "da": "Finsk", "is": "Finnska", "en": "Finnish"}
    for lang, name in expected.items():
        with translation.override(lang):
            assert str(languages.NAMES["fi"]) == name
    with translation.override("sv"):
        assert str(languages.NAMES["is"]) == "Isländska"


# -- pages, facets, charts, exports, emails --------------------------------------------
@pytest.fixture
def reader(client):
    def in_language(lang):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
        return client

    return in_language


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize("lang", languages.CODES)
def test_the_country_listing_names_each_space_in_the_readers_language(reader, lang):
    soup = _soup(reader(lang).get("/countries/"))
    titles = [h2.get_text(strip=True) for h2 in soup.select(".space-card h2")]
    for code, name in NAMES[lang].items():
        assert name in titles, code
    if lang != "en":
        assert ENGLISH not in titles
    # Each space also in its own language, marked as such.
    faroese = soup.find(lang="fo")
    assert faroese.get_text(strip=True) == "Føroyar"
    assert soup.find(lang="kl").get_text(strip=True) == "Kalaallit Nunaat"


@pytest.mark.parametrize("lang", languages.CODES)
def test_a_space_page_is_titled_in_the_readers_language(reader, lang):
    soup = _soup(reader(lang).get("/countries/iceland/"))
    assert soup.h1.contents[0].strip() == NAMES[lang]["IS"]
    assert soup.title.get_text().startswith(NAMES[lang]["IS"])
    assert NAMES[lang]["IS"] in soup.select_one("#practices-title").get_text()
    assert lang == "en" or ENGLISH not in soup.select_one("#practices-title").get_text()


@pytest.mark.parametrize("lang", languages.CODES)
def test_breadcrumbs_and_search_results_name_a_space_in_the_readers_language(reader, lang):
    name = NAMES[lang]["IS"]
    soup = _soup(reader(lang).get("/countries/iceland/"))
    current = soup.select_one(".breadcrumbs [aria-current=page]")
    assert current.get_text(strip=True) == name
    assert current["lang"] == lang
    soup = _soup(reader(lang).get("/search/", {"q": "Iceland"}))
    titles = {a.get_text(strip=True): a for a in soup.select(".search-result__title")}
    assert name in titles, list(titles)
    assert titles[name]["lang"] == lang
    assert lang == "en" or ENGLISH not in titles


@pytest.mark.parametrize("lang", languages.CODES)
def test_the_library_facet_names_countries_in_the_readers_language(reader, lang):
    soup = _soup(reader(lang).get("/practices/"))
    labels = [label.contents[0].strip() for label in soup.select("label[for^=f-country-]")]
    for name in NAMES[lang].values():
        assert name in labels
    if lang != "en":
        assert ENGLISH not in labels
    languages_offered = [
        label.contents[0].strip() for label in soup.select("label[for^=f-language-]")
    ]
    with translation.override(lang):
        assert languages_offered[:6] == [str(languages.NAMES[code]) for code in languages.CODES]
    # In the reader's language: not marked as written in the language they name.
    assert not any(label.get("lang") for label in soup.select("label[for^=f-language-]"))


@pytest.fixture
def nordic_recommendation():
    return publish_recommendation(
        "R-2099-77", countries=("IS", "FO", "AX", "FI", "DK", "NO", "GL"), issued=ISSUED
    )


@pytest.mark.parametrize("lang", languages.CODES)
def test_the_tracker_and_its_chart_name_countries_in_the_readers_language(
    reader, lang, nordic_recommendation
):
    soup = _soup(reader(lang).get("/recommendations/"))
    chart_rows = [th.get_text(strip=True) for th in soup.select("table th[scope=row]")]
    chart_text = " ".join(t.get_text() for t in soup.find_all("text"))
    for name in NAMES[lang].values():
        assert name in chart_rows
        assert name[:20] in chart_text
    if lang != "en":
        assert ENGLISH not in chart_rows
        assert ENGLISH not in chart_text
        assert ENGLISH not in soup.main.get_text()


@pytest.mark.parametrize("lang", languages.CODES)
def test_the_export_names_countries_in_the_readers_language(reader, lang, nordic_recommendation):
    response = reader(lang).get("/recommendations/export/csv/", {"country": "is"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    (row,) = [r for r in rows if r["code"] == "R-2099-77"]
    assert row["country_code"] == "IS"
    assert row["country"] == NAMES[lang]["IS"]


@pytest.mark.parametrize("lang", languages.CODES)
def test_the_tracker_email_names_the_country_in_the_followers_language(
    lang, users, nordic_recommendation, mailoutbox, django_capture_on_commit_callbacks
):
    follower = users["expert-police"]
    Follow.objects.create(user=follower, country=Country.objects.get(code="IS"), language=lang)
    with django_capture_on_commit_callbacks(execute=True):
        apply_update(
            impl_of(nordic_recommendation, "IS"),
            users["is-coordinator"],
            {"status": Status.PLANNED},
            note="Planned.",
        )
    (message,) = [m for m in mailoutbox if m.to == [follower.email]]
    assert NAMES[lang]["IS"] in message.subject
    assert NAMES[lang]["IS"] in message.body
    if lang != "en":
        assert ENGLISH not in message.subject + message.body


def test_the_swedish_email_reads_island_har_en_ny_status(
    users, nordic_recommendation, mailoutbox, django_capture_on_commit_callbacks
):
    follower = users["expert-police"]
    Follow.objects.create(user=follower, country=Country.objects.get(code="IS"), language="sv")
    with django_capture_on_commit_callbacks(execute=True):
        apply_update(
            impl_of(nordic_recommendation, "IS"),
            users["is-coordinator"],
            {"status": Status.PLANNED},
        )
    (message,) = [m for m in mailoutbox if m.to == [follower.email]]
    with translation.override("sv"):
        first_line = translation.gettext(
            "%(country)s has a new status for recommendation %(code)s."
        ) % {"country": "Island", "code": "R-2099-77"}
    assert message.body.startswith(first_line)
    assert message.body.startswith("Island ")


# -- dates ------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", languages.CODES)
def test_django_writes_dates_and_times_as_cldr_does(lang):
    cldr_locale = cldr.locale(lang)
    zone = timezone.get_current_timezone()
    with translation.override(lang):
        for month in range(1, 13):
            day = datetime.date(2026, month, 7)
            moment = timezone.make_aware(datetime.datetime(2026, month, 7, 14, 5))
            expected_date = format_date(day, "long", locale=cldr_locale)
            assert formats.date_format(day, "DATE_FORMAT") == expected_date
            assert cldr.human_date(day) == expected_date
            assert cldr.human_time(moment) == format_datetime(
                moment, cldr.patterns(lang)["time"], tzinfo=zone, locale=cldr_locale
            )
            assert cldr.human_datetime(moment) == format_datetime(
                moment, cldr.patterns(lang)["datetime"], tzinfo=zone, locale=cldr_locale
            )


def test_a_moment_is_written_in_the_sites_time_zone():
    # 22:30 UTC on 31 December is already the new year in Helsinki.
    moment = datetime.datetime(2026, 12, 31, 22, 30, tzinfo=datetime.UTC)
    with translation.override("fi"):
        assert cldr.human_date(moment) == "1. tammikuuta 2027"
        assert cldr.human_datetime(moment) == "1. tammikuuta 2027 0.30"
        assert cldr.human_time(moment) == "0.30"
    with translation.override("en"):
        assert cldr.human_datetime(moment) == "1 January 2027, 00:30"


def test_a_pattern_cldr_uses_and_django_cannot_write_fails_loudly():
    assert cldr.to_django("d. MMMM y 'klo' H.mm", "fi") == r"j. E Y \k\l\o G.i"
    with pytest.raises(ValueError, match="QQQ"):
        cldr.to_django("QQQ y")


@pytest.mark.parametrize("lang", languages.CODES)
def test_a_page_shows_its_dates_in_the_languages_one_format(reader, lang, nordic_recommendation):
    client = reader(lang)
    Country.objects.get(code="IS")
    impl = impl_of(nordic_recommendation, "IS")
    impl.target_date = datetime.date(2099, 6, 30)
    impl.save()
    target = format_date(impl.target_date, "long", locale=cldr.locale(lang))
    for url in (nordic_recommendation.url, "/recommendations/countries/is/"):
        main = _soup(client.get(url)).main
        text = main.get_text(" ")
        assert target in text, url
        if url == nordic_recommendation.url:
            assert ISSUED_TEXT[lang] in text
        assert not NUMERIC_DATE.search(text), (url, NUMERIC_DATE.search(text))


#: Names as ICU 72 (CLDR's collation, through PyICU) orders them for a reader of each language;
#: ``cldr.sort_key`` must give the same order without ICU.
ICU_ORDERS = {
    "sv": [
        "Aalto",
        "Aasen",
        "anna",
        "Ari",
        "Ása",
        "Björk",
        "Bjørn",
        "Ðani",
        "Davíð",
        "Dóra",
        "Ðóra",
        "Émile",
        "Eva",
        "Haakon",
        "Hansen",
        "Ingrid",
        "Íris",
        "Ljótur",
        "Ólafur",
        "Ósk",
        "Oslo",
        "Saara",
        "Sara",
        "Strand",
        "Straße",
        "Sääski",
        "Thor",
        "Þóra",
        "Tuva",
        "Úlfur",
        "Ulla",
        "Vik",
        "Virtanen",
        "Väisänen",
        "Wikström",
        "Yngve",
        "Ýr",
        "Zeta",
        "zoe",
        "Åke",
        "Åsa",
        "Ärla",
        "Æsa",
        "Ødegaard",
        "Œdipe",
        "Örjan",
        "Östen",
        "Øvrebø",
    ],
    "fi": [
        "Aalto",
        "Aasen",
        "anna",
        "Ari",
        "Ása",
        "Björk",
        "Bjørn",
        "Ðani",
        "Davíð",
        "Dóra",
        "Ðóra",
        "Émile",
        "Eva",
        "Haakon",
        "Hansen",
        "Ingrid",
        "Íris",
        "Ljótur",
        "Œdipe",
        "Ólafur",
        "Ósk",
        "Oslo",
        "Saara",
        "Sara",
        "Strand",
        "Straße",
        "Sääski",
        "Thor",
        "Tuva",
        "Úlfur",
        "Ulla",
        "Vik",
        "Virtanen",
        "Väisänen",
        "Wikström",
        "Yngve",
        "Ýr",
        "Zeta",
        "zoe",
        "Þóra",
        "Åke",
        "Åsa",
        "Ärla",
        "Æsa",
        "Ødegaard",
        "Örjan",
        "Östen",
        "Øvrebø",
    ],
    "da": [
        "anna",
        "Ari",
        "Ása",
        "Björk",
        "Bjørn",
        "Ðani",
        "Davíð",
        "Dóra",
        "Ðóra",
        "Émile",
        "Eva",
        "Hansen",
        "Haakon",
        "Ingrid",
        "Íris",
        "Ljótur",
        "Œdipe",
        "Ólafur",
        "Ósk",
        "Oslo",
        "Sara",
        "Strand",
        "Straße",
        "Sääski",
        "Saara",
        "Thor",
        "Þóra",
        "Tuva",
        "Úlfur",
        "Ulla",
        "Vik",
        "Virtanen",
        "Väisänen",
        "Wikström",
        "Yngve",
        "Ýr",
        "Zeta",
        "zoe",
        "Ärla",
        "Æsa",
        "Ødegaard",
        "Örjan",
        "Östen",
        "Øvrebø",
        "Åke",
        "Aalto",
        "Åsa",
        "Aasen",
    ],
    "nb": [
        "anna",
        "Ari",
        "Ása",
        "Björk",
        "Bjørn",
        "Ðani",
        "Davíð",
        "Dóra",
        "Ðóra",
        "Émile",
        "Eva",
        "Hansen",
        "Haakon",
        "Ingrid",
        "Íris",
        "Ljótur",
        "Ólafur",
        "Ósk",
        "Oslo",
        "Sara",
        "Strand",
        "Straße",
        "Sääski",
        "Saara",
        "Thor",
        "Þóra",
        "Tuva",
        "Úlfur",
        "Ulla",
        "Vik",
        "Virtanen",
        "Väisänen",
        "Wikström",
        "Yngve",
        "Ýr",
        "Zeta",
        "zoe",
        "Ärla",
        "Æsa",
        "Ødegaard",
        "Œdipe",
        "Örjan",
        "Östen",
        "Øvrebø",
        "Åke",
        "Aalto",
        "Åsa",
        "Aasen",
    ],
    "is": [
        "Aalto",
        "Aasen",
        "anna",
        "Ari",
        "Ása",
        "Björk",
        "Bjørn",
        "Davíð",
        "Dóra",
        "Ðani",
        "Ðóra",
        "Eva",
        "Émile",
        "Haakon",
        "Hansen",
        "Ingrid",
        "Íris",
        "Ljótur",
        "Œdipe",
        "Oslo",
        "Ólafur",
        "Ósk",
        "Saara",
        "Sara",
        "Strand",
        "Straße",
        "Sääski",
        "Thor",
        "Tuva",
        "Ulla",
        "Úlfur",
        "Vik",
        "Virtanen",
        "Väisänen",
        "Wikström",
        "Yngve",
        "Ýr",
        "Zeta",
        "zoe",
        "Þóra",
        "Ärla",
        "Æsa",
        "Ødegaard",
        "Örjan",
        "Östen",
        "Øvrebø",
        "Åke",
        "Åsa",
    ],
    "en": [
        "Aalto",
        "Aasen",
        "Æsa",
        "Åke",
        "anna",
        "Ari",
        "Ärla",
        "Ása",
        "Åsa",
        "Björk",
        "Bjørn",
        "Ðani",
        "Davíð",
        "Dóra",
        "Ðóra",
        "Émile",
        "Eva",
        "Haakon",
        "Hansen",
        "Ingrid",
        "Íris",
        "Ljótur",
        "Ødegaard",
        "Œdipe",
        "Ólafur",
        "Örjan",
        "Ósk",
        "Oslo",
        "Östen",
        "Øvrebø",
        "Saara",
        "Sääski",
        "Sara",
        "Strand",
        "Straße",
        "Thor",
        "Tuva",
        "Úlfur",
        "Ulla",
        "Väisänen",
        "Vik",
        "Virtanen",
        "Wikström",
        "Yngve",
        "Ýr",
        "Zeta",
        "zoe",
        "Þóra",
    ],
}


@pytest.mark.parametrize("lang", ICU_ORDERS)
def test_names_sort_as_cldrs_collation_orders_them(lang):
    expected = ICU_ORDERS[lang]
    shuffled = sorted(expected, key=lambda name: name[::-1])  # any order but the right one
    assert shuffled != expected
    assert sorted(shuffled, key=lambda name: cldr.sort_key(name, lang)) == expected


def test_a_name_typed_decomposed_sorts_as_the_same_name():
    assert cldr.sort_key("A\u030asa", "sv")[0] == cldr.sort_key("Åsa", "sv")[0]
    assert cldr.sort_key("A\u030asa", "sv") > cldr.sort_key("Zeta", "sv")
