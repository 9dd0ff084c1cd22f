"""Valid HTML: every page type passes the Nu Html Checker (vnu) with no error, in each of
the six languages, anonymously and signed in as a coordinator and as an expert, and the
page a request gets while the database is down (503).

Run by ``make test-html``, which installs the checker and sets ``VNU_JAR``. The pages are
fetched with the test client after real updates (a tracker update, a republished
practice, seminar registrations), so that timestamps carry microseconds as they do on a
live site; every body is written to a temporary folder and checked by one run of vnu.
"""

import datetime
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.cache import cache
from django.db import OperationalError
from django.test import RequestFactory
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.twofactor import pairing_mail_key
from home.views import server_error
from practices.models import PracticePage
from recommendations.choices import Status
from recommendations.models import RecommendationPage
from recommendations.unsubscribe import make_token
from seminars.models import SeminarPage, SeminarRegistration
from tests.accounts import sign_in
from tests.countries.factories import PASSWORD
from tests.home.test_join_form import VALID as VALID_APPLICATION
from tests.recommendations.factories import form_data, impl_of
from tests.seminars.factories import publish_seminar

# Every page type of the whole site (tests/home/site.py).
pytestmark = [pytest.mark.html, pytest.mark.django_db, pytest.mark.usefixtures("site_content")]

LANGUAGES = [code for code, _name in settings.LANGUAGES]
COORDINATOR = "fi-coordinator"
EXPERT = "expert-police"
ANONYMOUS = None
EVERYONE = (ANONYMOUS, COORDINATOR, EXPERT)
MEMBERS = (COORDINATOR, EXPERT)

RECOMMENDATION = "/recommendations/nordic-network-of-coordinators/"
PRACTICE = "/countries/finland/civil-society-platform/"
OSLO = "/seminars/oslo-cross-border-cooperation/"

# name: (path, who may see it, expected status)
PAGES = {
    "home": ("/", EVERYONE, 200),
    "standard": ("/about/", EVERYONE, 200),
    "principles": ("/principles/", EVERYONE, 200),
    "accessibility-statement": ("/accessibility/", EVERYONE, 200),
    "privacy": ("/privacy/", EVERYONE, 200),
    "members-page": ("/members-handbook/", MEMBERS, 200),
    "join-form": ("/join/", EVERYONE, 200),
    "countries": ("/countries/", EVERYONE, 200),
    "country": ("/countries/finland/", EVERYONE, 200),
    "country-iceland": ("/countries/iceland/", EVERYONE, 200),
    "library": ("/practices/", EVERYONE, 200),
    "library-filtered": ("/practices/?country=SE&language=sv", EVERYONE, 200),
    "library-filtered-sorted": (
        "/practices/?form=forced-labour&sector=labour-inspection&sort=title&page=2",
        EVERYONE,
        200,
    ),
    "library-nothing": ("/practices/?country=GL&language=is", EVERYONE, 200),
    "library-unknown-filter": ("/practices/?country=XX", EVERYONE, 200),
    "practice": (PRACTICE, EVERYONE, 200),
    "practice-finnish": ("/countries/finland/auttamisjarjestelmaan-ohjaaminen/", EVERYONE, 200),
    "practice-icelandic": ("/countries/iceland/barnahus-fyrir-tholendur-mansals/", EVERYONE, 200),
    "practice-members": ("/countries/finland/matalan-kynnyksen-konsultaatio/", MEMBERS, 200),
    "practice-country-team": (
        "/countries/finland/follow-the-money-bank-partnership/",
        (COORDINATOR,),
        200,
    ),
    "seminars": ("/seminars/", EVERYONE, 200),
    "seminars-filtered": ("/seminars/?year=2021&country=FI", EVERYONE, 200),
    "seminars-unknown-filter": ("/seminars/?year=abc", EVERYONE, 200),
    "seminar-past": ("/seminars/helsinki-2021/", EVERYONE, 200),
    "seminar-next": (OSLO, EVERYONE, 200),
    "seminar-register": (f"{OSLO}register/", EVERYONE, 200),
    "seminar-register-closed": ("/seminars/helsinki-2021/register/", EVERYONE, 200),
    "seminar-register-not-open": ("/seminars/html-check-later/register/", EVERYONE, 200),
    "tracker": ("/recommendations/", EVERYONE, 200),
    "tracker-filtered": (
        "/recommendations/?status=implemented&country=FI&theme=victims",
        EVERYONE,
        200,
    ),
    "tracker-unknown-filter": ("/recommendations/?status=nonsense", EVERYONE, 200),
    "tracker-country": ("/recommendations/countries/fi/", EVERYONE, 200),
    "tracker-country-unknown": ("/recommendations/countries/zz/", EVERYONE, 404),
    "tracker-country-history": ("/recommendations/countries/fi/history/", EVERYONE, 200),
    "recommendation": (RECOMMENDATION, EVERYONE, 200),
    "recommendation-by-country": (f"{RECOMMENDATION}?country=fi", EVERYONE, 200),
    "recommendation-unknown-country": (f"{RECOMMENDATION}?country=zz", EVERYONE, 200),
    "recommendation-members": ("/recommendations/online-recruitment/", MEMBERS, 200),
    "update-form": (f"{RECOMMENDATION}update/fi/", (COORDINATOR,), 200),
    "update-form-other-country": (f"{RECOMMENDATION}update/se/", MEMBERS, 403),
    "search": ("/search/", EVERYONE, 200),
    "search-results": ("/search/?q=ihmiskauppa", EVERYONE, 200),
    "search-results-page-2": ("/search/?q=trafficking&page=2", EVERYONE, 200),
    "search-filtered": ("/search/?q=trafficking&country=SE&form=forced-labour", EVERYONE, 200),
    "search-no-results": ("/search/?q=trafficing+qqzzxx", EVERYONE, 200),
    "search-suggestion": ("/search/?q=trafficing", EVERYONE, 200),
    "search-nothing-to-search": ("/search/?q=-", EVERYONE, 200),
    "search-unknown-filter": ("/search/?q=trafficking&country=XX", EVERYONE, 200),
    "unsubscribe-bad-link": ("/recommendations/unsubscribe/not-a-token/", (ANONYMOUS,), 400),
    "sign-in": ("/account/login/", (ANONYMOUS,), 200),
    "password-reset": ("/account/password-reset/", (ANONYMOUS,), 200),
    "password-reset-sent": ("/account/password-reset/sent/", (ANONYMOUS,), 200),
    "password-reset-bad-link": ("/account/reset/MQ/bad-token/", (ANONYMOUS,), 200),
    "password-reset-complete": ("/account/reset/done/", (ANONYMOUS,), 200),
    "profile": ("/account/", MEMBERS, 200),
    "email-change": ("/account/email/", MEMBERS, 200),
    "directory-profile": ("/account/directory-profile/", MEMBERS, 200),
    "directory": ("/members/", MEMBERS, 200),
    "directory-filtered": ("/members/?q=a&country=NO&role=labour_inspection", MEMBERS, 200),
    "directory-unknown-filter": ("/members/?role=astronaut", MEMBERS, 200),
    "not-found": ("/no-such-page/", EVERYONE, 404),
}

