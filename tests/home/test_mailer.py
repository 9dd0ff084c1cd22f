"""The site's own emails (the join form's notice, the password reset) go through the hub's
email helper like the tracker's and the seminars' (``core/mailer.py``): one From address,
Message-IDs on the hub's domain, ``Auto-Submitted``, a subject that encodes cleanly
(issue 21, item 10)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests.home.factories import join_form
from tests.home.test_join_form import VALID
from tests.mail_headers import BASE_URL, check_hub_email

pytestmark = pytest.mark.django_db

#: The address of a member's account (expert-ngo's), to reset its password by.
MEMBER_ADDRESS = "sofia.virtanen@victimsupport.example"


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.BASE_URL = BASE_URL


@pytest.fixture(autouse=True)
def _site_content(db):
    """The join form, naming its own "from address", and a member with an address."""
    join_form(to_address="secretariat@nordic-thb.example", from_address="hub@nordic-thb.example")
    get_user_model().objects.filter(username="expert-ngo").update(email=MEMBER_ADDRESS)


def test_the_join_forms_notice_comes_from_the_hub_and_reads_like_text(client):
    # The form names its own "from address" (hub@nordic-thb.example): not used.
    assert client.post("/join/", VALID).status_code == 200
    (notice,) = mail.outbox
    parsed = check_hub_email(notice, unsubscribe=False)
    assert parsed["Reply-To"] == "kaisa@example.org"  # the secretariat answers the applicant
    assert "Example NGO" in notice.body
    assert "True" not in notice.body
    assert ": Yes" in notice.body  # the consent checkbox


def test_the_password_reset_email_comes_from_the_hub(client):
    response = client.post("/account/password-reset/", {"email": MEMBER_ADDRESS})
    assert response.status_code == 302
    (message,) = mail.outbox
    check_hub_email(message, unsubscribe=False)
    assert "/account/reset/" in message.body
