"""Onboarding: the secretariat's review of join applications, the invited account an
accepted applicant gets, and the yearly review of accounts not seen for a year.

- An application is a submission of the join form (``home.FormPage``). Reviewers
  (``countries.permissions.may_review_applications``) accept or refuse it; the decision
  is an ``ApplicationDecision`` holding a copy of the answers, logged in Wagtail's audit
  log (``home.application.accept`` / ``home.application.refuse``), never deleted.
- Accepting creates an active account with an unusable password, the member profile
  (``countries.Membership``) and the chosen group (``may_grant_group``: the secretariat
  may only grant Experts, superusers any onboarding group), and mails a one-time link to
  set a password: Django's password-reset token, which stops working once the password
  is set and after ``PASSWORD_RESET_TIMEOUT``. A staff account (one that may use the
  admin) is then sent by ``home.security.StaffTwoFactorMiddleware`` to pair its second
  factor at its first sign-in, as every staff account is.
- Refusing mails the applicant the reason (unless ``ONBOARDING_MAIL_REFUSALS`` is False).
- The access review lists active accounts not seen for ``STALE_AFTER`` (or invited and
  never signed in for ``INVITED_STALE_AFTER``), unless a superuser confirmed them within
  ``STALE_AFTER``; a superuser confirms or deactivates them (logged; accounts are never
  deleted). ``manage.py access_review`` lists them, and mails them to superusers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.contrib.forms.models import FormSubmission
from wagtail.log_actions import log

from core.links import absolute_url
from core.mailer import email_language, send_emails, templated_email
from countries.choices import Sector
from countries.models import Country, Membership

from .models import AccessConfirmation, ApplicationDecision, FormPage

ACCEPT_ACTION = "home.application.accept"
REFUSE_ACTION = "home.application.refuse"
CONFIRM_ACTION = "home.access.confirm"
DEACTIVATE_ACTION = "home.access.deactivate"

#: An active account not seen for this long comes up in the access review.
STALE_AFTER = timedelta(days=365)
#: An invited account that never signed in comes up after this long.
INVITED_STALE_AFTER = timedelta(days=30)


# --- Reading an application ---------------------------------------------------------------


@dataclass
class Applicant:
    """What an application says, mapped to the account's fields (each may be empty)."""

    name: str
    email: str
    organisation: str
    country: Country | None
    sector: str
    language: str

    @property
    def first_and_last_name(self) -> tuple[str, str]:
        first, _space, last = self.name.strip().partition(" ")
        return first[:150], last.strip()[:150]


def _answer(data: dict, *words: str) -> str:
    """The first answer whose field name contains one of ``words`` (field names are the
    English labels' ``clean_name``: "full_name", "email_address", "organisation"…)."""
    for word in words:
        for name, value in data.items():
            if word in name and isinstance(value, str) and value.strip():
                return value.strip()
    return ""


def _country(value: str) -> Country | None:
    if not value:
        return None
    return (
        Country.objects.filter(
            Q(name__iexact=value) | Q(name_native__iexact=value) | Q(code__iexact=value)
        )
        .order_by("pk")
        .first()
    )


def _sector(value: str) -> str:
    lowered = value.lower()
    for code, label in Sector.choices:
        if lowered in (code, str(label).lower()):
            return code
    return Sector.OTHER if value else ""


def _language(value: str) -> str:
    """A language the application names (a code or a name), if the hub writes in it;
    else English."""
    lowered = value.lower()
    for code, name in settings.LANGUAGES:
        if lowered in (code.lower(), str(name).lower()):
            return code
    return email_language(None, "en")


def applicant(data: dict) -> Applicant:
    """The applicant of a join application's answers."""
    return Applicant(
        name=_answer(data, "full_name", "name"),
        email=_answer(data, "email"),
        organisation=_answer(data, "organisation", "organization"),
        country=_country(_answer(data, "country")),
        sector=_sector(_answer(data, "sector")),
        language=_language(_answer(data, "language")),
    )


def applications():
    """The join applications (submissions of every join form), newest first, with their
    decisions."""
    return (
        FormSubmission.objects.filter(page__in=FormPage.objects.all())
        .select_related("decision", "decision__decided_by", "page")
        .order_by("-submit_time")
    )


def status_of(submission) -> str:
    """``"new"``, ``"accepted"`` or ``"refused"``."""
    decision = getattr(submission, "decision", None)
    return decision.status if decision is not None else "new"


# --- Deciding -------------------------------------------------------------------------------


class AlreadyDecided(Exception):
    """The application was decided meanwhile (another reviewer, another tab)."""


class AddressTaken(Exception):
    """An account with the applicant's address exists already."""