# The join form's valid answers, as its own tests send them.
JOIN = VALID_APPLICATION


def registration(name, email):
    return {
        "full_name": name,
        "email_address": email,
        "organisation": "Example NGO",
        "country": "Finland",
        "i_agree_that_the_organisers_store_my_registration_for_this_seminar": "on",
    }


class Pages:
    """Writes each fetched page to ``folder`` as ``<page>.<language>.<user>.html``."""

    def __init__(self, client, folder):
        self.client = client
        self.folder = folder
        self.problems = []

    def keep(self, name, language, who, response, expected, shows=""):
        label = f"{name}.{language}.{who or 'anonymous'}"
        if response.status_code != expected:
            self.problems.append(f"{label}: HTTP {response.status_code}, not {expected}")
            return
        body = response.content.decode()
        if f'<html lang="{language}">' not in body:
            self.problems.append(f"{label}: not in {language}")
        if shows not in body:
            self.problems.append(f"{label}: does not show {shows}")
        (self.folder / f"{label}.html").write_text(body, encoding="utf-8")

    def get(self, name, language, who, path, expected=200, shows=""):
        self.keep(name, language, who, self.client.get(path), expected, shows)

    def post(self, name, language, who, path, data, expected=200, follow=False):
        self.keep(name, language, who, self.client.post(path, data, follow=follow), expected)


def recommendation():
    return RecommendationPage.objects.get(url_path=f"/home{RECOMMENDATION}")


def real_updates(client, users):
    """What a live site has: a tracker update and a republished practice (timestamps with
    microseconds), a seminar whose registration opens later, a locked-out sign-in."""
    sign_in(client, users[COORDINATOR])
    impl = impl_of(recommendation(), "FI")
    status = Status.PARTLY if impl.status != Status.PARTLY else Status.IN_PROGRESS
    data = form_data(impl, status=status, note="Checked again.", summary="A new summary.")
    assert client.post(f"{RECOMMENDATION}update/fi/", data).status_code == 302
    client.logout()
    practice = PracticePage.objects.get(url_path=f"/home{PRACTICE}")
    practice.save_revision(user=users[COORDINATOR]).publish(user=users[COORDINATOR])
    publish_seminar(
        title="Later seminar",
        slug="html-check-later",
        registration_opens=timezone.now() + datetime.timedelta(days=30),
        registration_closes=None,
    )
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/account/login/", {"username": "html-check-locked", "password": "wrong"})


