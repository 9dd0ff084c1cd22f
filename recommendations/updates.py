"""The one write path of implementations: every form, admin screen and API ends here.

``apply_update`` checks the per-object right, refuses a stale version, saves the change and
appends a StatusUpdate in one transaction, and tells followers once it has committed.
``changes_since`` and ``conflict_author`` tell someone refused for a stale version what
happened meanwhile, and who did it.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from countries.permissions import can_manage_implementation

from .choices import HistoryKind
from .models import Implementation, ReportingRound, StatusUpdate, display_name
from .permissions import may_run_reporting_round, may_sign_off_reporting_round

logger = logging.getLogger("hub.recommendations")

#: Fields whose changes the history records besides the status.
TRACKED_FIELDS = (
    "responsible_authority",
    "summary",
    "next_step",
    "target_date",
    "evidence_links",
    "language",
)
TRACKED_RELATIONS = ("evidence_practices", "evidence_documents")
#: The most changes a refused form lists (the history has the rest).
CONFLICT_CHANGES_SHOWN = 10


class StaleVersion(Exception):
    """Someone saved a change to the implementation after this form was opened."""

    def __init__(self, current: Implementation):
        super().__init__("stale implementation version")
        self.current = current


def _text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def apply_update(
    implementation: Implementation, user, data: dict, note: str = "", version: int | None = None
) -> StatusUpdate | None:
    """Save a change to an implementation on behalf of a user, with its history entry.

    Args:
        implementation: the implementation (its country decides who may change it).
        user: the user making the change.
        data: new values of ``status`` and the fields in TRACKED_FIELDS and
            TRACKED_RELATIONS (lists of objects); fields left out keep their value.
        note: the note kept in the history (forms require one when the status changes).
        version: the version the change was made on; ``None`` skips the check (commands).

    Returns:
        The StatusUpdate appended, or None when nothing changed.

    Raises:
        PermissionDenied: the user may not manage the implementation's country.
        StaleVersion: the implementation changed since ``version``; nothing is saved.
    """
    if not can_manage_implementation(user, implementation.country):
        logger.warning(
            "Refused %s's update of implementation %s (%s).",
            getattr(user, "username", "anonymous"),
            implementation.pk,
            implementation.country.code,
        )
        raise PermissionDenied(_("Only the coordinators of this country may update it."))
    with transaction.atomic():
        current = (
            Implementation.objects.select_for_update()
            .select_related("country", "recommendation")
            .get(pk=implementation.pk)
        )
        if version is not None and current.version != version:
            raise StaleVersion(current)
        changes = {}
        for name in TRACKED_FIELDS:
            if name in data and _text(data[name]) != _text(getattr(current, name)):
                changes[name] = [_text(getattr(current, name)), _text(data[name])]
                setattr(current, name, data[name])
        relation_values = {}
        for name in TRACKED_RELATIONS:
            if name in data:
                before = sorted(getattr(current, name).values_list("pk", flat=True))
                after = sorted(obj.pk for obj in data[name])
                if before != after:
                    changes[name] = [before, after]
                    relation_values[name] = data[name]
        old_status = current.status
        new_status = data.get("status", old_status)
        if new_status == old_status and not changes and not note.strip():
            return None
        # The row lock above holds where the database has one (PostgreSQL); claiming the
        # version with a conditional UPDATE keeps two saves from one version from both
        # succeeding even where it has not.
        claimed = Implementation.objects.filter(pk=current.pk, version=current.version).update(
            version=F("version") + 1
        )
        if not claimed:
            raise StaleVersion(
                Implementation.objects.select_related("country", "recommendation").get(
                    pk=current.pk
                )
            )
        current.version += 1
        current.status = new_status
        current.updated_at = timezone.now()
        current.updated_by = user
        current.save()
        for name, values in relation_values.items():
            getattr(current, name).set(values)
        update = StatusUpdate.objects.create(
            implementation=current,
            created_at=current.updated_at,
            user=user,
            user_name=display_name(user),
            from_status=old_status,
            to_status=new_status,
            note=note.strip(),
            language=current.language,
            changes=changes,
        )
        if new_status != old_status:
            from .notifications import notify_followers

            transaction.on_commit(lambda: notify_followers.enqueue(update.pk))
    # The caller's object shows what was saved.
    implementation.refresh_from_db()
    logger.info(
        "Implementation %s (%s) updated by %s: %s -> %s.",
        current.pk,
        current.country.code,
        user.get_username(),
        old_status,
        new_status,
    )
    return update


class RoundSignedOff(Exception):
    """The reporting round is signed off: nothing more is recorded in it."""


def confirm_unchanged(
    implementation: Implementation, user, reporting_round: ReportingRound, version: int | None
) -> StatusUpdate:
    """Record that the country's coordinator confirms the implementation's status, as it
    stands, for a reporting round: a history entry of kind ``confirmation``. The status and
    the version stay as they are.

    Args:
        implementation: an implementation of the round's country.
        user: the coordinator confirming.
        reporting_round: the open round.
        version: the version the coordinator saw; ``None`` skips the check.

    Returns:
        The StatusUpdate appended.

    Raises:
        PermissionDenied: the user may not run the country's rounds.
        RoundSignedOff: the round is signed off.
        StaleVersion: the implementation changed since ``version``; nothing is recorded.
    """
    country = implementation.country
    if implementation.country_id != reporting_round.country_id:
        raise ValueError("The implementation is not of the round's country.")
    if not may_run_reporting_round(user, country):
        raise PermissionDenied(_("Only the coordinators of this country may confirm its statuses."))
    with transaction.atomic():
        current = (
            Implementation.objects.select_for_update()
            .select_related("country", "recommendation")
            .get(pk=implementation.pk)
        )
        if ReportingRound.objects.filter(pk=reporting_round.pk, signed_off_at__isnull=False):
            raise RoundSignedOff()
        if version is not None and current.version != version:
            raise StaleVersion(current)
        update = StatusUpdate.objects.create(
            implementation=current,
            user=user,
            user_name=display_name(user),
            from_status=current.status,
            to_status=current.status,
            language=current.language,
            kind=HistoryKind.CONFIRMATION,
            reporting_round=reporting_round,
        )
    logger.info(
        "Implementation %s (%s) confirmed for round %s by %s.",
        current.pk,
        country.code,
        reporting_round.pk,
        user.get_username(),
    )
    return update


def sign_off_round(reporting_round: ReportingRound, user, implementations) -> ReportingRound:
    """A ministry user signs a reporting round off: the round records who and when (once),
    and each of its implementations' histories a ``sign_off`` entry.

    Args:
        reporting_round: the round.
        user: a ministry user of the round's country.
        implementations: the implementations the round covers (all confirmed).

    Returns:
        The round as saved.

    Raises:
        PermissionDenied: the user may not sign off this country's rounds.
        RoundSignedOff: someone signed it off already; nothing is recorded.
    """
    if not may_sign_off_reporting_round(user, reporting_round.country):
        raise PermissionDenied(_("Only the ministry of this country may sign its rounds off."))
    now = timezone.now()
    with transaction.atomic():
        # Claimed with a conditional UPDATE: two sign-offs at once cannot both succeed.
        claimed = ReportingRound.objects.filter(
            pk=reporting_round.pk, signed_off_at__isnull=True
        ).update(signed_off_at=now, signed_off_by=user, signed_off_by_name=display_name(user))
        if not claimed:
            raise RoundSignedOff()
        # One by one (not bulk_create): each save is a signal that ends the caches.
        for impl in implementations:
            StatusUpdate.objects.create(
                implementation=impl,
                created_at=now,
                user=user,
                user_name=display_name(user),
                from_status=impl.status,
                to_status=impl.status,
                language=impl.language,
                kind=HistoryKind.SIGN_OFF,
                reporting_round=reporting_round,
            )
    reporting_round.refresh_from_db()
    logger.info("Reporting round %s signed off by %s.", reporting_round.pk, user.get_username())
    return reporting_round


def changes_since(current: Implementation, version: int) -> list[StatusUpdate]:
    """The history entries saved after ``version`` was read, newest first.

    Every saved change raises the version by one and appends one StatusUpdate, so they
    are the newest ``current.version - version`` entries (at most CONFLICT_CHANGES_SHOWN).

    Args:
        current: the implementation as stored now.
        version: the version the refused form or request was made on.

    Returns:
        StatusUpdates, newest first; empty when nothing was saved since.
    """
    count = min(max(current.version - version, 0), CONFLICT_CHANGES_SHOWN)
    if not count:
        return []
    return list(current.updates.all()[:count])


def conflict_author(current: Implementation, changes: list[StatusUpdate]) -> str:
    """Who saved the newest change: the name the history kept, else the account's."""
    if changes and changes[0].user_name:
        return changes[0].user_name
    return display_name(current.updated_by) or _("Someone")
