"""The matrix's markup: full country names in the reader's language as column headers, the
last update's date in each cell, one table with a caption and scoped headers, and the same
cells as lists (by recommendation, or by country without JavaScript) for narrow screens."""

import datetime
import re

import pytest
from django.conf import settings

from core.cldr import country_name
from countries.models import Country
from recommendations.choices import Status
from recommendations.models import Implementation
from recommendations.updates import apply_update

from .factories import impl_of, publish_recommendation, tracker_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def matrix(users):
    one = publish_recommendation("R-2095-01", countries=("FI", "SE", "AX"), title="Shelters")
    two = publish_recommendation("R-2095-02", countries=("FI", "GL"), title="Hotline")
    apply_update(impl_of(one, "FI"), users["fi-coordinator"], {"status": Status.PARTLY}, note="x")
    moment = datetime.datetime(2026, 3, 5, 10, 0, tzinfo=datetime.UTC)
    Implementation.objects.filter(pk=impl_of(one, "FI").pk).update(updated_at=moment)
    return one, two


def get(client, query="", language="en"):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(tracker_page().url + query)
    assert response.status_code == 200
    return response.content.decode()


def table_of(html):
    return html[html.index('<table class="matrix">') : html.index("</table>")]


def list_of(html):
    start = html.index('<div class="matrix-list">')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize("language", ["en", "fi", "is"])
def test_full_country_names_head_the_columns(client, matrix, language):
    table = table_of(get(client, language=language))
    headers = re.findall(
        r'<th scope="col" class="matrix__country"><a [^>]*>([^<]+)</a></th>', table
    )
    codes = list(Country.objects.values_list("code", flat=True))
    assert headers == [country_name(code, language) for code in codes]
    assert len(headers) == len(codes) >= 8
    assert "<abbr" not in table
    assert '<caption id="matrix-caption">' in table
    assert '<th scope="row" class="matrix__recommendation">' in table


def test_each_cell_says_when_it_was_last_updated(client, matrix):
    html = get(client)
    table = table_of(html)
    # Finland's cell of R-2095-01: the status, then the date as a machine and a reader
    # read it (CLDR's medium date, in the reader's language).
    assert (
        '<span class="visually-hidden">Last updated </span>'
        '<time datetime="2026-03-05T12:00:00+02:00">5 Mar 2026</time>'
    ) in table
    # A cell never reported says so, rather than showing nothing.
    assert "Not reported yet" in table
    finnish = table_of(get(client, language="fi"))
    assert '<time datetime="2026-03-05T12:00:00+02:00">5.3.2026</time>' in finnish


def test_narrow_screens_get_lists_by_recommendation_or_by_country(client, matrix):
    html = get(client)
    listing = list_of(html)
    titles = re.findall(r'<h3 class="matrix-list__title">', listing)
    assert len(titles) == 2  # one per recommendation
    assert '<span class="matrix-list__country">Finland</span>' in listing
    assert '<span class="matrix-list__country">Åland Islands</span>' in listing
    assert '<time datetime="2026-03-05T12:00:00+02:00">5 Mar 2026</time>' in listing
    # The switch: a link each way, the current one marked; it keeps the filters.
    assert re.search(r'<a href="[^"]*"\s+aria-current="page">by recommendation</a>', listing)
    by_country = list_of(get(client, "?by=country&theme=data"))
    headings = re.findall(r'<h3 class="matrix-list__title"><a [^>]*>([^<]+)</a></h3>', by_country)
    assert headings == [c.display_name for c in Country.objects.all()]
    assert re.search(r'<a href="[^"]*"\s+aria-current="page">by country</a>', by_country)
    assert 'href="/recommendations/?theme=data#matrix-title"' in by_country
    # Greenland's only recommendation, under Greenland.
    greenland = by_country[by_country.index(">Greenland</a></h3>") :].split("<h3")[0]
    assert "R-2095-02" in greenland and "R-2095-01" not in greenland
    # ``by`` is no filter: nothing is refused, and the filter form keeps it.
    assert "were not recognised" not in by_country
    assert '<input type="hidden" name="by" value="country">' in get(client, "?by=country")


def test_hidden_copies_are_hidden_by_width_and_in_print():
    css = (settings.BASE_DIR / "hub/static/css/hub.css").read_text()
    assert re.search(r"\.matrix-list \{\s*display: none;", css)
    assert re.search(
        r"@media \(max-width: 67\.99rem\) \{\s*\.matrix-wrap \{\s*display: none;"
        r"\s*\}\s*\.matrix-list \{\s*display: block;",
        css,
    )
    printed = (settings.BASE_DIR / "hub/static/css/print.css").read_text()
    assert re.search(r"\.matrix-list,[^{]*\{\s*display: none !important;", printed)
    assert "size: A4 landscape" in printed
    # No scroll box of its own: the page scrolls and the header row sticks to it.
    wrap = css[css.index(".matrix-wrap {") : css.index("}", css.index(".matrix-wrap {"))]
    assert "overflow" not in wrap and "max-height" not in wrap
