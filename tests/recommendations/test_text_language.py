"""The language of what coordinators write (issue 24): an implementation's texts and a
status update's note are in the language the coordinator says, by default the one their
interface is in, and the tracker's pages mark them with it (WCAG 3.1.2)."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from recommendations.choices import Status
from recommendations.models import StatusUpdate
from recommendations.updates import apply_update

from .factories import form_data, impl_of, publish_recommendation

pytestmark = pytest.mark.django_db


def update_url(page, code):
    return f"{page.url}update/{code.lower()}/"


def coordinator(client_for, language):
    client = client_for("se-coordinator")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def selected_language(html):
    select = BeautifulSoup(html, "html.parser").find("select", id="id_language")
    return select.find("option", selected=True)["value"]


def test_the_form_offers_the_interface_language_for_a_first_report(client_for):
    page = publish_recommendation("R-2097-01")
    client = coordinator(client_for, "sv")
    assert selected_language(client.get(update_url(page, "SE")).content.decode()) == "sv"


def test_the_form_keeps_the_language_of_texts_already_written(client_for, users):
    page = publish_recommendation("R-2097-02")
    impl = impl_of(page, "SE")
    apply_update(impl, users["se-coordinator"], {"summary": "Work has begun."})
    client = coordinator(client_for, "sv")
    assert selected_language(client.get(update_url(page, "SE")).content.decode()) == "en"


def test_the_texts_and_the_note_are_saved_and_marked_in_their_language(client_for):
    page = publish_recommendation("R-2097-03")
    impl = impl_of(page, "SE")
    client = coordinator(client_for, "sv")
    data = form_data(
        impl,
        status=Status.PLANNED,
        language="sv",
        summary="En nationell handlingsplan är beslutad.",
        next_step="Regeringen tillsätter en utredning.",
        responsible_authority="Jämställdhetsmyndigheten",
        note="Beslutet fattades i mars.",
    )
    assert client.post(update_url(page, "SE"), data).status_code == 302
    impl.refresh_from_db()
    assert impl.language == "sv"
    assert StatusUpdate.objects.get(implementation=impl).language == "sv"
    # Read in a Finnish interface, the Swedish texts say they are Swedish.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    soup = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    card = soup.find(id="country-se")
    for text in (data["summary"], data["next_step"], data["responsible_authority"]):
        assert card.find(string=text).parent["lang"] == "sv", text
    note = soup.find(class_="timeline__note")
    assert note.get_text() == data["note"] and note["lang"] == "sv"
    country = BeautifulSoup(
        client.get("/recommendations/countries/se/").content.decode(), "html.parser"
    )
    cell = country.find(string=data["responsible_authority"]).parent
    assert cell.name == "td" and cell["lang"] == "sv"


def test_a_form_without_the_language_keeps_it(client_for, users):
    page = publish_recommendation("R-2097-04")
    impl = impl_of(page, "SE")
    apply_update(impl, users["se-coordinator"], {"summary": "Påbörjat.", "language": "sv"})
    impl.refresh_from_db()
    client = coordinator(client_for, "fi")
    data = form_data(impl, status=Status.IN_PROGRESS, note="Arbetet pågår.")
    assert "language" not in data
    assert client.post(update_url(page, "SE"), data).status_code == 302
    impl.refresh_from_db()
    assert impl.language == "sv"
    assert impl.updates.first().language == "sv"


def test_an_unknown_language_is_refused(client_for):
    page = publish_recommendation("R-2097-05")
    impl = impl_of(page, "SE")
    client = coordinator(client_for, "sv")
    data = form_data(impl, status=Status.PLANNED, note="Planerat.", language="xx")
    response = client.post(update_url(page, "SE"), data)
    assert response.status_code == 400
    impl.refresh_from_db()
    assert impl.status == Status.NOT_STARTED and impl.language == "en"


def test_notes_written_before_the_language_was_known_are_english(users, client):
    page = publish_recommendation("R-2097-06")
    apply_update(
        impl_of(page, "SE"), users["se-coordinator"], {"status": Status.PLANNED}, note="Planned."
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    soup = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    assert soup.find(class_="timeline__note")["lang"] == "en"


def test_the_evidence_to_choose_from_is_marked_with_each_practice_language(client_for):
    from countries.models import CountryPage
    from tests.practices.factories import publish_practice

    publish_practice(
        CountryPage.objects.get(country__code="SE"),
        title="Stöd till offer i Malmö",
        slug="stod-till-offer-i-malmo",
        language="sv",
        summary_en="Support for victims in Malmö.",
    )
    page = publish_recommendation("R-2097-07")
    client = coordinator(client_for, "fi")
    soup = BeautifulSoup(client.get(update_url(page, "SE")).content.decode(), "html.parser")
    label = soup.find(string="Stöd till offer i Malmö").parent
    assert label.name == "span" and label["lang"] == "sv"
