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


class NetworkRole(models.TextChoices):
    """What a member does in the network: the member directory's "role" filter."""

    NATIONAL_COORDINATOR = "national_coordinator", _("National coordinator")
    POLICE_EXPERT = "police_expert", _("Police expert")
    PROSECUTOR = "prosecutor", _("Prosecutor")
    LABOUR_INSPECTION = "labour_inspection", _("Labour inspection contact")
    VICTIM_SUPPORT = "victim_support", _("Victim support")
    MIGRATION = "migration", _("Migration authority contact")
    CHILD_PROTECTION = "child_protection", _("Child protection")
    POLICY = "policy", _("Policy adviser")
    RESEARCHER = "researcher", _("Researcher")
    SECRETARIAT = "secretariat", _("Secretariat")
    OTHER = "other", _("Other")


class Expertise(models.TextChoices):
    """Fields of expertise a member may list in the directory (several)."""

    SEXUAL_EXPLOITATION = "sexual_exploitation", _("Sexual exploitation")
    LABOUR_EXPLOITATION = "labour_exploitation", _("Labour exploitation")
    FORCED_CRIMINALITY = "forced_criminality", _("Forced criminality")
    CHILD_TRAFFICKING = "child_trafficking", _("Trafficking in children")
    IDENTIFICATION = "identification", _("Identification of victims")
    INVESTIGATION = "investigation", _("Investigation and prosecution")
    FINANCIAL = "financial", _("Financial investigation")
    ONLINE = "online", _("Online recruitment and technology")
    VICTIM_ASSISTANCE = "victim_assistance", _("Victim assistance")
    PREVENTION = "prevention", _("Prevention and awareness")
    LEGISLATION = "legislation", _("Legislation and policy")
    DATA = "data", _("Data and research")
