"""The tracker's emails: a status change to its followers, the weekly digest and the
coordinators' reminders.

Every email is plain text, written in its recipient's language, and only ever about live
recommendations the recipient may view (``countries.permissions``) that still address the
country concerned (``Implementation.objects.targeted()``). They are built by
``core.mailer.hub_email``; the status changes and the digest carry an unsubscribe link
(``recommendations/unsubscribe.py``), in the body and in the ``List-Unsubscribe`` header.
"""

from __future__ import annotations

import datetime
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.db.models import F, Q
from django.utils import timezone

from core.links import absolute_url
from core.mailer import chosen_languages, email_language, send_emails, templated_email
from countries.choices import Role
from countries.permissions import country_groups, viewable_among, viewable_pages

from .choices import status_label
from .matrix import summarise, visible_recommendations
from .models import (
    DUE_SOON,
    STALE_AFTER,
    Follow,
    Implementation,
    RecommendationPage,
    StatusUpdate,
    TrackerPage,
)
from .unsubscribe import unsubscribe_url

logger = logging.getLogger("hub.recommendations")


# -- shared helpers --------------------------------------------------------------------
def implementation_url(page: RecommendationPage, country) -> str:
    """The absolute address of a country's card on a recommendation page."""
    return f"{absolute_url(page.url)}#country-{country.code.lower()}"


def _message(
    template: str, context: dict, language: str, to: str, unsubscribe: str | None = None
) -> mail.EmailMessage:
    """Render ``<template>_subject.txt`` and ``<template>.txt`` in ``language``.

    ``unsubscribe``: the recipient's unsubscribe link, for what they follow.
    """
    return templated_email(
        f"recommendations/email/{template}",
        context,
        [to],
        language=email_language(language),
        unsubscribe_url=unsubscribe,
    )


def _visible_to(user, pages, public_ids: set[int]) -> set[int]:
    """Ids among ``pages`` the user may view, given those anyone may view."""
    restricted = [page for page in pages if page.pk not in public_ids]
    if not restricted:
        return set(public_ids)
    return public_ids | viewable_among(user, restricted)


def country_progress(user, country_ids) -> list[dict]:
    """The progress of these countries as ``user`` may see it: ``matrix.summarise`` over
    the live recommendations they may view that still address each country (the country
    page's figure, unfiltered). In the countries' order."""
    if not country_ids:
        return []
    counts: dict[int, Counter] = defaultdict(Counter)
    countries = {}
    for impl in (
        Implementation.objects.targeted()
        .filter(country_id__in=country_ids, recommendation__in=visible_recommendations(user))
        .select_related("country")
        .only("status", "country")
    ):
        countries[impl.country_id] = impl.country
        counts[impl.country_id][impl.status] += 1
    ordered = sorted(countries.values(), key=lambda c: (c.sort_order, c.name))
    return [summarise(country, counts[country.pk]) for country in ordered]


def _tracker_url() -> str:
    tracker = TrackerPage.objects.live().first()
    return absolute_url(tracker.url) if tracker else absolute_url("/")


@dataclass
class UpdateLine:
    """A status change as the emails show it."""

    update: StatusUpdate
    recommendation: RecommendationPage
    country: object
    from_label: object
    to_label: object
    url: str

    @property
    def indented_note(self) -> str:
        """The note indented under its list item, line by line."""
        return "\n".join(f"  {text}".rstrip() for text in self.update.note.splitlines())


def _line(update: StatusUpdate) -> UpdateLine:
    implementation = update.implementation
    return UpdateLine(
        update=update,
        recommendation=implementation.recommendation,
        country=implementation.country,
        from_label=status_label(update.from_status),
        to_label=status_label(update.to_status),
        url=implementation_url(implementation.recommendation, implementation.country),
    )


