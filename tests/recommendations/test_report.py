"""A country's follow-up report (page, DOCX, PDF) and its reporting rounds."""

import datetime
import io

import docx
import pypdf
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page

from recommendations.choices import HistoryKind, Status
from recommendations.models import ReportingRound, StatusUpdate
from recommendations.updates import apply_update

from .factories import impl_of, publish_recommendation, tracker_page

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
PERIOD = {"start": f"{TODAY.year}-01-01", "end": TODAY.isoformat()}


def report_url(code="fi", fmt=""):
    base = f"{tracker_page().url}{code}/report"
    return f"{base}.{fmt}" if fmt else f"{base}/"


@pytest.fixture
def recs(users):
    public = publish_recommendation(
        "R-2097-01", countries=("FI", "SE"), title="Åland’s shelters for “victims”"
    )
    members = publish_recommendation(
        "R-2097-02", countries=("FI",), audience="members", title="Members-only plan"
    )
    other = publish_recommendation(
        "R-2097-03", countries=("FI",), source_report="Another report", title="Other source"
    )
    impl = impl_of(public, "FI")
    apply_update(
        impl,
        users["fi-coordinator"],
        {
            "status": Status.IN_PROGRESS,
            "evidence_links": "https://example.org/plan Action plan ðþæø",
        },
        note="Työryhmä asetettu.",
    )
    return {"public": public, "members": members, "other": other}


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    # The PDF's lines wrap: compare text with spaces and line breaks folded.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


class TestContent:
    def test_page_shows_status_history_evidence_and_measure(self, client, recs):
        response = client.get(report_url(), PERIOD)
        html = response.content.decode()
        assert response.status_code == 200
        assert "R-2097-01" in html and "R-2097-03" in html
        assert "Åland’s shelters for “victims”" in html
        assert "In progress" in html and "Työryhmä asetettu." in html
        assert 'href="https://example.org/plan"' in html and "Action plan ðþæø" in html
        # The measure is matrix.summarise's over the rows: 2 applicable, none implemented.
        assert "0 of 2 applicable recommendations implemented" in html
        assert "No reporting round has been opened" in html
        # The files carry the same parameters.
        assert f"report.docx?start={PERIOD['start']}&amp;end={PERIOD['end']}" in html

    def test_source_narrows_the_report(self, client, recs):
        response = client.get(report_url(), {**PERIOD, "source": "another-report"})
        html = response.content.decode()
        assert response.status_code == 200
        assert "R-2097-03" in html and "R-2097-01" not in html

    def test_history_outside_the_period_is_left_out(self, client, recs):
        last_year = {"start": f"{TODAY.year - 1}-01-01", "end": f"{TODAY.year - 1}-12-31"}
        html = client.get(report_url(), last_year).content.decode()
        assert "Työryhmä asetettu." not in html and "No change in the period." in html

    def test_docx_has_codes_statuses_and_finnish_words(self, client, recs):
        response = client.get(report_url(fmt="docx"), PERIOD)
        assert response.status_code == 200
        assert response["Content-Type"].startswith(
            "application/vnd.openxmlformats-officedocument.wordprocessingml"
        )
        assert (
            f'filename="tracker-report-fi-{TODAY.isoformat()}.docx"'
            in response["Content-Disposition"]
        )
        text = docx_text(response.content)
        assert "R-2097-01" in text and "In progress" in text and "Not started" in text
        assert "Työryhmä asetettu." in text and "https://example.org/plan" in text
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
        text = docx_text(client.get(report_url(fmt="docx"), PERIOD).content)
        assert "Käynnissä" in text and "Ei aloitettu" in text and "Tila" in text

    def test_pdf_has_codes_statuses_and_nordic_letters(self, client, recs):
        response = client.get(report_url(fmt="pdf"), PERIOD)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert (
            f'filename="tracker-report-fi-{TODAY.isoformat()}.pdf"'
            in response["Content-Disposition"]
        )
        text = pdf_text(response.content)
        assert "R-2097-01" in text and "In progress" in text
        assert "Åland’s shelters for “victims”" in text and "ðþæø" in text
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
        text = pdf_text(client.get(report_url(fmt="pdf"), PERIOD).content)
        assert "Käynnissä" in text and "Yhteenveto" in text


class TestVisibility:
    def test_anonymous_never_sees_a_members_only_recommendation(self, client, recs):
        assert "R-2097-02" not in client.get(report_url(), PERIOD).content.decode()
        response = client.get(report_url(fmt="docx"), PERIOD)
        assert "R-2097-02" not in docx_text(response.content)
        assert "Members-only" not in docx_text(response.content)
        response = client.get(report_url(fmt="pdf"), PERIOD)
        assert "R-2097-02" not in pdf_text(response.content)

    def test_members_see_it(self, client_for, recs):
        client = client_for("expert-police")
        assert "R-2097-02" in client.get(report_url(), PERIOD).content.decode()
        response = client.get(report_url(fmt="docx"), PERIOD)
        assert "R-2097-02" in docx_text(response.content)


