"""An attacker's and a careless user's tries at the tracker's new addresses (the report,
its rounds, the import, a country's history): what is hidden never shows, not even as
the difference between two error messages; a wrong address is a 404, never another
country's page."""

import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from countries.models import CountryPage
from recommendations.choices import Status
from recommendations.models import ReportingRound
from recommendations.updates import apply_update
from tests.accounts import sign_in as sign_in_fully
from tests.practices.factories import publish_practice

from .factories import impl_of, publish_recommendation, tracker_page
from .test_bulk_import import as_bytes, upload
from .test_report import PERIOD, report_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(users):
    """A public recommendation to Finland and Sweden, one for members only and one for the
    country tier (outside a space: superusers only), each with a Finnish note."""
    public = publish_recommendation("R-2098-01", countries=("FI", "SE"), title="Open advice")
    members = publish_recommendation(
        "R-2098-02", countries=("FI",), audience="members", title="Members advice"
    )
    team = publish_recommendation(
        "R-2098-03", countries=("FI",), audience="country", title="Team advice"
    )
    for page, note in (
        (public, "Julkinen huomio"),
        (members, "Jäsenten huomio"),
        (team, "Salainen huomio"),
    ):
        apply_update(
            impl_of(page, "FI"), users["fi-coordinator"], {"status": Status.IN_PROGRESS}, note=note
        )
    return {"public": public, "members": members, "team": team}


def history_url(code="fi", tail=""):
    return f"{tracker_page().url}countries/{code}/history/{tail}"


class TestCountryAddresses:
    @pytest.mark.parametrize("code", ["fin", "fix", "f", "fi1"])
    def test_a_code_that_is_not_two_letters_is_not_found(self, client_for, hidden, code):
        client = client_for("fi-coordinator")
        assert client.get(history_url(code)).status_code == 404
        assert client.get(f"{tracker_page().url}countries/{code}/").status_code == 404
        assert client.get(f"{tracker_page().url}countries/{code}/import/").status_code == 404

    def test_upper_case_code_still_finds_the_country(self, client, hidden):
        assert client.get(history_url("FI")).status_code == 200

    @pytest.mark.parametrize("path", ["/practices/fi/report.pdf", "/fi/report.docx"])
    def test_report_file_outside_the_tracker_is_not_found(self, client, hidden, path):
        assert client.get(path).status_code == 404


class TestHistoryLeaks:
    def test_anonymous_sees_only_public_updates_in_the_page_and_exports(self, client, hidden):
        html = client.get(history_url()).content.decode()
        assert "Julkinen huomio" in html
        for secret in ("Jäsenten huomio", "Salainen huomio", "R-2098-02", "R-2098-03"):
            assert secret not in html
        for fmt in ("csv", "xlsx"):
            response = client.get(history_url(tail=f"export/{fmt}/"))
            assert response.status_code == 200
            content = response.content
            if fmt == "xlsx":
                book = openpyxl.load_workbook(io.BytesIO(content))
                content = "\n".join(
                    str(v)
                    for s in book.worksheets
                    for r in s.iter_rows(values_only=True)
                    for v in r
                ).encode()
            text = content.decode("utf-8-sig")
            assert "R-2098-01" in text
            for secret in ("Jäsenten huomio", "Salainen huomio", "R-2098-02", "R-2098-03"):
                assert secret not in text

    def test_a_member_of_another_country_never_sees_the_team_tier(self, client_for, hidden):
        html = client_for("se-coordinator").get(history_url()).content.decode()
        assert "Jäsenten huomio" in html
        assert "Salainen huomio" not in html and "R-2098-03" not in html

    def test_page_and_report_rendered_for_a_member_are_not_served_to_anonymous(
        self, client, client_for, hidden
    ):
        member = client_for("expert-police")
        for url in (history_url(), report_url() + "?start={start}&end={end}".format(**PERIOD)):
            assert "R-2098-02" in member.get(url).content.decode()
        member.logout()
        for url in (history_url(), report_url() + "?start={start}&end={end}".format(**PERIOD)):
            for _ in range(2):  # the second through the page cache
                assert "R-2098-02" not in client.get(url).content.decode()


class TestImportLeaks:
    def test_a_hidden_code_is_said_as_no_such_code(self, client_for, hidden):
        client = client_for("fi-coordinator")
        book = openpyxl.Workbook()
        book.active.append(["Code", "Status"])
        book.active.append(["R-2098-03", "Implemented"])  # exists, the coordinator cannot see it
        book.active.append(["R-2098-99", "Implemented"])  # does not exist
        response = upload(client, as_bytes(book))
        html = response.content.decode()
        assert response.status_code == 400
        assert "There is no recommendation with the code “R-2098-03”" in html
        assert "not addressed to" not in html
        assert "Team advice" not in html

    def test_formula_text_is_kept_as_text_never_run(self, client_for, hidden):
        client = client_for("fi-coordinator")
        book = openpyxl.Workbook()
        book.active.append(["Code", "Status", "Note"])
        book.active.append(["R-2098-01", "Implemented", '=HYPERLINK("http://evil","x")'])
        response = upload(client, as_bytes(book))
        assert response.status_code in (200, 400)


