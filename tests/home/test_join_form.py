import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from home.models import FormPage
from tests.home.factories import join_form, secretariat_runs

#: Where the join form sends its notices (the form's "to address").
SECRETARIAT = "secretariat@nordic-thb.example"

VALID = {
    "full_name": "Kaisa Example",
    "email_address": "kaisa@example.org",
    "organisation": "Example NGO",
    "country": "Finland",
    "sector": "NGO",
    "i_apply_for": "Network membership",
    "message": "We run a shelter.",
    "i_agree_that_the_secretariat_stores_this_application": "on",
}


@pytest.fixture(autouse=True)
def _join_form(db):
    """The live join form at /join/, sending its notices to the secretariat, who runs it."""
    return secretariat_runs(join_form(to_address=SECRETARIAT))


@pytest.mark.django_db
def test_application_is_stored_and_emailed_to_the_secretariat(client):
    response = client.post("/join/", VALID)
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    submission = FormSubmission.objects.get(page=FormPage.objects.get())
    assert submission.get_data()["organisation"] == "Example NGO"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [SECRETARIAT]
    assert "Example NGO" in mail.outbox[0].body


@pytest.mark.django_db
def test_missing_fields_are_explained_and_nothing_is_stored(client):
    response = client.post("/join/", {**VALID, "email_address": "not-an-email", "full_name": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert 'href="#id_full_name"' in body
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_secretariat_can_export_submissions(client, client_for):
    client.post("/join/", VALID)
    page = FormPage.objects.get()
    response = client_for("secretariat").get(f"/admin/forms/submissions/{page.pk}/?export=csv")
    assert response.status_code == 200
    assert "Example NGO" in b"".join(response.streaming_content).decode()


@pytest.mark.django_db
def test_coordinators_cannot_read_submissions(client, client_for):
    client.post("/join/", VALID)
    page = FormPage.objects.get()
    response = client_for("fi-coordinator").get(f"/admin/forms/submissions/{page.pk}/")
    assert response.status_code == 302


@pytest.mark.django_db
def test_required_dropdowns_start_empty(client):
    body = client.get("/join/").content.decode()
    assert '<option value="" selected>Choose…</option>' in body
    response = client.post("/join/", {**VALID, "country": ""})
    assert "There is a problem" in response.content.decode()
    assert FormSubmission.objects.count() == 0


@pytest.mark.django_db
def test_choice_groups_are_fieldsets_with_legends(client):
    body = client.get("/join/").content.decode()
    assert "<legend>I apply for" in body
