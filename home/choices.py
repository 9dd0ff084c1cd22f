from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    """Who may read a content page; publishing turns it into a PageViewRestriction."""

    PUBLIC = "public", _("Public: everyone")
    MEMBERS = "members", _("Network members: anyone signed in")
    COUNTRY = "country", _("Country team: this country's coordinators, editors and ministry")


class Language(models.TextChoices):
    """Languages content is written in (and the search engine analyses)."""

    EN = "en", _("English")
    FI = "fi", _("Finnish")
    SV = "sv", _("Swedish")
    NB = "nb", _("Norwegian")
    DA = "da", _("Danish")
    IS = "is", _("Icelandic")
