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

from .models import Implementation, StatusUpdate, display_name

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
