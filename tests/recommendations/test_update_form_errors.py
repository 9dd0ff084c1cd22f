"""The update form after a refused save: the saved status stays "current", what was typed
stays in the form, the error summary comes first and takes the focus, and the note sits
right after the status it explains."""

import pytest
from bs4 import BeautifulSoup

from recommendations.choices import Status
from recommendations.forms import ImplementationForm
from recommendations.updates import apply_update

from .factories import form_data, impl_of, publish_recommendation, snapshot

pytestmark = pytest.mark.django_db


def url(page, code):
    return f"{page.url}update/{code.lower()}/"


def current_status(soup) -> str:
    """The text of the "Current status" line above the form."""
    line = next(p for p in soup.find_all("p") if "Current status:" in p.get_text())
    return " ".join(line.get_text().split())


@pytest.fixture
def refused(client_for, users):
    """Finland's follow-up saved as "Planned", then a change to "Implemented" posted
    without the note it needs."""
    page = publish_recommendation("R-2601-01")
    impl = impl_of(page, "FI")
    apply_update(impl, users["fi-coordinator"], {"status": Status.PLANNED}, note="Planned.")
    impl.refresh_from_db()
    before = snapshot(impl)
    data = form_data(
        impl,
        status="implemented",
        summary="A law was passed in May.",
        responsible_authority="Ministry of Justice",
        next_step="Evaluate the law.",
    )
    response = client_for("fi-coordinator").post(url(page, "FI"), data)
    return page, impl, before, response


class TestRefusedSave:
    def test_is_refused_and_nothing_saved(self, refused):
        _page, impl, before, response = refused
        assert response.status_code == 400
        assert snapshot(impl) == before

    def test_current_status_is_the_saved_one(self, refused):
        _page, _impl, _before, response = refused
        soup = BeautifulSoup(response.content, "html.parser")
        line = current_status(soup)
        assert "Planned" in line
        assert "Implemented" not in line

    def test_the_posted_input_is_kept(self, refused):
        _page, _impl, _before, response = refused
        soup = BeautifulSoup(response.content, "html.parser")
        checked = soup.find("input", {"name": "status", "checked": True})
        assert checked["value"] == "implemented"
        assert soup.find("textarea", {"name": "summary"}).get_text().strip() == (
            "A law was passed in May."
        )
        assert soup.find("input", {"name": "responsible_authority"})["value"] == (
            "Ministry of Justice"
        )
        assert soup.find("textarea", {"name": "next_step"}).get_text().strip() == (
            "Evaluate the law."
        )

    def test_the_error_summary_comes_first_and_takes_the_focus(self, refused):
        _page, _impl, _before, response = refused
        soup = BeautifulSoup(response.content, "html.parser")
        article = soup.find("main").find("article")
        summary = soup.find(id="error-summary")
        assert summary is not None
        assert summary["tabindex"] == "-1" and summary.has_attr("autofocus")
        assert summary["role"] == "alert"
        # Nothing of the page but its title (and the link back above it) comes before it.
        assert summary.parent is article
        before = [el.name for el in summary.find_previous_siblings()]
        assert list(reversed(before)) == ["p", "h1"]
        # Its one link goes to the note, which is there to receive it.
        links = [a["href"] for a in summary.find_all("a")]
        assert links == ["#id_note"]
        assert soup.find(id="id_note") is not None
        assert "Say in a note why the status changes" in summary.get_text()

    def test_the_summary_precedes_the_current_status_and_the_form(self, refused):
        _page, _impl, _before, response = refused
        html = response.content.decode()
        assert html.index('id="error-summary"') < html.index("Current status:")
        assert html.index('id="error-summary"') < html.index('<form method="post"')
        # Only one element of the page asks for the focus.
        assert html.count("autofocus") == 1

    def test_a_form_without_errors_takes_no_focus(self, client_for):
        page = publish_recommendation("R-2601-02")
        html = client_for("fi-coordinator").get(url(page, "FI")).content.decode()
        assert 'id="error-summary"' not in html and "autofocus" not in html


class TestNoteNextToStatus:
    def test_the_form_orders_the_note_after_the_status(self):
        impl = impl_of(publish_recommendation("R-2601-04"), "FI")
        # The admin's update form is the same form: the same order there.
        assert list(ImplementationForm(instance=impl).fields)[:2] == ["status", "note"]

    def test_the_page_shows_the_note_right_after_the_status(self, client_for):
        page = publish_recommendation("R-2601-03")
        html = client_for("fi-coordinator").get(url(page, "FI")).content
        form = BeautifulSoup(html, "html.parser").find("main").find("form", method="post")
        fields = form.find_all("div", class_="field")
        status, note = fields[0], fields[1]
        assert status.find("input", {"name": "status"}) is not None
        assert note.find("textarea", {"name": "note"}) is not None
        # The hint says when the note is required.
        hint = note.find(id="id_note_helptext").get_text()
        assert "Required when you change the status" in hint
        assert "id_note_helptext" in note.find("textarea")["aria-describedby"]
        # And it comes before every piece of evidence.
        order = [el.get("name") for el in form.find_all(["input", "textarea"])]
        assert order.index("note") < order.index("responsible_authority")
        assert order.index("note") < order.index("evidence_links")
