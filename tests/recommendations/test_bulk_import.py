"""A coordinator updates their country's statuses from a spreadsheet: download the sheet,
edit it, upload it, check the preview, confirm. One bad row and nothing is written."""

import datetime
import io
import re
import zipfile

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from countries.models import Country
from recommendations.choices import Status
from recommendations.models import Follow, StatusUpdate
from recommendations.updates import apply_update

from .factories import impl_of, publish_recommendation, snapshot, tracker_page

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def url(code="fi", tail=""):
    return f"{tracker_page().url}countries/{code}/import/{tail}"


def download(client, code="fi", **headers):
    response = client.get(url(code, "sheet/"), **headers)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == XLSX
    return openpyxl.load_workbook(io.BytesIO(response.content))


def as_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def edit(workbook, code, **values):
    """Set cells of the row of recommendation ``code``, by column heading."""
    sheet = workbook.active
    headings = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[headings.index("Code")].value == code:
            for heading, value in values.items():
                row[headings.index(heading)].value = value
            return workbook
    raise AssertionError(f"{code} is not in the sheet")


def upload(client, content, name="finland.xlsx", code="fi"):
    return client.post(url(code), {"sheet": SimpleUploadedFile(name, content, XLSX)})


def token_of(response) -> str:
    match = re.search(r'name="preview" value="([^"]+)"', response.content.decode())
    assert match, "no confirmation form"
    return match.group(1)


def confirm(client, token, code="fi"):
    return client.post(url(code, "confirm/"), {"preview": token})


@pytest.fixture
def finnish():
    """Three recommendations addressed to Finland (and Sweden), one to Sweden only."""
    pages = [publish_recommendation(f"R-2097-0{n}") for n in (1, 2, 3)]
    swedish = publish_recommendation("R-2097-09", countries=("SE",))
    return pages, swedish


