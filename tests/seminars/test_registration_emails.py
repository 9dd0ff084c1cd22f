"""The emails of a seminar registration carry the hub's headers (``core/mailer.py``); the
organisers' notice is written in the organisers' language, with dates and yes/no answers
as people read them, never ``True`` or ``2026-03-01`` (issue 21, item 10)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from seminars.models import RegistrationField, SeminarIndexPage
from tests.mail_headers import BASE_URL, check_hub_email

from .factories import SeminarPageFactory

pytestmark = pytest.mark.django_db

FIELDS = [
    ("Full name", "singleline", True),
    ("Email address", "email", True),
    ("Needs interpretation", "checkbox", False),
    ("Vegetarian", "checkbox", False),
    ("Arrival date", "date", True),
]
ANSWERS = {
    "full_name": "Ilse Nyberg",
    "email_address": "ilse@example.org",
    "needs_interpretation": "on",
    "arrival_date": "2026-03-01",
}


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.BASE_URL = BASE_URL


def _seminar(**fields):
    page = SeminarPageFactory.build(
        title="Cross-border cooperation against trafficking: the Nordic seminar", **fields
    )
    for order, (label, kind, required) in enumerate(FIELDS):
        page.form_fields.add(
            RegistrationField(sort_order=order, label=label, field_type=kind, required=required)
        )
    page = SeminarIndexPage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return page


def _register(client, seminar, capture, mailoutbox):
    with capture(execute=True):
        response = client.post(seminar.url + "register/", ANSWERS)
    assert response.status_code == 302
    return {address: m for m in mailoutbox for address in m.to}


def test_the_organisers_read_the_notice_in_their_own_language(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    organiser = get_user_model().objects.create_user("organiser-fi", "jarjestaja@example.org", "x")
    profile = UserProfile.get_for_user(organiser)
    profile.preferred_language = "fi"
    profile.save()
    seminar = _seminar(
        to_address="Jarjestaja@Example.org, desk@example.org",
        from_address="organisers@example.org",
    )
    sent = _register(client, seminar, django_capture_on_commit_callbacks, mailoutbox)

    finnish = sent["Jarjestaja@Example.org"]
    parsed = check_hub_email(finnish, unsubscribe=False)
    assert parsed["Content-Language"] == "fi"
    assert parsed["Reply-To"] == "ilse@example.org"  # replies reach the registrant
    body = finnish.body
    assert "Käyttäjätili: –" in body  # "Account", already translated: written in Finnish
    assert "Needs interpretation: Kyllä" in body
    assert "Vegetarian: Ei" in body
    assert "Arrival date: 1. maaliskuuta 2026" in body
    for raw in ("True", "False", "2026-03-01", "None"):
        assert raw not in body
    # An address without an account: the seminar's working language (English here).
    english = sent["desk@example.org"]
    assert english.to == ["desk@example.org"]
    check_hub_email(english, unsubscribe=False)
    assert "Needs interpretation: Yes" in english.body
    assert "Vegetarian: No" in english.body
    assert "Arrival date: 1 March 2026" in english.body
    assert "Account: –" in english.body

    # The registrant's confirmation: from the hub's address, replies to the organisers.
    parsed = check_hub_email(sent["ilse@example.org"], unsubscribe=False)
    assert parsed["Reply-To"] == "organisers@example.org"


def test_without_accounts_the_notice_is_in_the_seminars_working_language(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    seminar = _seminar(to_address="arrangorer@example.org", language="sv")
    sent = _register(client, seminar, django_capture_on_commit_callbacks, mailoutbox)
    notice = sent["arrangorer@example.org"]
    assert check_hub_email(notice, unsubscribe=False)["Content-Language"] == "sv"
    assert "Konto: –" in notice.body
    assert "Needs interpretation: Ja" in notice.body
    assert "Vegetarian: Nej" in notice.body
    assert "Arrival date: 1 mars 2026" in notice.body
