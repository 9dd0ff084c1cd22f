"""The seminar editor in Wagtail's admin: who may use it, and what it refuses."""

import pytest

from seminars.models import SeminarIndexPage, SeminarPage

from .factories import helsinki_seminar

pytestmark = pytest.mark.django_db


@pytest.fixture
def helsinki(db):
    """A published seminar, "Seminar on Nordic best practices ...", with its speakers
    (people snippets)."""
    return helsinki_seminar()


def _formset(prefix, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _seminar_data(slug, *, email_field=True, **extra):
    data = {
        "title": "Reykjavík seminar",
        "slug": slug,
        "intro": "The network meets in Reykjavík.",
        "start_date": "2031-05-06",
        "start_time": "09:00",
        "end_time": "16:00",
        "time_zone": "Atlantic/Reykjavik",
        "city": "Reykjavík",
        "host_country": "",
        "language": "en",
        "audience": "public",
        "has_registration": "on",
        "registration_closes": "2031-05-01 23:59",
        "body-count": "0",
        "programme-count": "0",
        "outputs-count": "0",
        **_formset("recordings"),
        **_formset("presented_practices"),
        **_formset("comments"),
        **_formset("form_fields", 2 if email_field else 1),
        "form_fields-0-label": "Full name",
        "form_fields-0-field_type": "singleline",
        "form_fields-0-required": "on",
        "form_fields-0-ORDER": "1",
        "form_fields-1-label": "Email address",
        "form_fields-1-field_type": "email",
        "form_fields-1-required": "on",
        "form_fields-1-ORDER": "2",
    }
    data.update(extra)
    return data


def _add_url():
    index = SeminarIndexPage.objects.get()
    return f"/admin/pages/add/seminars/seminarpage/{index.pk}/"


def test_secretariat_creates_a_seminar_in_the_admin(client_for):
    from countries.models import Country

    client = client_for("secretariat")
    assert client.get(_add_url()).status_code == 200
    iceland = Country.objects.get(code="IS").pk
    response = client.post(_add_url(), _seminar_data("reykjavik-2031", host_country=iceland))
    assert response.status_code == 302, response.content.decode()[:3000]
    seminar = SeminarPage.objects.get(slug="reykjavik-2031")
    assert seminar.starts_at.isoformat() == "2031-05-06T09:00:00+00:00"
    assert [f.field_type for f in seminar.form_fields.all()] == ["singleline", "email"]


def test_registration_without_an_email_field_or_closing_date_is_refused(client_for):
    from countries.models import Country

    client = client_for("secretariat")
    iceland = Country.objects.get(code="IS").pk
    data = _seminar_data(
        "reykjavik-no-email", email_field=False, host_country=iceland, registration_closes=""
    )
    response = client.post(_add_url(), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "needs an email field" in html
    assert "Give the date registration closes" in html
    assert not SeminarPage.objects.filter(slug="reykjavik-no-email").exists()


@pytest.mark.parametrize("username", ["fi-coordinator", "se-editor", "expert-police"])
def test_country_roles_cannot_edit_seminars_or_speakers(client_for, helsinki, username):
    client = client_for(username)
    helsinki = SeminarPage.objects.get(slug="helsinki-2021")
    before = helsinki.latest_revision_id
    assert client.get(f"/admin/pages/{helsinki.pk}/edit/").status_code == 302
    assert client.get("/admin/snippets/seminars/person/").status_code in (302, 403)
    client.post(f"/admin/pages/{helsinki.pk}/edit/", {"title": "Changed"})
    helsinki.refresh_from_db()
    assert helsinki.title.startswith("Seminar on Nordic")
    assert helsinki.latest_revision_id == before


def test_secretariat_edits_seminars_and_speakers(client_for, helsinki):
    client = client_for("secretariat")
    helsinki = SeminarPage.objects.get(slug="helsinki-2021")
    assert client.get(f"/admin/pages/{helsinki.pk}/edit/").status_code == 200
    assert client.get("/admin/snippets/seminars/person/").status_code == 200
