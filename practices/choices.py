from django.db import models
from django.utils.translation import gettext_lazy as _


class EvidenceLevel(models.TextChoices):
    """After EUCPN's quality criteria for good practice."""

    EVALUATED = "evaluated", _("Evaluated: an evaluation shows results")
    PROMISING = "promising", _("Promising: monitored, early results")
    EMERGING = "emerging", _("Emerging: new, not yet assessed")


class OrganisationType(models.TextChoices):
    AUTHORITY = "authority", _("Authority")
    NGO = "ngo", _("NGO")
    RESEARCH = "research", _("Research")
    INTERNATIONAL = "international", _("International organisation")


class SortOrder(models.TextChoices):
    NEWEST = "newest", _("Newest first")
    TITLE = "title", _("Title A–Z")
    COUNTRY = "country", _("Country")