class TestRoundTrip:
    def test_the_sheet_holds_the_countrys_rows_and_reads_back_unchanged(self, client_for, finnish):
        pages, swedish = finnish
        client = client_for("fi-coordinator")
        workbook = download(client)
        sheet = workbook.active
        headings = [cell.value for cell in sheet[1]]
        assert headings[:2] == ["Code", "Recommendation"]
        for heading in ("Status", "Responsible authority", "Next step", "Target date", "Note"):
            assert heading in headings
        codes = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert {p.code for p in pages} <= set(codes) and swedish.code not in codes
        before = [snapshot(impl_of(p, "FI")) for p in pages]

        response = upload(client, as_bytes(workbook))

        assert response.status_code == 200
        html = response.content.decode()
        assert "there is nothing to save" in html and 'name="preview"' not in html
        assert [snapshot(impl_of(p, "FI")) for p in pages] == before

    def test_edited_rows_are_previewed_then_saved_with_their_notes(
        self, client_for, users, finnish, mailoutbox, django_capture_on_commit_callbacks
    ):
        pages, _swedish = finnish
        follower = get_user_model().objects.create_user("reader-fi", "reader-fi@example.org", "x")
        Follow.objects.create(user=follower, country=Country.objects.get(code="FI"), language="en")
        client = client_for("fi-coordinator")
        workbook = download(client)
        edit(workbook, pages[0].code, Status="In progress", Note="Working group appointed.")
        edit(
            workbook,
            pages[1].code,
            **{"Next step": "A bill in spring.", "Target date": datetime.date(2027, 6, 30)},
        )
        edit(workbook, pages[2].code, Note="Only a remark.")  # an unchanged row's note
        unchanged = snapshot(impl_of(pages[2], "FI"))
        sweden = snapshot(impl_of(pages[0], "SE"))

        preview = upload(client, as_bytes(workbook))

        assert preview.status_code == 200
        html = preview.content.decode()
        assert "2 changes" in html and "Working group appointed." in html
        assert "Not started" in html and "In progress" in html and "A bill in spring." in html
        assert "Unchanged: skipped, its note is not saved" in html
        # Nothing is written by the preview.
        assert StatusUpdate.objects.filter(implementation__recommendation__in=pages).count() == 0

        with django_capture_on_commit_callbacks(execute=True):
            response = confirm(client, token_of(preview))

        assert response.status_code == 302
        assert response["Location"].endswith("/countries/fi/")
        first, second = impl_of(pages[0], "FI"), impl_of(pages[1], "FI")
        assert first.status == Status.IN_PROGRESS and first.version == 1
        assert first.updated_by == users["fi-coordinator"]
        (update,) = first.updates.all()
        assert (update.from_status, update.to_status) == ("not_started", "in_progress")
        assert update.note == "Working group appointed."
        assert second.status == Status.NOT_STARTED and second.next_step == "A bill in spring."
        assert second.target_date == datetime.date(2027, 6, 30)
        (update,) = second.updates.all()
        assert update.changes["next_step"] == ["", "A bill in spring."]
        assert snapshot(impl_of(pages[2], "FI")) == unchanged
        assert snapshot(impl_of(pages[0], "SE")) == sweden
        # The status change reached the country's follower, once, as a single update does.
        mails = [m for m in mailoutbox if m.to == [follower.email]]
        assert len(mails) == 1 and "Not started → In progress" in mails[0].subject
        page = client.get(response["Location"]).content.decode()
        assert "1 change to Finland’s follow-up is saved." not in page  # two were
        assert "2 changes to Finland’s follow-up are saved." in page

    def test_a_confirmed_preview_cannot_be_replayed(self, client_for, finnish):
        pages, _swedish = finnish
        client = client_for("fi-coordinator")
        workbook = edit(download(client), pages[0].code, Status="Planned", Note="Planned.")
        token = token_of(upload(client, as_bytes(workbook)))
        assert confirm(client, token).status_code == 302
        after = snapshot(impl_of(pages[0], "FI"))
        response = confirm(client, token)
        assert response.status_code == 409
        assert snapshot(impl_of(pages[0], "FI")) == after

    def test_the_matrix_export_of_the_country_is_accepted_as_it_is(self, client_for, finnish):
        pages, _swedish = finnish
        client = client_for("fi-coordinator")
        export = client.get(f"{tracker_page().url}export/xlsx/?country=FI")
        workbook = openpyxl.load_workbook(io.BytesIO(export.content))
        response = upload(client, as_bytes(workbook))
        assert response.status_code == 200
        assert "there is nothing to save" in response.content.decode()
        # Its "Status code" column, edited, is read too.
        edit(workbook, pages[0].code, **{"Status code": "implemented"})
        response = upload(client, as_bytes(workbook))
        # The export has no note column: a status change without a note is refused.
        assert response.status_code == 400
        assert "Say in a note why the status changes" in response.content.decode()