# -- a status change, to its followers -------------------------------------------------
def send_update_emails(update_id: int) -> int:
    """Email a status change to the followers of its recommendation or of its country.

    One email per follower, in the language of the follow (the recommendation's follow
    wins when a user follows both), to active users with an address who may view the
    recommendation page; never to the update's author. Nothing is sent for an update that
    did not change the status, or about a recommendation no longer addressed to the country.

    Args:
        update_id: primary key of the StatusUpdate.

    Returns:
        The number of emails sent.
    """
    update = (
        StatusUpdate.objects.select_related(
            "implementation__recommendation", "implementation__country"
        )
        .filter(pk=update_id)
        .first()
    )
    if update is None:
        logger.info("Status update %s no longer exists; nothing to send.", update_id)
        return 0
    if not update.status_changed:
        return 0
    implementation = update.implementation
    page = implementation.recommendation
    country = implementation.country
    if not Implementation.objects.targeted().filter(pk=implementation.pk).exists():
        logger.info("%s no longer targets %s; followers not told.", page.code, country.code)
        return 0

    follows = (
        Follow.objects.filter(Q(recommendation=page) | Q(country=country))
        .filter(user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("pk")
    )
    if update.user_id is not None:
        follows = follows.exclude(user_id=update.user_id)
    by_user: dict[int, Follow] = {}
    for follow in follows:
        if follow.user_id not in by_user or follow.recommendation_id is not None:
            by_user[follow.user_id] = follow
    if not by_user:
        return 0

    one_page = RecommendationPage.objects.filter(pk=page.pk)
    public = viewable_pages(AnonymousUser(), one_page).exists()
    line = _line(update)
    messages, recipients = [], []
    for follow in by_user.values():
        user = follow.user
        if not public and not viewable_pages(user, one_page).exists():
            continue
        # The link stops the follow this email is sent for.
        if follow.recommendation_id is not None:
            followed, unfollow_url = page.code, unsubscribe_url(user, recommendation=page)
        else:
            # The country itself: named in the follower's language when the email is written.
            followed, unfollow_url = country, unsubscribe_url(user, country=country)
        context = {
            "line": line,
            "update": update,
            "recommendation": page,
            "country": country,
            "followed": followed,
            "unfollow_url": unfollow_url,
            "user": user,
        }
        messages.append(
            _message("update", context, follow.language, user.email, unsubscribe=unfollow_url)
        )
        recipients.append(user.get_username())
    sent = send_emails(messages)
    logger.info(
        "Status update %s (%s %s: %s -> %s) emailed to %d follower(s): %s.",
        update.pk,
        page.code,
        country.code,
        update.from_status or "-",
        update.to_status,
        sent,
        ", ".join(recipients) or "none",
    )
    return sent


# -- the weekly digest -----------------------------------------------------------------
def send_digest(days: int = 7) -> int:
    """Email each follower the status changes of the last ``days`` days on what they follow.

    One email per active user with an address who follows something and has at least one
    change to read among recommendations they may view; written in the language of their
    most recent follow.

    Args:
        days: how far back to look.

    Returns:
        The number of emails sent.
    """
    since = timezone.now() - datetime.timedelta(days=days)
    updates = list(
        StatusUpdate.objects.filter(
            created_at__gte=since,
            implementation__recommendation__live=True,
            implementation__in=Implementation.objects.targeted(),
        )
        .exclude(from_status=F("to_status"))
        .select_related("implementation__recommendation", "implementation__country")
        .order_by(
            "implementation__recommendation__code",
            "implementation__country__sort_order",
            "created_at",
            "pk",
        )
    )
    if not updates:
        logger.info("Digest: no status change in the last %d days.", days)
        return 0
    pages = list(
        {
            u.implementation.recommendation_id: u.implementation.recommendation for u in updates
        }.values()
    )
    public_ids = viewable_among(AnonymousUser(), pages)

    followed: dict[int, dict] = {}
    for follow in (
        Follow.objects.filter(user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("-created_at", "-pk")
    ):
        entry = followed.setdefault(
            follow.user_id,
            {"user": follow.user, "language": follow.language, "recs": set(), "countries": set()},
        )
        if follow.recommendation_id:
            entry["recs"].add(follow.recommendation_id)
        else:
            entry["countries"].add(follow.country_id)

    tracker_url = _tracker_url()
    messages, recipients = [], []
    for entry in followed.values():
        user = entry["user"]
        mine = [
            u
            for u in updates
            if u.implementation.recommendation_id in entry["recs"]
            or u.implementation.country_id in entry["countries"]
        ]
        if not mine:
            continue
        allowed = _visible_to(user, {u.implementation.recommendation for u in mine}, public_ids)
        mine = [u for u in mine if u.implementation.recommendation_id in allowed]
        if not mine:
            continue
        groups: dict[int, dict] = {}
        for update in mine:
            page = update.implementation.recommendation
            groups.setdefault(page.pk, {"recommendation": page, "lines": []})["lines"].append(
                _line(update)
            )
        # The digest covers every follow: its link stops them all (the page says so).
        everything_url = unsubscribe_url(user)
        context = {
            "days": days,
            "count": len(mine),
            "groups": list(groups.values()),
            # Where each followed country stands: the one measure, as its page says it.
            "progress": country_progress(user, entry["countries"]),
            "tracker_url": tracker_url,
            "unsubscribe_url": everything_url,
            "user": user,
        }
        messages.append(
            _message("digest", context, entry["language"], user.email, unsubscribe=everything_url)
        )
        recipients.append(user.get_username())
    sent = send_emails(messages)
    logger.info("Digest of %d days emailed to %d user(s): %s.", days, sent, ", ".join(recipients))
    return sent


# -- the coordinators' reminders -------------------------------------------------------
@dataclass
class ReminderItem:
    """An implementation to remind of, and why."""

    implementation: Implementation
    status_label: object
    update_url: str
    due_on: datetime.date | None = None
    overdue_days: int = 0
    stale_since: datetime.datetime | None = None


@dataclass
class ReminderSummary:
    emails: int = 0
    items: int = 0
    countries: list[str] = field(default_factory=list)
    #: Countries with items to remind of but no coordinator to email.
    unreachable: list[str] = field(default_factory=list)


def _reminder_item(implementation: Implementation, today: datetime.date) -> ReminderItem:
    page = implementation.recommendation
    item = ReminderItem(
        implementation=implementation,
        status_label=status_label(implementation.status),
        update_url=absolute_url(page.update_url(implementation.country)),
    )
    target = implementation.target_date
    if target and target < today:
        item.overdue_days = (today - target).days
    elif target and target <= today + DUE_SOON:
        item.due_on = target
    moment = implementation.updated_at or implementation.created_at
    if moment < timezone.now() - STALE_AFTER:
        item.stale_since = moment
    return item


def send_reminders(every: int = 7) -> ReminderSummary:
    """Email each country's coordinators its open items that are due soon, overdue or stale.

    One email per coordinator (active, with an address) listing the country's items they
    may view, each with why and the link to update it. An item is reminded at most once
    per ``every`` days (``Implementation.last_reminded_at``); an item nobody could be
    told about is not marked, so it is reminded once a coordinator exists.

    Args:
        every: the least number of days between two reminders of the same item.

    Returns:
        What was sent.
    """
    now = timezone.now()
    today = timezone.localdate(now)
    start_of_today = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    # Calendar days, so that a run a few seconds earlier than last week's still reminds.
    reminded_before = start_of_today - datetime.timedelta(days=max(every, 1) - 1)
    candidates = (
        Implementation.objects.targeted()
        .needing_attention(today=today)
        .filter(recommendation__live=True)
        .filter(Q(last_reminded_at__isnull=True) | Q(last_reminded_at__lt=reminded_before))
        .select_related("recommendation", "country")
        .order_by("country__sort_order", "country__name", "recommendation__code")
    )
    by_country: dict[int, list[Implementation]] = defaultdict(list)
    for implementation in candidates:
        by_country[implementation.country_id].append(implementation)

    summary = ReminderSummary()
    tracker_url = _tracker_url()
    messages: list[mail.EmailMessage] = []
    reminded: set[int] = set()
    for implementations in by_country.values():
        country = implementations[0].country
        group = country_groups(country).get(Role.COORDINATORS)
        coordinators = (
            list(group.user_set.filter(is_active=True).exclude(email="").order_by("username"))
            if group
            else []
        )
        if not coordinators:
            logger.warning(
                "%d tracker item(s) of %s need attention but the country has no coordinator "
                "with an email address.",
                len(implementations),
                country.code,
            )
            summary.unreachable.append(country.code)
            continue
        pages = {impl.recommendation for impl in implementations}
        public_ids = viewable_among(AnonymousUser(), pages)
        languages = chosen_languages(coordinators)
        items = [_reminder_item(impl, today) for impl in implementations]
        told = False
        for user in coordinators:
            allowed = _visible_to(user, pages, public_ids)
            mine = [i for i in items if i.implementation.recommendation_id in allowed]
            if not mine:
                continue
            context = {
                "country": country,
                "items": mine,
                "count": len(mine),
                "user": user,
                "tracker_url": tracker_url,
                "every": every,
            }
            language = languages.get(user.pk, settings.LANGUAGE_CODE)
            messages.append(_message("reminders", context, language, user.email))
            reminded.update(i.implementation.pk for i in mine)
            told = True
        if told:
            summary.countries.append(country.code)
    summary.emails = send_emails(messages)
    if reminded:
        Implementation.objects.filter(pk__in=reminded).update(last_reminded_at=now)
    summary.items = len(reminded)
    logger.info(
        "Tracker reminders: %d email(s) about %d item(s) in %s.",
        summary.emails,
        summary.items,
        ", ".join(summary.countries) or "no country",
    )
    return summary