def visit_forms(pages, language, who, users):
    """The pages that a form sent, or a failure, shows."""
    client = pages.client
    args = (language, who)
    bad_registration = registration("", "not an address")
    pages.post("seminar-register-error", *args, f"{OSLO}register/", bad_registration, 400)
    pages.post(
        "seminar-register-refused",
        *args,
        "/seminars/helsinki-2021/register/",
        registration("Ilse Nyberg", "ilse@example.org"),
        409,
    )
    email = users[who].email if who else "ilse@example.org"
    sent = client.post(f"{OSLO}register/", registration("Ilse Nyberg", email))
    assert sent.status_code == 302, sent.status_code
    pages.get("seminar-registered", *args, sent["Location"])
    if who is None:
        # The registrant's link from the confirmation: the registrants' recordings.
        seminar = SeminarPage.objects.get(url_path=f"/home{OSLO}")
        registrant = SeminarRegistration.objects.get(page=seminar, email=email)
        assert client.get(registrant.access_path(seminar)).status_code == 302
        stream = 'href="https://video.example/nordic-thb/oslo/live"'
        pages.get("seminar-as-registrant", *args, OSLO, shows=stream)
        pages.post("join-form-error", *args, "/join/", {**JOIN, "full_name": ""}, 400)
        pages.post("join-form-sent", *args, "/join/", JOIN)
        wrong = {"username": f"html-check-{language}", "password": "wrong"}
        pages.post("sign-in-error", *args, "/account/login/", wrong)
        locked = {"username": "html-check-locked", "password": "wrong"}
        pages.post("sign-in-locked-out", *args, "/account/login/", locked, 429)
        user = users[EXPERT]
        link = client.get(
            f"/account/reset/{urlsafe_base64_encode(force_bytes(user.pk))}/"
            f"{default_token_generator.make_token(user)}/"
        )
        assert link.status_code == 302, link.status_code
        pages.get("password-reset-confirm", *args, link["Location"])
        mismatch = {"new_password1": "a-long-password-1", "new_password2": "another-one-2"}
        pages.post("password-reset-confirm-error", *args, link["Location"], mismatch)
        token = make_token(user, recommendation=recommendation())
        pages.get("unsubscribe", *args, f"/recommendations/unsubscribe/{token}/")
        pages.post("unsubscribe-done", *args, f"/recommendations/unsubscribe/{token}/", {})
    if who == COORDINATOR:
        impl = impl_of(recommendation(), "FI")
        update = f"{RECOMMENDATION}update/fi/"
        other = Status.PLANNED if impl.status != Status.PLANNED else Status.IN_PROGRESS
        pages.post("update-form-error", *args, update, form_data(impl, status=other), 400)
        stale = form_data(impl, version=impl.version - 1, summary="Mine.")
        pages.post("update-form-conflict", *args, update, stale, 409)
        pages.post("update-saved-message", *args, update, form_data(impl), follow=True)
    if who:
        visit_questions(pages, language, who)
    if who:
        # The error state from a malformed address: wrong passwords here count towards
        # the sign-in lock-out (django-axes), as at sign-in.
        change = {"email": "not an address", "password": PASSWORD}
        pages.post("email-change-error", *args, "/account/email/", change, 400)
        change["email"] = f"html-check-{language}@example.org"
        pages.post("email-change-sent", *args, "/account/email/", change)
        pages.get("email-change-bad-link", *args, "/account/email/confirm/not-a-token/", 400)
        failing = mock.patch("home.views.render", side_effect=RuntimeError("html check"))
        client.raise_request_exception = False
        with failing:
            pages.get("server-error", *args, "/account/", 500)
        client.raise_request_exception = True


def visit_questions(pages, language, who):
    """A thread (with a hidden answer), asking on its own page, and both forms refused."""
    from questions.models import Question

    question = Question.objects.get(title="Who chairs the platform's meetings?")
    args = (language, who)
    pages.get("question-thread", *args, f"/questions/{question.pk}/", shows="questions__hidden")
    ask = f"/questions/ask/{question.page_id}/"
    pages.get("question-ask", *args, ask)
    pages.post("question-ask-error", *args, ask, {"title": "", "body": "Kept."}, 400)
    answer = f"/questions/{question.pk}/answer/"
    pages.post("question-answer-error", *args, answer, {"body": ""}, 400)


# Staff who have no authenticator app yet: one per language, as each pairs one.
PAIRING = dict(
    zip(
        LANGUAGES,
        ["dk-coordinator", "no-coordinator", "se-coordinator", "fi-editor", "se-editor", "admin"],
        strict=True,
    )
)