class TestParameters:
    @pytest.mark.parametrize(
        "params",
        [
            {"start": "2026-13-45", "end": "2026-12-31"},
            {"start": "2026-12-31", "end": "2026-01-01"},
            {"start": "0001-01-01", "end": "2026-01-01"},
            {"source": "no-such-source"},
        ],
    )
    def test_bad_parameters_are_a_clear_400(self, client, recs, params):
        response = client.get(report_url(), params)
        assert response.status_code == 400
        assert "There is a problem" in response.content.decode()
        for fmt in ("docx", "pdf"):
            response = client.get(report_url(fmt=fmt), params)
            assert response.status_code == 400
            assert response["Content-Type"].startswith("text/plain")

    def test_unknown_country_is_404(self, client, recs):
        assert client.get(report_url("xx")).status_code == 404
        assert client.get(report_url("xx", "pdf")).status_code == 404


class TestRoutes:
    def test_a_recommendation_cannot_take_a_country_code_as_slug(self, recs):
        page = recs["public"]
        page.slug = "fi"
        with pytest.raises(ValidationError) as refused:
            page.full_clean()
        assert "slug" in refused.value.message_dict

    def test_a_two_letter_child_still_leaves_the_report_its_route(self, client, recs):
        # A page saved before the rule (or bypassing it) with the slug "fi": the report's
        # route is resolved first, and the page itself still answers at its own address.
        page = recs["other"]
        Page.objects.filter(pk=page.pk).update(slug="fi", url_path=tracker_page().url_path + "fi/")
        report = client.get(report_url(), PERIOD)
        assert report.status_code == 200 and "follow-up report" in report.content.decode()
        detail = client.get(f"{tracker_page().url}fi/")
        assert detail.status_code == 200 and "Other source" in detail.content.decode()
        assert "follow-up report" not in detail.content.decode()