class TestRoundTampering:
    def post(self, client, action, code="fi", **extra):
        return client.post(report_url(code) + "round/", {"action": action, **PERIOD, **extra})

    def test_another_countrys_implementation_cannot_be_confirmed(self, client_for, hidden):
        client = client_for("fi-coordinator")
        assert self.post(client, "open").status_code == 302
        swedish = impl_of(hidden["public"], "SE")
        response = self.post(client, "confirm", implementation=swedish.pk, version=swedish.version)
        assert response.status_code == 400
        for bad in ("abc", "-1", "", "1e9", "99999999999999999999"):
            response = self.post(client, "confirm", implementation=bad, version="x")
            assert response.status_code == 400

    def test_a_coordinator_of_another_country_cannot_open_or_sign(self, client_for, hidden):
        client = client_for("se-coordinator")
        assert self.post(client, "open").status_code == 403
        assert self.post(client, "sign_off").status_code == 403
        assert not ReportingRound.objects.exists()

    def test_missing_csrf_is_refused(self, client_for, hidden):
        strict = Client(enforce_csrf_checks=True)
        sign_in_fully(strict, get_user_model().objects.get(username="fi-coordinator"))
        response = strict.post(report_url() + "round/", {"action": "open", **PERIOD})
        assert response.status_code == 403
        assert not ReportingRound.objects.exists()

    def test_unknown_action_and_bad_period(self, client_for, hidden):
        client = client_for("fi-coordinator")
        assert self.post(client, "delete").status_code == 400
        response = client.post(report_url() + "round/", {"action": "open", "start": "x"})
        assert response.status_code == 400
        assert not ReportingRound.objects.exists()


def test_practice_page_for_a_member_is_not_served_to_anonymous(client, client_for, hidden):
    spaces = {s.country.code: s for s in CountryPage.objects.select_related("country")}
    practice = publish_practice(spaces["FI"], title="Shelter pathway", slug="shelter-pathway")
    impl_of(hidden["members"], "FI").evidence_practices.add(practice)
    assert "R-2098-02" in client_for("expert-police").get(practice.url).content.decode()
    client.logout()
    for _ in range(2):
        assert "R-2098-02" not in client.get(practice.url).content.decode()


def test_the_update_form_takes_no_three_letter_alias(client_for, hidden):
    client = client_for("fi-coordinator")
    page = hidden["public"]
    assert client.get(f"{page.url}update/fi/").status_code == 200
    assert client.get(f"{page.url}update/fin/").status_code == 404


def test_control_characters_in_a_note_never_break_the_report_files(client_for, hidden, users):
    # A vertical tab pasted from Word passes the form (only NUL is refused there); XML
    # cannot hold it, so each file leaves it out instead of failing.
    apply_update(
        impl_of(hidden["public"], "FI"),
        users["fi-coordinator"],
        {"status": Status.IMPLEMENTED, "summary": "Line\x0bbreak\x1f"},
        note="Pasted\x0bfrom\x01Word",
    )
    client = client_for(None)
    for fmt in ("docx", "pdf"):
        response = client.get(report_url(fmt=fmt), PERIOD)
        assert response.status_code == 200, fmt
    for fmt in ("csv", "xlsx"):
        assert client.get(history_url(tail=f"export/{fmt}/")).status_code == 200
    assert client.get(report_url(), PERIOD).status_code == 200


def test_control_characters_in_a_note_never_break_the_feeds(client, hidden, users):
    apply_update(
        impl_of(hidden["public"], "FI"),
        users["fi-coordinator"],
        {"status": Status.IMPLEMENTED, "summary": "Line\x0bbreak"},
        note="Pasted\x0bfrom\x01Word",
    )
    for url in (f"{tracker_page().url}countries/fi/feed/", f"{hidden['public'].url}feed/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"\x0b" not in response.content


@pytest.mark.parametrize("version", ["²", "٣", "1²"])
def test_a_version_that_is_no_number_is_no_server_error(client_for, hidden, version):
    client = client_for("fi-coordinator")
    post = TestRoundTampering().post
    assert post(client, "open").status_code == 302
    impl = impl_of(hidden["public"], "FI")
    response = post(client, "confirm", implementation=impl.pk, version=version)
    assert response.status_code < 500