def _lock_undecided(submission) -> FormSubmission:
    locked = FormSubmission.objects.select_for_update().get(pk=submission.pk)
    if ApplicationDecision.objects.filter(submission=locked).exists():
        raise AlreadyDecided
    return locked


def _unique_username(email: str) -> str:
    User = get_user_model()
    base = email.lower()[:140]
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username


def invitation_link(user) -> str:
    """The one-time address where the invited account sets its password (the password
    reset's: it stops working once a password is set, or after PASSWORD_RESET_TIMEOUT)."""
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return absolute_url(path)


def accept(
    submission,
    reviewer,
    *,
    first_name: str,
    last_name: str,
    email: str,
    country: Country | None,
    organisation: str,
    sector: str,
    group: Group,
) -> ApplicationDecision:
    """Accept an application: the invited account, its profile and group, the decision,
    the audit log entry, and the invitation mailed after the commit.

    Raises:
        AlreadyDecided: the application has a decision already.
        AddressTaken: an account with ``email`` exists.
    """
    User = get_user_model()
    with transaction.atomic():
        locked = _lock_undecided(submission)
        if User.objects.filter(email__iexact=email).exists():
            raise AddressTaken
        user = User(
            username=_unique_username(email),
            email=email,
            first_name=first_name,
            last_name=last_name,
            is_active=True,
        )
        user.set_unusable_password()
        user.save()
        user.groups.add(group)
        Membership.objects.create(
            user=user, country=country, organisation=organisation, sector=sector
        )
        data = locked.get_data()
        decision = ApplicationDecision.objects.create(
            submission=locked,
            form_data=locked.form_data,
            submitted_at=locked.submit_time,
            status=ApplicationDecision.Status.ACCEPTED,
            decided_by=reviewer,
            account=user,
        )
        log(
            decision,
            ACCEPT_ACTION,
            user=reviewer,
            data={"account": user.username, "group": group.name, "email": email},
        )
        language = applicant(data).language
        message = templated_email(
            "onboarding/invitation",
            {
                "user": user,
                "link": invitation_link(user),
                "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
            },
            [email],
            language=language,
        )
        transaction.on_commit(lambda: send_emails([message]))
    return decision


def _secretariat(submission) -> list[str]:
    """Where the applicant's reply goes: the join form's own addresses (the secretariat)."""
    addresses = getattr(submission.page.specific, "to_address", "") or ""
    return [a.strip() for a in addresses.split(",") if a.strip()]


def refuse(submission, reviewer, *, reason: str) -> ApplicationDecision:
    """Refuse an application with a reason: the decision, the audit log entry, and (unless
    ``ONBOARDING_MAIL_REFUSALS`` is False) the applicant told why, after the commit.

    Raises:
        AlreadyDecided: the application has a decision already.
    """
    with transaction.atomic():
        locked = _lock_undecided(submission)
        decision = ApplicationDecision.objects.create(
            submission=locked,
            form_data=locked.form_data,
            submitted_at=locked.submit_time,
            status=ApplicationDecision.Status.REFUSED,
            reason=reason,
            decided_by=reviewer,
        )
        log(decision, REFUSE_ACTION, user=reviewer, data={"reason": reason})
        person = applicant(locked.get_data())
        if person.email and getattr(settings, "ONBOARDING_MAIL_REFUSALS", True):
            message = templated_email(
                "onboarding/refusal",
                {"name": person.name, "reason": reason},
                [person.email],
                language=person.language,
                reply_to=_secretariat(locked),
            )
            transaction.on_commit(lambda: send_emails([message]))
    return decision


# --- The yearly access review -------------------------------------------------------------


def stale_accounts(now=None):
    """Active accounts not seen for ``STALE_AFTER`` (or invited, never signed in, and
    older than ``INVITED_STALE_AFTER``) that no superuser confirmed within
    ``STALE_AFTER``: oldest seen first."""
    now = now or timezone.now()
    recently_confirmed = AccessConfirmation.objects.filter(
        user=OuterRef("pk"), confirmed_at__gte=now - STALE_AFTER
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(last_login__lt=now - STALE_AFTER)
            | Q(last_login__isnull=True, date_joined__lt=now - INVITED_STALE_AFTER)
        )
        .exclude(Exists(recently_confirmed))
        .order_by("last_login", "date_joined")
    )


def confirm_access(user, reviewer) -> AccessConfirmation:
    """Record that ``user`` keeps their access (logged)."""
    with transaction.atomic():
        confirmation = AccessConfirmation.objects.create(user=user, confirmed_by=reviewer)
        log(user, CONFIRM_ACTION, user=reviewer)
    return confirmation


def deactivate(user, reviewer) -> None:
    """Deactivate ``user`` (their sessions end; the account and all it did are kept)."""
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        log(user, DEACTIVATE_ACTION, user=reviewer)
