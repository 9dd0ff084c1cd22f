from django.db import models
from django.utils.translation import gettext_lazy as _

from countries.permissions import RECORDING_MEMBERS, RECORDING_PUBLIC, RECORDING_REGISTRANTS


class SessionKind(models.TextChoices):
    """What a session of a seminar's programme is; shown as text beside its title."""

    OPENING = "opening", _("Opening")
    PRESENTATION = "presentation", _("Presentation")
    PANEL = "panel", _("Panel discussion")
    WORKSHOP = "workshop", _("Workshop")
    SIDE_EVENT = "side_event", _("Side event")
    DISCUSSION = "discussion", _("Discussion")
    CONCLUSIONS = "conclusions", _("Conclusions")
    BREAK = "break", _("Break")


class PartAccess(models.TextChoices):
    """Who may follow a part of the programme."""

    EVERYONE = "everyone", _("Everyone registered")
    INVITED = "invited", _("Invited participants on site only")


class RecordingAudience(models.TextChoices):
    """Who may watch a recording while it is available."""

    # Who each may be is decided by countries.permissions.may_watch_recording.
    PUBLIC = RECORDING_PUBLIC, _("Everyone who can see the seminar")
    MEMBERS = RECORDING_MEMBERS, _("Network members (signed in)")
    REGISTRANTS = RECORDING_REGISTRANTS, _("Registrants of the seminar")


class RegistrationState(models.TextChoices):
    """Where a seminar's registration stands at a given moment."""

    NONE = "none", _("No registration")
    NOT_YET_OPEN = "not_yet_open", _("Not open yet")
    OPEN = "open", _("Open")
    FULL = "full", _("Full")
    CLOSED = "closed", _("Closed")


#: Time zones a Nordic seminar may be held in (IANA names).
TIME_ZONES = [
    ("Europe/Copenhagen", _("Denmark (Copenhagen)")),
    ("Europe/Helsinki", _("Finland (Helsinki)")),
    ("Atlantic/Reykjavik", _("Iceland (Reykjavík)")),
    ("Europe/Oslo", _("Norway (Oslo)")),
    ("Europe/Stockholm", _("Sweden (Stockholm)")),
    ("Europe/Mariehamn", _("Åland (Mariehamn)")),
    ("Atlantic/Faroe", _("Faroe Islands (Tórshavn)")),
    ("America/Nuuk", _("Greenland (Nuuk)")),
    ("Europe/Brussels", _("Central Europe (Brussels)")),
    ("UTC", _("UTC (online events)")),
]