class TestRefusedRows:
    def test_any_bad_row_writes_nothing_and_each_is_named(self, client_for, finnish):
        pages, swedish = finnish
        client = client_for("fi-coordinator")
        workbook = download(client)
        # A good change, which must not be written either.
        edit(workbook, pages[0].code, Status="Planned", Note="Planned for next year.")
        edit(workbook, pages[1].code, Status="Finished", Note="?")
        edit(workbook, pages[2].code, Status="Implemented")  # no note
        sheet = workbook.active
        sheet.append(["R-0000-00", "Made up"])
        sheet.append([swedish.code, "Sweden's"])
        sheet.append([pages[0].code, "Twice"])
        headings = [cell.value for cell in sheet[1]]
        row = [None] * len(headings)
        row[headings.index("Code")] = pages[2].code.lower()
        sheet.append(row)  # a duplicate, in lower case
        before = [snapshot(impl_of(p, "FI")) for p in pages]
        count = StatusUpdate.objects.count()

        response = upload(client, as_bytes(workbook))

        assert response.status_code == 400
        html = response.content.decode()
        assert 'name="preview"' not in html
        assert "nothing was saved" in html
        rows = {row[0]: n for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)}
        assert "Row 3 (R-2097-02): “Finished” is not a status." in html
        assert "Row 4 (R-2097-03): Note for the history: Say in a note why the status" in html
        assert "There is no recommendation with the code “R-0000-00”." in html
        assert f"Row 6 ({swedish.code}): Recommendation {swedish.code} is not addressed" in html
        assert "Row 7 (R-2097-01): This recommendation is also in row 2" in html
        assert "Row 8 (r-2097-03): This recommendation is also in row 4" in html
        assert rows["R-0000-00"] == 5
        assert [snapshot(impl_of(p, "FI")) for p in pages] == before
        assert StatusUpdate.objects.count() == count

    def test_a_bad_date_and_another_countrys_row_are_refused(self, client_for, finnish):
        pages, _swedish = finnish
        client = client_for("fi-coordinator")
        workbook = download(client)
        edit(workbook, pages[0].code, **{"Target date": "next spring"})
        edit(workbook, pages[1].code, **{"Country code": "SE"})
        before = [snapshot(impl_of(p, "FI")) for p in pages]
        response = upload(client, as_bytes(workbook))
        assert response.status_code == 400
        html = response.content.decode()
        assert "Row 2 (R-2097-01): Target date: Enter a valid date." in html
        assert "Row 3 (R-2097-02): This row is for the country “SE”" in html
        assert [snapshot(impl_of(p, "FI")) for p in pages] == before

    def test_a_preview_made_before_someone_elses_save_is_refused(self, client_for, users, finnish):
        pages, _swedish = finnish
        client = client_for("fi-coordinator")
        workbook = download(client)
        edit(workbook, pages[0].code, Status="Planned", Note="Planned.")
        edit(workbook, pages[1].code, Status="Implemented", Note="Done.")
        token = token_of(upload(client, as_bytes(workbook)))
        # Meanwhile a colleague saves the second recommendation from its own form.
        apply_update(
            impl_of(pages[1], "FI"),
            users["fi-coordinator"],
            {"status": Status.IN_PROGRESS},
            note="Colleague.",
        )
        before = [snapshot(impl_of(p, "FI")) for p in pages]

        response = confirm(client, token)

        assert response.status_code == 409
        assert "R-2097-02" in response.content.decode()
        assert "Nothing of your sheet was saved." in response.content.decode()
        assert [snapshot(impl_of(p, "FI")) for p in pages] == before

    def test_an_altered_preview_is_refused(self, client_for, finnish):
        pages, _swedish = finnish
        client = client_for("fi-coordinator")
        workbook = edit(download(client), pages[0].code, Status="Planned", Note="Planned.")
        token = token_of(upload(client, as_bytes(workbook)))
        before = snapshot(impl_of(pages[0], "FI"))
        for forged in (token[:-3] + "abc", "", "x" * 100):
            response = confirm(client, forged)
            assert response.status_code == 400
            assert "Upload the sheet again." in response.content.decode()
        # Made for Finland, it is no preview of Sweden's either (the admin may do both).
        admin = client_for("admin")
        token = token_of(upload(admin, as_bytes(workbook)))
        assert confirm(admin, token, code="se").status_code == 400
        assert snapshot(impl_of(pages[0], "FI")) == before


class TestRights:
    @pytest.mark.parametrize("username", ["se-coordinator", "fi-editor", "fi-ministry"])
    def test_only_the_countrys_coordinators(self, client_for, finnish, username):
        pages, _swedish = finnish
        coordinator = client_for("fi-coordinator")
        workbook = edit(download(coordinator), pages[0].code, Status="Planned", Note="Plan.")
        content = as_bytes(workbook)
        token = token_of(upload(coordinator, content))
        before = snapshot(impl_of(pages[0], "FI"))

        client = client_for(username)
        assert client.get(url()).status_code == 403
        assert client.get(url(tail="sheet/")).status_code == 403
        assert upload(client, content).status_code == 403
        assert confirm(client, token).status_code == 403
        assert snapshot(impl_of(pages[0], "FI")) == before
        assert (
            "Update several statuses from a spreadsheet"
            not in client.get(f"{tracker_page().url}countries/fi/").content.decode()
        )

    def test_anonymous_is_sent_to_sign_in(self, client_for, finnish):
        pages, _swedish = finnish
        workbook = edit(
            download(client_for("fi-coordinator")), pages[0].code, Status="Planned", Note="P."
        )
        before = snapshot(impl_of(pages[0], "FI"))
        client = client_for(None)
        for response in (
            client.get(url()),
            client.get(url(tail="sheet/")),
            upload(client, as_bytes(workbook)),
            confirm(client, "anything"),
        ):
            assert response.status_code == 302 and "/account/login/" in response["Location"]
        assert snapshot(impl_of(pages[0], "FI")) == before

    def test_the_coordinator_finds_the_page_from_the_country(self, client_for, finnish):
        client = client_for("fi-coordinator")
        html = client.get(f"{tracker_page().url}countries/fi/").content.decode()
        assert f'href="{url()}"' in html
        page = client.get(url())
        assert page.status_code == 200
        assert 'href="' + url(tail="sheet/") + '"' in page.content.decode()

    def test_only_get_and_post(self, client_for, finnish):
        client = client_for("fi-coordinator")
        assert client.put(url()).status_code == 405
        assert client.get(url(tail="confirm/")).status_code == 405


