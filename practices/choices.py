from django.db import models
from django.utils.translation import gettext_lazy as _


class EvidenceLevel(models.TextChoices):
    """After EUCPN's quality criteria for good practice."""

    EVALUATED = "evaluated", _("Evaluated: an evaluation shows results")
    PROMISING = "promising", _("Promising: monitored, early results")
    EMERGING = "emerging", _("Emerging: new, not yet assessed")


class OrganisationType(models.TextChoices):
    """What kind of body an organisation is: the directory and /organisations/ group by it."""

    MINISTRY = "ministry", _("Ministry")
    POLICE = "police", _("Police")
    LABOUR_INSPECTION = "labour_inspection", _("Labour inspection")
    AUTHORITY = "authority", _("Other authority")
    NGO = "ngo", _("NGO")
    INTERNATIONAL = "international", _("International organisation")
    RESEARCH = "research", _("Research")
    OTHER = "other", _("Other")


class SortOrder(models.TextChoices):
    NEWEST = "newest", _("Newest first")
    TITLE = "title", _("Title A–Z")
    COUNTRY = "country", _("Country")
