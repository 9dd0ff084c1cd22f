import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from countries.models import Membership
from tests.countries.factories import PASSWORD
from tests.home.factories import members_handbook

#: The address of a member's account (expert-ngo's), to reset its password by.
MEMBER_ADDRESS = "sofia.virtanen@victimsupport.example"


@pytest.fixture
def handbook(db):
    """The members-only network page /members-handbook/."""
    return members_handbook()


@pytest.fixture
def member_address(db):
    get_user_model().objects.filter(username="expert-ngo").update(email=MEMBER_ADDRESS)
    return MEMBER_ADDRESS


@pytest.fixture
def police_expert(db):
    """expert-police, a member from the Swedish Police Authority."""
    Membership.objects.filter(user__username="expert-police").update(
        organisation="Swedish Police Authority"
    )


@pytest.mark.django_db
def test_sign_in_and_out_on_the_site(client, handbook):
    response = client.post(
        "/account/login/",
        {"username": "expert-ngo", "password": PASSWORD, "next": "/members-handbook/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/members-handbook/"
    assert client.get("/members-handbook/").status_code == 200
    assert client.post("/account/logout/").status_code == 302
    assert client.get("/members-handbook/").status_code == 302


@pytest.mark.django_db
def test_wrong_password_says_so(client):
    response = client.post("/account/login/", {"username": "expert-ngo", "password": "nope"})
    assert response.status_code == 200
    assert "did not match" in response.content.decode()


@pytest.mark.django_db
def test_password_reset_by_email(client, member_address):
    response = client.post("/account/password-reset/", {"email": member_address})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/account/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    response = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-long-new-passphrase-42", "new_password2": "a-long-new-passphrase-42"},
    )
    assert response.status_code == 302
    assert client.login(
        request=HttpRequest(), username="expert-ngo", password="a-long-new-passphrase-42"
    )


@pytest.mark.django_db
def test_unknown_email_reveals_nothing(client):
    response = client.post("/account/password-reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_there_is_no_self_sign_up():
    for name in ("accounts:signup", "accounts:register", "signup", "register"):
        with pytest.raises(NoReverseMatch):
            reverse(name)


@pytest.mark.django_db
def test_profile_needs_sign_in_and_shows_membership(client, client_for, police_expert):
    assert client.get("/account/").status_code == 302
    body = client_for("expert-police").get("/account/").content.decode()
    assert "Swedish Police Authority" in body
    assert "Police" in body
    assert "Experts" in body


@pytest.mark.django_db
def test_ministry_and_experts_have_no_admin(client_for):
    for username in ("fi-ministry", "expert-ngo"):
        response = client_for(username).get("/admin/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["secretariat", "fi-coordinator", "fi-editor"])
def test_only_superusers_manage_users_and_groups(client_for, username):
    client = client_for(username)
    for url in (
        "/admin/users/",
        "/admin/groups/",
        "/admin/spaces/countries/",
        "/admin/spaces/memberships/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_superuser_manages_memberships(client_for):
    client = client_for("admin")
    assert client.get("/admin/spaces/countries/").status_code == 200
    response = client.get("/admin/spaces/memberships/")
    assert response.status_code == 200
    assert "expert-police" in response.content.decode()


@pytest.mark.django_db
def test_profile_names_groups_in_the_readers_language(client_for):
    """A space's group by its country's CLDR name and its role, the network's groups by
    their translated names: never the English names a superuser's setup typed."""
    client = client_for("fi-coordinator")
    client.cookies["django_language"] = "sv"
    body = client.get("/account/").content.decode()
    assert "Finland: samordnare" in body
    assert "Finland coordinators" not in body
    expert = client_for("expert-police")
    expert.cookies["django_language"] = "fi"
    body = expert.get("/account/").content.decode()
    assert "Asiantuntijat" in body
    assert ">Experts<" not in body