class TestRound:
    def post(self, client, action, **extra):
        return client.post(report_url() + "round/", {"action": action, **PERIOD, **extra})

    def open_round(self, client_for):
        response = self.post(client_for("fi-coordinator"), "open")
        assert response.status_code == 302
        return ReportingRound.objects.get(country__code="FI")

    def test_coordinator_confirms_and_ministry_signs_off(self, client_for, users, recs):
        current = self.open_round(client_for)
        client = client_for("fi-coordinator")
        impl = impl_of(recs["public"], "FI")
        response = self.post(client, "confirm", implementation=impl.pk, version=impl.version)
        assert response.status_code == 302
        entry = StatusUpdate.objects.get(implementation=impl, kind=HistoryKind.CONFIRMATION)
        assert entry.reporting_round == current
        assert entry.from_status == entry.to_status == Status.IN_PROGRESS
        assert impl_of(recs["public"], "FI").version == impl.version  # nothing else moved
        # The ministry cannot sign off while a status is unconfirmed.
        response = self.post(client_for("fi-ministry"), "sign_off")
        assert response.status_code == 400
        # The refusal's page still chooses the report with GET on the report's address.
        assert f'method="get" action="{report_url()}"' in response.content.decode()
        assert not ReportingRound.objects.get(pk=current.pk).is_signed_off
        # Confirm all the rest in one click.
        response = self.post(client_for("fi-coordinator"), "confirm_all")
        assert response.status_code == 302
        confirmed = StatusUpdate.objects.filter(
            reporting_round=current, kind=HistoryKind.CONFIRMATION
        )
        assert confirmed.count() == 3  # fi-coordinator sees the members-only one too
        html = client.get(report_url(), PERIOD).content.decode()
        assert "3 of 3 statuses confirmed." in html
        response = self.post(client_for("fi-ministry"), "sign_off")
        assert response.status_code == 302
        current.refresh_from_db()
        assert current.signed_off_by == users["fi-ministry"] and current.signed_off_at
        assert StatusUpdate.objects.filter(reporting_round=current, kind="sign_off").count() == 3
        # The report, in every format, says who signed off.
        anonymous = client_for(None)
        html = anonymous.get(report_url(), PERIOD).content.decode()
        name = current.signed_off_by_name
        assert f"Signed off by {name}" in html
        assert f"Signed off by {name}" in docx_text(
            anonymous.get(report_url(fmt="docx"), PERIOD).content
        )
        assert f"Signed off by {name}" in pdf_text(
            anonymous.get(report_url(fmt="pdf"), PERIOD).content
        )
        # The recommendation's timeline shows the confirmation and the sign-off.
        detail = anonymous.get(recs["public"].url).content.decode()
        assert "Confirmed for a reporting round" in detail
        assert "Signed off for a reporting round" in detail

    def test_signed_off_round_takes_nothing_more(self, client_for, recs):
        current = self.open_round(client_for)
        self.post(client_for("fi-coordinator"), "confirm_all")
        assert self.post(client_for("fi-ministry"), "sign_off").status_code == 302
        entries = StatusUpdate.objects.count()
        current.refresh_from_db()
        signed = current.signed_off_at
        response = self.post(client_for("fi-ministry"), "sign_off")
        assert response.status_code == 409 and "is signed off" in response.content.decode()
        impl = impl_of(recs["public"], "FI")
        response = self.post(client_for("fi-coordinator"), "confirm", implementation=impl.pk)
        assert response.status_code == 409
        assert StatusUpdate.objects.count() == entries
        current.refresh_from_db()
        assert current.signed_off_at == signed

    def test_a_change_after_the_confirmation_needs_a_new_one(self, client_for, users, recs):
        self.open_round(client_for)
        self.post(client_for("fi-coordinator"), "confirm_all")
        apply_update(
            impl_of(recs["other"], "FI"), users["fi-coordinator"], {"status": "planned"}, note="x"
        )
        html = client_for(None).get(report_url(), PERIOD).content.decode()
        assert "1 of 2 statuses confirmed." in html

    def test_stale_confirmation_is_refused(self, client_for, users, recs):
        self.open_round(client_for)
        impl = impl_of(recs["other"], "FI")
        apply_update(impl, users["fi-coordinator"], {"status": "planned"}, note="x")
        response = self.post(
            client_for("fi-coordinator"), "confirm", implementation=impl.pk, version=0
        )
        assert response.status_code == 409
        assert not StatusUpdate.objects.filter(kind=HistoryKind.CONFIRMATION).exists()

    @pytest.mark.parametrize(
        "username", ["se-coordinator", "fi-ministry", "fi-editor", "expert-police", "secretariat"]
    )
    def test_only_the_countrys_coordinators_open_and_confirm(self, client_for, recs, username):
        client = client_for(username)
        assert self.post(client, "open").status_code == 403
        assert not ReportingRound.objects.exists()
        current = self.open_round(client_for)
        client = client_for(username)
        impl = impl_of(recs["public"], "FI")
        assert self.post(client, "confirm", implementation=impl.pk).status_code == 403
        assert self.post(client, "confirm_all").status_code == 403
        assert not current.entries.exists()

    @pytest.mark.parametrize("username", ["se-ministry", "fi-coordinator", "expert-police"])
    def test_only_the_countrys_ministry_signs_off(self, client_for, recs, username):
        current = self.open_round(client_for)
        self.post(client_for("fi-coordinator"), "confirm_all")
        entries = StatusUpdate.objects.count()
        assert self.post(client_for(username), "sign_off").status_code == 403
        current.refresh_from_db()
        assert not current.is_signed_off and StatusUpdate.objects.count() == entries

    def test_anonymous_is_sent_to_sign_in(self, client_for, recs):
        for action in ("open", "confirm_all", "sign_off"):
            response = self.post(client_for(None), action)
            assert response.status_code == 302 and "/account/login/" in response["Location"]
        assert not ReportingRound.objects.exists()

    def test_get_is_not_allowed(self, client, recs):
        assert client.get(report_url() + "round/").status_code == 405

    def test_buttons_follow_the_rights(self, client_for, recs):
        html = client_for("fi-coordinator").get(report_url(), PERIOD).content.decode()
        assert "Open a reporting round" in html
        html = client_for("se-coordinator").get(report_url(), PERIOD).content.decode()
        assert "Open a reporting round" not in html
        self.open_round(client_for)
        html = client_for("fi-coordinator").get(report_url(), PERIOD).content.decode()
        assert "Confirm unchanged" in html and "Sign off this reporting round" not in html
        self.post(client_for("fi-coordinator"), "confirm_all")
        html = client_for("fi-ministry").get(report_url(), PERIOD).content.decode()
        assert "Sign off this reporting round" in html
        html = client_for("se-ministry").get(report_url(), PERIOD).content.decode()
        assert "Sign off this reporting round" not in html


def test_rounds_are_per_source_and_period(client_for, recs):
    client = client_for("fi-coordinator")
    client.post(report_url() + "round/", {"action": "open", **PERIOD})
    other = {"start": "2020-01-01", "end": "2020-12-31"}
    html = client.get(report_url(), other).content.decode()
    assert "No reporting round has been opened" in html
    assert ReportingRound.objects.get().period_start == datetime.date(TODAY.year, 1, 1)