def visit_two_factor(pages, language, users):
    """The second sign-in step: pairing an app (the link mailed for it, a wrong code, the
    backup codes) and giving a code (a wrong one)."""
    client = pages.client
    who = PAIRING[language]
    user = users[who]
    TOTPDevice.objects.filter(user=user).delete()
    client.logout()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    setup = "/account/two-factor/setup/"
    address, user.email = user.email, ""
    user.save(update_fields=["email"])
    pages.get("two-factor-no-email", language, who, setup, 403)
    user.email = address
    user.save(update_fields=["email"])
    # One pairing mail a minute per account: an earlier run's (this module's or the English
    # check's, in the same session) must not hold this one back.
    cache.delete(pairing_mail_key(user))
    pages.get("two-factor-link-sent", language, who, setup)
    pages.get("two-factor-bad-link", language, who, f"{setup}not-a-token/", 400)
    link = re.search(r"https?://\S+/account/two-factor/setup/\S+/", mail.outbox[-1].body)
    assert link, mail.outbox[-1].body
    assert client.get(link.group()).status_code == 302
    pages.get("two-factor-setup", language, who, setup)
    pages.post("two-factor-setup-error", language, who, setup, {"token": "12345x"}, 400)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    device.throttle_reset()  # django-otp pauses after a wrong code
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    pages.post("two-factor-codes", language, who, setup, {"token": f"{code:06d}"})

    who = "is-coordinator"
    TOTPDevice.objects.get_or_create(user=users[who], name="Test app", confirmed=True)
    client.logout()
    client.force_login(users[who])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    verify = "/account/two-factor/"
    pages.get("two-factor-verify", language, who, verify)
    pages.post("two-factor-verify-error", language, who, verify, {"token": "12345x"}, 400)


VNU_JAR = os.environ.get("VNU_JAR", "")


def database_down_page(language):
    """What a request is answered while the database cannot (home.views.server_error)."""
    with translation.override(language):
        try:
            raise OperationalError("the database system is shutting down")
        except OperationalError:
            return server_error(RequestFactory().get("/"))


def vnu_errors(folder):
    """Every error vnu finds in the folder's pages, one readable entry each."""
    java = shutil.which("java")
    assert java, "java is missing: make test-html installs it"
    result = subprocess.run(  # noqa: S603 (our own arguments)
        [java, "-jar", VNU_JAR, "--format", "json", "--errors-only", "--stdout", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        raise AssertionError(f"vnu failed: {result.stdout}{result.stderr}") from None
    return [
        f"{Path(message.get('url', '?')).name}:{message.get('lastLine', '?')}: "
        f"{message.get('message')}\n    {message.get('extract', '').strip()}"
        for message in messages
        if message.get("type") != "info"
    ]


def fetch_every_page(client, users, folder, languages) -> Pages:
    """Every page type and form step in each of ``languages``, anonymously and as each
    member, after real updates; each body kept in ``folder`` (also the English check's
    pages, tests/home/test_interface_language.py)."""
    real_updates(client, users)
    pages = Pages(client, folder)
    for who in EVERYONE:
        client.logout()
        if who:
            sign_in(client, users[who])
        for language in languages:
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            for name, (path, audience, expected) in PAGES.items():
                if who in audience:
                    pages.get(name, language, who, path, expected)
            visit_forms(pages, language, who, users)
    for language in languages:
        visit_two_factor(pages, language, users)
        pages.keep("database-down", language, ANONYMOUS, database_down_page(language), 503)
    return pages


def test_questions_pages_are_valid_html(client, users, tmp_path):
    """The threads' pages alone (``-k questions``), for a member and the secretariat,
    who also sees the hidden text; the full check below visits them too."""
    assert VNU_JAR and Path(VNU_JAR).is_file(), (
        "VNU_JAR must name vnu.jar, the Nu Html Checker: run make test-html"
    )
    pages = Pages(client, tmp_path)
    for who in (COORDINATOR, "secretariat"):
        client.logout()
        sign_in(client, users[who])
        for language in LANGUAGES:
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            visit_questions(pages, language, who)
            pages.get("question-section", language, who, PRACTICE, shows="questions-title")
            pages.get("question-country", language, who, "/countries/finland/")
            pages.get("question-recommendation", language, who, RECOMMENDATION)
    failures = pages.problems + vnu_errors(tmp_path)
    assert not failures, "\n".join(failures)


def test_every_page_type_is_valid_html(client, users, tmp_path):
    assert VNU_JAR and Path(VNU_JAR).is_file(), (
        "VNU_JAR must name vnu.jar, the Nu Html Checker: run make test-html"
    )
    pages = fetch_every_page(client, users, tmp_path, LANGUAGES)
    checked = len(list(tmp_path.glob("*.html")))
    failures = pages.problems + vnu_errors(tmp_path)
    if failures:
        pytest.fail(
            f"{len(failures)} problems in {checked} pages:\n" + "\n".join(failures),
            pytrace=False,
        )
