from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Status(models.TextChoices):
    """Where a country stands with a recommendation. Always shown as text, with a colour and
    an icon that repeat it (never colour alone)."""

    NOT_STARTED = "not_started", _("Not started")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    PARTLY = "partly", _("Partly implemented")
    IMPLEMENTED = "implemented", _("Implemented")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class HistoryKind(models.TextChoices):
    """What an entry of an implementation's history records."""

    CHANGE = "change", pgettext_lazy("a kind of history entry", "Change")
    CONFIRMATION = "confirmation", _("Confirmed for a reporting round")
    SIGN_OFF = "sign_off", _("Signed off for a reporting round")


def status_label(value: str):
    """The label of a status, everywhere one is shown: pages, exports, API, mail, feeds.

    Lazy: it renders in the language active at the time (a mail in its reader's).

    Args:
        value: a :class:`Status` value, or ``""``: a status update's ``from_status``
            before the first report.

    Returns:
        The status's label; "Not reported" for ``""`` (never an empty cell, a blank in a
        sentence, or "→ Not started" with nothing before it); an unknown value (a status
        since removed from the choices) as it is.
    """
    if not value:
        return _("Not reported")
    try:
        return Status(value).label
    except ValueError:
        return value


#: Progress a status stands for, for the progress bars (not applicable counts for nothing).
STATUS_WEIGHT = {
    Status.NOT_STARTED: 0,
    Status.PLANNED: 0.25,
    Status.IN_PROGRESS: 0.5,
    Status.PARTLY: 0.75,
    Status.IMPLEMENTED: 1,
}
#: Statuses that need no further follow-up (no reminders).
SETTLED = (Status.IMPLEMENTED, Status.NOT_APPLICABLE)


class Theme(models.TextChoices):
    """What a recommendation is about (a filter of the matrix)."""

    COOPERATION = "cooperation", _("Nordic and international cooperation")
    COORDINATION = "coordination", _("National coordination and legislation")
    IDENTIFICATION = "identification", _("Identification and referral")
    ASSISTANCE = "assistance", _("Assistance and protection of victims")
    RESIDENCE = "residence", _("Residence permits and safe return")
    JUSTICE = "justice", _("Investigation, prosecution and compensation")
    LABOUR = "labour", _("Labour exploitation and business")
    PREVENTION = "prevention", _("Prevention and awareness")
    DATA = "data", _("Data, research and evaluation")


class SourceKind(models.TextChoices):
    """Who issued a recommendation: the network itself, or a body a ministry reports to."""

    NETWORK = "network", _("The network (seminar or report)")
    GRETA = "greta", _("GRETA (Council of Europe)")
    UPR = "upr", _("Universal Periodic Review (UN)")
    CEDAW = "cedaw", _("CEDAW (UN treaty body)")
    UN_TREATY = "un_treaty", _("Other UN treaty body")
    EU = "eu", _("EU Anti-Trafficking Coordinator")
    US_TIP = "us_tip", _("US Trafficking in Persons report")
    OTHER = "other", _("Other source")


#: The network's own codes: R-<year>-<number>. Codes in this form are unique across every
#: source, and no other source may use the prefix "R-".
NETWORK_CODE = r"^R-\d{4}-\d{2,3}$"
NETWORK_PREFIX = "R-"
