"""/organisations/ (issue 27, point 1): the network's organisations for everyone, from the
organisation records the secretariat marks as listed; grouped by country, filtered by
country and type, names marked with their own language and sorted as the reader's
language sorts them, country names in the reader's language."""

import re

import pytest
from django.conf import settings

from countries.models import Country
from practices.models import Organisation

pytestmark = pytest.mark.django_db

URL = "/organisations/"


@pytest.fixture
def organisations():
    countries = {country.code: country for country in Country.objects.all()}

    def make(name, kind, code, language="en", listed=True, website=""):
        return Organisation.objects.create(
            name=name,
            type=kind,
            country=countries.get(code),
            language=language,
            listed_publicly=listed,
            website=website,
        )

    return {
        "abo": make("Åbo Akademi", "research", "FI", "sv", website="https://www.abo.fi/"),
        "zonta": make("Zonta Finland", "ngo", "FI"),
        "riku": make("Rikosuhripäivystys", "ngo", "FI", "fi", website="https://www.riku.fi/"),
        "police": make("Polisen", "police", "SE", "sv"),
        "stigamot": make("Stígamót", "ngo", "IS", "is"),
        "iom": make("IOM Nordic office", "international", None),
        "hidden": make("Unlisted helpdesk", "ngo", "FI", listed=False),
    }


def get(client, language="en", **query):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(URL, query)


def names_in_order(html, names):
    found = {name: html.find(f">{name}<") for name in names}
    assert all(position >= 0 for position in found.values()), found
    return sorted(names, key=found.get)


def test_anonymous_readers_get_the_listed_organisations(client, organisations):
    response = get(client)
    assert response.status_code == 200
    html = response.content.decode()
    for key in ("abo", "zonta", "riku", "police", "stigamot", "iom"):
        assert organisations[key].name in html
    assert "Unlisted helpdesk" not in html
    assert "6 organisations" in html
    # Type in words, website linked.
    assert "Research" in html and "Police" in html and "International organisation" in html
    assert 'href="https://www.riku.fi/"' in html


def test_names_carry_their_own_language(client, organisations):
    html = get(client).content.decode()
    assert re.search(r'lang="fi"><a href="https://www.riku.fi/"[^>]*>Rikosuhripäivystys<', html)
    assert re.search(r'lang="is">Stígamót<', html)
    assert re.search(r'lang="en">Zonta Finland<', html)


def test_grouped_by_country_named_in_the_readers_language(client, organisations):
    english = get(client, "en").content.decode()
    assert re.search(r"<h2[^>]*>Iceland</h2>", english)
    assert re.search(r"<h2[^>]*>International</h2>", english)
    swedish = get(client, "sv").content.decode()
    assert re.search(r"<h2[^>]*>Island</h2>", swedish)
    # International organisations come after every country.
    assert swedish.find("IOM Nordic office") > swedish.find("Stígamót")


def test_sorted_by_the_readers_collation(client, organisations):
    names = ["Åbo Akademi", "Rikosuhripäivystys", "Zonta Finland"]
    english = get(client, "en").content.decode()
    assert names_in_order(english, names) == ["Åbo Akademi", "Rikosuhripäivystys", "Zonta Finland"]
    swedish = get(client, "sv").content.decode()
    assert names_in_order(swedish, names) == ["Rikosuhripäivystys", "Zonta Finland", "Åbo Akademi"]


def test_filter_by_country_and_type(client, organisations):
    html = get(client, country="FI", type="ngo").content.decode()
    assert "Zonta Finland" in html and "Rikosuhripäivystys" in html
    assert "Åbo Akademi" not in html and "Polisen" not in html and "Stígamót" not in html
    assert "2 organisations" in html

    html = get(client, country="international").content.decode()
    assert "IOM Nordic office" in html and "Zonta Finland" not in html

    html = get(client, type="police").content.decode()
    assert "Polisen" in html and "Zonta Finland" not in html


def test_an_unknown_filter_is_a_400_with_a_message_and_the_whole_list(client, organisations):
    response = get(client, type="spies", country="XX")
    assert response.status_code == 400
    html = response.content.decode()
    assert "This filter is not known" in html
    assert "Zonta Finland" in html and "Polisen" in html


def test_the_footer_links_to_it(client, organisations):
    html = client.get("/").content.decode()
    assert f'href="{URL}"' in html


def test_an_organisation_unlisted_later_disappears_through_the_page_cache(client, organisations):
    assert "Zonta Finland" in get(client).content.decode()
    assert get(client)["X-Page-Cache"] == "hit"
    organisations["zonta"].listed_publicly = False
    organisations["zonta"].save()
    assert "Zonta Finland" not in get(client).content.decode()


@pytest.mark.parametrize("language", ["en", "sv", "fi", "da", "nb", "is"])
def test_sorted_in_each_readers_alphabet(client, language):
    from tests.countries.test_directory import READERS_ORDER

    expected = READERS_ORDER[language]  # ICU's order of these names for the reader
    norway = Country.objects.get(code="NO")
    for name in sorted(expected):  # the database's binary order: wrong for every reader
        Organisation.objects.create(name=name, type="ngo", country=norway, listed_publicly=True)
    html = get(client, language).content.decode()
    assert names_in_order(html, expected) == expected
