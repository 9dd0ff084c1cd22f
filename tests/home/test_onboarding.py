"""Onboarding (issue 27.2): the secretariat accepts or refuses join applications in the
admin, with a reason, logged; an accepted applicant gets an invited account in the right
group and a one-time link to set a password (staff then pair a second factor); the
yearly access review lists accounts not seen for a year, to confirm or deactivate."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import ModelLogEntry

from countries.models import Country
from home import onboarding
from home.models import AccessConfirmation, ApplicationDecision
from tests.home.factories import join_form, secretariat_runs
from tests.home.test_join_form import VALID

pytestmark = pytest.mark.django_db

User = get_user_model()
LINK = re.compile(r"https?://[^\s/]+(/account/reset/[^\s]+/)")
NEW_PASSWORD = "a-long-new-password-for-kaisa-42"  # noqa: S105 - test only


@pytest.fixture(autouse=True)
def _join_form(db, settings):
    settings.BASE_URL = "https://hub.example.org"
    return secretariat_runs(join_form(to_address="secretariat@nordic-thb.example"))


@pytest.fixture(autouse=True)
def _mail_after_commit(django_capture_on_commit_callbacks, monkeypatch):
    """Decisions mail once their transaction commits, which the test's own never does:
    each admin POST runs its commit callbacks as it returns, as a real commit would."""
    from django.test import Client

    post = Client.post

    def post_and_commit(self, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(self, *args, **kwargs)

    monkeypatch.setattr(Client, "post", post_and_commit)


def apply(client, **changes):
    """Post the join form as an applicant; return the stored submission."""
    client.logout()
    assert client.post("/join/", {**VALID, **changes}).status_code == 200
    mail.outbox.clear()
    return FormSubmission.objects.latest("submit_time")


def accept_data(group, **changes):
    data = {
        "action": "accept",
        "first_name": "Kaisa",
        "last_name": "Example",
        "email": "kaisa@example.org",
        "country": Country.objects.get(code="FI").pk,
        "organisation": "Example NGO",
        "sector": "ngo",
        "group": Group.objects.get(name=group).pk,
    }
    data.update(changes)
    return data


def invitation_path(address):
    (message,) = [m for m in mail.outbox if m.to == [address]]
    return LINK.search(message.body).group(1), message


def set_password(client, path):
    """Follow the one-time link and choose a password; return the final response."""
    form = client.get(path, follow=True)
    assert form.status_code == 200
    assert form.context["validlink"] is True
    return client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )


def test_round_trip_from_application_to_signed_in_member(client, client_for):
    submission = apply(client)

    secretariat = client_for("secretariat")
    listing = secretariat.get("/admin/applications/")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "Kaisa Example" in page and "New" in page
    detail = secretariat.get(f"/admin/applications/{submission.pk}/")
    assert detail.status_code == 200
    # The accept form is filled from the application's answers.
    initial = detail.context["accept_form"].initial
    assert initial["country"] == Country.objects.get(code="FI")
    assert initial["sector"] == "ngo"
    assert initial["organisation"] == "Example NGO"
    assert initial["first_name"] == "Kaisa"

    response = secretariat.post(f"/admin/applications/{submission.pk}/", accept_data("Experts"))
    assert response.status_code == 302

    user = User.objects.get(email="kaisa@example.org")
    assert user.is_active and not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == ["Experts"]
    assert user.membership.country.code == "FI"
    assert user.membership.organisation == "Example NGO"
    assert user.membership.sector == "ngo"
    decision = ApplicationDecision.objects.get(submission=submission)
    assert decision.status == "accepted" and decision.account == user
    assert decision.form_data["organisation"] == "Example NGO"
    entry = ModelLogEntry.objects.get(action=onboarding.ACCEPT_ACTION)
    assert entry.user.username == "secretariat"
    assert entry.data["group"] == "Experts"
    assert "Accepted" in secretariat.get("/admin/applications/?status=accepted").content.decode()
    # The decision shows in the admin's site history, under its own action.
    history = client_for("admin").get("/admin/reports/site-history/").content.decode()
    assert "Accept application" in history

    path, message = invitation_path("kaisa@example.org")
    assert message.extra_headers["Content-Language"] == "en"
    assert "72 hours" in message.body

    client.logout()
    done = set_password(client, path)
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.has_usable_password()

    signed_in = client.post(
        "/account/login/", {"username": user.username, "password": NEW_PASSWORD}
    )
    assert signed_in.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/admin/").status_code == 302  # a member, not staff: no admin

    client.logout()
    again = client.get(path, follow=True)
    assert again.context["validlink"] is False


def test_an_invited_coordinator_pairs_a_second_factor_after_setting_the_password(
    client, client_for
):
    submission = apply(client)
    admin = client_for("admin")
    response = admin.post(
        f"/admin/applications/{submission.pk}/", accept_data("Finland coordinators")
    )
    assert response.status_code == 302
    user = User.objects.get(email="kaisa@example.org")
    assert list(user.groups.values_list("name", flat=True)) == ["Finland coordinators"]
    path, message = invitation_path("kaisa@example.org")
    assert "authenticator app" in message.body

    client.logout()
    set_password(client, path)
    client.post("/account/login/", {"username": user.username, "password": NEW_PASSWORD})
    to_admin = client.get("/admin/")
    assert to_admin.status_code == 302
    assert to_admin["Location"].startswith("/account/two-factor/setup/")


def test_the_secretariat_cannot_grant_a_staff_group(client, client_for):
    submission = apply(client)
    secretariat = client_for("secretariat")
    offered = secretariat.get(f"/admin/applications/{submission.pk}/").context["accept_form"]
    assert [g.name for g in offered.fields["group"].queryset] == ["Experts"]
    for group in ("Finland coordinators", "Finland editors", "Secretariat"):
        response = secretariat.post(f"/admin/applications/{submission.pk}/", accept_data(group))
        assert response.status_code == 400
    assert not User.objects.filter(email="kaisa@example.org").exists()
    assert not ApplicationDecision.objects.exists()


@pytest.mark.parametrize(
    ("username", "sent_to"),
    # An expert has no admin: to the sign-in. A coordinator has the admin but not this
    # right: Wagtail answers its PermissionDenied by sending them to the dashboard.
    [("expert-ngo", "/admin/login/"), ("fi-coordinator", "/admin/")],
)
def test_experts_and_coordinators_cannot_review(client, client_for, username, sent_to):
    submission = apply(client)
    reviewer = client_for(username)
    urls = ["/admin/applications/", f"/admin/applications/{submission.pk}/"]
    urls.append("/admin/reports/access-review/")
    for url in urls:
        response = reviewer.get(url)
        assert response.status_code == 302
        assert response["Location"].split("?")[0] == sent_to
    response = reviewer.post(
        f"/admin/applications/{submission.pk}/", {"action": "refuse", "reason": "No."}
    )
    assert response.status_code == 302
    assert not ApplicationDecision.objects.exists()
    assert mail.outbox == []


def test_refusing_requires_a_reason_logs_and_mails_the_applicant(client, client_for):
    submission = apply(client)
    secretariat = client_for("secretariat")
    url = f"/admin/applications/{submission.pk}/"
    empty = secretariat.post(url, {"action": "refuse", "reason": "   "})
    assert empty.status_code == 400
    assert not ApplicationDecision.objects.exists()
    assert mail.outbox == []

    reason = "The network is open to public authorities and NGOs in the Nordic countries."
    assert secretariat.post(url, {"action": "refuse", "reason": reason}).status_code == 302
    decision = ApplicationDecision.objects.get(submission=submission)
    assert decision.status == "refused" and decision.reason == reason
    assert not User.objects.filter(email="kaisa@example.org").exists()
    entry = ModelLogEntry.objects.get(action=onboarding.REFUSE_ACTION)
    assert entry.data["reason"] == reason
    (message,) = mail.outbox
    assert message.to == ["kaisa@example.org"]
    assert reason in message.body
    assert message.reply_to == ["secretariat@nordic-thb.example"]
    # Decided once: a second decision is refused, the first stays.
    assert secretariat.post(url, accept_data("Experts")).status_code == 302
    assert ApplicationDecision.objects.get().status == "refused"
    assert not User.objects.filter(email="kaisa@example.org").exists()
    # The answers outlive the submission.
    FormSubmission.objects.filter(pk=submission.pk).delete()
    decision.refresh_from_db()
    assert decision.submission is None and decision.form_data["full_name"] == "Kaisa Example"


def test_refusals_are_not_mailed_when_the_setting_says_so(client, client_for, settings):
    settings.ONBOARDING_MAIL_REFUSALS = False
    submission = apply(client)
    url = f"/admin/applications/{submission.pk}/"
    client_for("secretariat").post(url, {"action": "refuse", "reason": "Out of scope."})
    assert ApplicationDecision.objects.get().status == "refused"
    assert mail.outbox == []


def test_an_address_with_an_account_is_not_invited_twice(client, client_for):
    submission = apply(client, email_address="sofia@example.org")
    User.objects.filter(username="expert-ngo").update(email="sofia@example.org")
    response = client_for("secretariat").post(
        f"/admin/applications/{submission.pk}/",
        accept_data("Experts", email="sofia@example.org"),
    )
    assert response.status_code == 400
    assert not ApplicationDecision.objects.exists()


def test_an_address_longer_than_an_account_holds_is_refused_with_a_message(client, client_for):
    """The join form takes addresses of up to 320 characters; an account holds 254
    (PostgreSQL refuses more: a 500). Accepting asks for a shorter one, nothing is made."""
    address = "a" * 64 + "@" + ".".join(["b" * 63, "c" * 63, "d" * 63]) + ".org"
    assert len(address) > 254
    submission = apply(client, email_address=address)
    response = client_for("secretariat").post(
        f"/admin/applications/{submission.pk}/", accept_data("Experts", email=address)
    )
    assert response.status_code == 400
    assert response.context["accept_form"].errors["email"]
    assert not User.objects.filter(email__iexact=address).exists()
    assert not ApplicationDecision.objects.exists()
    assert mail.outbox == []


def test_the_application_names_the_language_of_its_emails():
    assert onboarding.applicant({"preferred_language": "Suomi"}).language == "fi"
    assert onboarding.applicant({"language": "sv"}).language == "sv"
    assert onboarding.applicant({"language": "Klingon"}).language == "en"
    assert onboarding.applicant({}).language == "en"


def test_an_invited_account_whose_link_expired_asks_for_a_new_one(client, client_for):
    submission = apply(client)
    client_for("secretariat").post(f"/admin/applications/{submission.pk}/", accept_data("Experts"))
    mail.outbox.clear()
    client.logout()
    client.post("/account/password-reset/", {"email": "kaisa@example.org"})
    (message,) = mail.outbox
    assert "/account/reset/" in message.body


# --- The access review --------------------------------------------------------------------


def stale(username, days):
    user = User.objects.get(username=username)
    user.last_login = timezone.now() - timedelta(days=days)
    user.save(update_fields=["last_login"])
    return user


def test_the_access_review_lists_stale_accounts_and_deactivates_without_deleting(client_for):
    old = stale("expert-police", 400)
    stale("expert-ngo", 100)  # seen this year
    invited = User.objects.create(
        username="invited", email="invited@example.org", date_joined=timezone.now()
    )
    User.objects.filter(pk=invited.pk).update(date_joined=timezone.now() - timedelta(days=40))

    admin = client_for("admin")
    page = admin.get("/admin/reports/access-review/")
    assert page.status_code == 200
    listed = list(page.context["accounts"])
    assert old in listed and invited in listed
    assert User.objects.get(username="expert-ngo") not in listed

    assert (
        admin.post(f"/admin/reports/access-review/{old.pk}/", {"action": "deactivate"})
    ).status_code == 302
    old.refresh_from_db()
    assert old.is_active is False
    assert ModelLogEntry.objects.filter(
        action=onboarding.DEACTIVATE_ACTION, object_id=str(old.pk)
    ).exists()

    admin.post(f"/admin/reports/access-review/{invited.pk}/", {"action": "confirm"})
    assert AccessConfirmation.objects.get(user=invited).confirmed_by.username == "admin"
    assert ModelLogEntry.objects.filter(
        action=onboarding.CONFIRM_ACTION, object_id=str(invited.pk)
    ).exists()
    assert list(admin.get("/admin/reports/access-review/").context["accounts"]) == []


def test_the_secretariat_cannot_run_the_access_review(client_for):
    old = stale("expert-police", 400)
    secretariat = client_for("secretariat")
    assert secretariat.get("/admin/reports/access-review/")["Location"] == "/admin/"
    response = secretariat.post(f"/admin/reports/access-review/{old.pk}/", {"action": "deactivate"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not ModelLogEntry.objects.filter(action=onboarding.DEACTIVATE_ACTION).exists()
    old.refresh_from_db()
    assert old.is_active


def test_the_access_review_command_lists_and_mails_superusers(capsys):
    stale("expert-police", 400)
    User.objects.filter(username="admin").update(email="admin@example.org")
    call_command("access_review", "--mail")
    out = capsys.readouterr().out
    assert "expert-police" in out and "1 account(s) to review." in out
    (message,) = mail.outbox
    assert message.to == ["admin@example.org"]
    assert "/admin/reports/access-review/" in message.body


def test_the_menus_show_each_page_to_those_who_may_use_it(client_for):
    applications, review = "/admin/applications/", "/admin/reports/access-review/"
    admin = client_for("admin").get("/admin/").content.decode()
    assert applications in admin and review in admin
    secretariat = client_for("secretariat").get("/admin/").content.decode()
    assert applications in secretariat and review not in secretariat
    coordinator = client_for("fi-coordinator").get("/admin/").content.decode()
    assert applications not in coordinator and review not in coordinator


def test_an_applicant_is_invited_in_the_language_they_applied_in(client, client_for):
    """The join form asks for no language: the submission keeps the one its page was read
    in, and the invitation is written in it."""
    client.logout()
    response = client.post("/join/", VALID, HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 200
    submission = FormSubmission.objects.latest("submit_time")
    assert submission.form_data["language"] == "fi"
    mail.outbox.clear()

    secretariat = client_for("secretariat")
    response = secretariat.post(f"/admin/applications/{submission.pk}/", accept_data("Experts"))
    assert response.status_code == 302
    _path, message = invitation_path("kaisa@example.org")
    assert message.extra_headers["Content-Language"] == "fi"