def _zip(members: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


class TestRefusedFiles:
    @pytest.mark.parametrize(
        ("name", "content", "message"),
        [
            ("finland.xlsx", b"PK\x03\x04 not really a zip", "damaged"),
            ("finland.xlsx", b"just some text, not a workbook", "does not match"),
            ("finland.csv", b"code,status\nR-2097-01,planned\n", "Excel workbook (.xlsx)"),
            ("finland.xlsm", b"PK\x03\x04", "macros"),
            (
                "finland.xlsx",
                _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<nonsense"}),
                "damaged",
            ),
            (
                "finland.xlsx",
                _zip({"[Content_Types].xml": "<Types/>", "xl/vbaProject.bin": "macro"}),
                "macros",
            ),
        ],
    )
    def test_a_file_that_is_no_workbook(self, client_for, finnish, name, content, message):
        response = upload(client_for("fi-coordinator"), content, name=name)
        assert response.status_code == 400
        assert message in response.content.decode()

    def test_a_truncated_workbook(self, client_for, finnish):
        client = client_for("fi-coordinator")
        content = as_bytes(download(client))
        response = upload(client, content[: len(content) // 2])
        assert response.status_code == 400
        assert "damaged" in response.content.decode()

    def test_no_file(self, client_for, finnish):
        response = client_for("fi-coordinator").post(url(), {})
        assert response.status_code == 400
        assert "This field is required." in response.content.decode()

    def test_a_sheet_without_the_headings(self, client_for, finnish):
        workbook = openpyxl.Workbook()
        workbook.active.append(["R-2097-01", "planned"])
        response = upload(client_for("fi-coordinator"), as_bytes(workbook))
        assert response.status_code == 400
        assert "column headings of the sheet you downloaded" in response.content.decode()

    def test_too_many_rows_and_too_big(self, client_for, finnish, settings):
        client = client_for("fi-coordinator")
        content = as_bytes(download(client))
        settings.TRACKER_IMPORT_MAX_ROWS = 2
        response = upload(client, content)
        assert response.status_code == 400 and "more than 2 rows" in response.content.decode()
        settings.TRACKER_IMPORT_MAX_ROWS = 1000
        settings.TRACKER_IMPORT_MAX_SIZE = 1000
        response = upload(client, content)
        assert response.status_code == 400 and "larger than" in response.content.decode()


class TestLanguages:
    def test_finnish_labels_and_headings_are_read(self, client_for, finnish):
        pages, _swedish = finnish
        client = client_for("fi-coordinator")
        workbook = download(client, HTTP_ACCEPT_LANGUAGE="fi")
        with translation.override("fi"):
            status_heading = str(translation.gettext("Status"))
            implemented = str(Status.IMPLEMENTED.label)
            note_heading = str(translation.gettext("Note"))
        assert implemented != "Implemented" and status_heading != "Status"
        headings = [cell.value for cell in workbook.active[1]]
        assert status_heading in headings and note_heading in headings
        sheet = workbook.active
        for row in sheet.iter_rows(min_row=2):
            if row[0].value == pages[0].code:  # the code comes first
                row[headings.index(status_heading)].value = implemented.upper()
                row[headings.index(note_heading)].value = "Laki voimaan."
        # Read in an English interface: the Finnish headings and labels are still known.
        preview = upload(client, as_bytes(workbook))
        assert preview.status_code == 200, preview.content.decode()
        assert confirm(client, token_of(preview)).status_code == 302
        impl = impl_of(pages[0], "FI")
        assert impl.status == Status.IMPLEMENTED
        assert impl.updates.get().note == "Laki voimaan."
