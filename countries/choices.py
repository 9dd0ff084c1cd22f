from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    POLICE = "police", _("Police")
    NGO = "ngo", _("NGO")
    MINISTRY = "ministry", _("Ministry")
    RESEARCH = "research", _("Research")
    OTHER = "other", _("Other")


class Role(models.TextChoices):
    """The three groups each country space has."""

    COORDINATORS = "coordinators", _("coordinators")
    EDITORS = "editors", _("editors")
    MINISTRY = "ministry", _("ministry")
