"""Who may read a content page, chosen by its editor: the audience tier every feature's
pages carry, turned into Wagtail privacy by the one permissions module."""

from django import forms
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel

from core.choices import Audience

from .permissions import (
    country_for_page,
    may_set_space_defaults,
    space_page_for,
    sync_view_restriction,
)

#: What a new page's audience starts as where its space sets no other: readable by
#: anyone signed in, never the open internet until its editor says so.
NEW_PAGE_AUDIENCE = Audience.MEMBERS

#: Shown under the audience in every editor: what each choice means, and why new pages
#: start with network members.
AUDIENCE_HELP = _(
    "Who may read this page once it is published. A new page starts with its space's "
    "default, network members unless the space's coordinators chose otherwise. Choose "
    "Public only for what anyone on the internet, search engines included, may read; "
    "Country team only inside a country's space."
)


def initial_audience(parent_page) -> str:
    """The audience a new page under ``parent_page`` starts with in its editor: its
    space's default (``CountryPage.default_audience``, set by the coordinators), network
    members outside a space."""
    space = space_page_for(parent_page) if parent_page is not None else None
    return space.default_audience if space is not None else NEW_PAGE_AUDIENCE


class AudiencePageForm(WagtailAdminPageForm):
    """A new page starts with its space's default audience (``initial_audience``), never
    the model's public default; the country tier is refused, with a message, for pages
    outside a country's space."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if (
            self.instance.pk is None
            and self.parent_page is not None
            and not self.is_bound
            and "audience" in self.fields
        ):
            self.initial["audience"] = initial_audience(self.parent_page)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("audience") == Audience.COUNTRY:
            anchor = self.parent_page if self.instance.pk is None else self.instance
            if anchor is None or country_for_page(anchor) is None:
                self.add_error(
                    "audience",
                    _(
                        "Country team is only available for pages inside a country's space. "
                        "Choose public or network members."
                    ),
                )
        return cleaned_data


class AudienceMixin(models.Model):
    """Gives a content page an audience tier that publishing turns into Wagtail privacy.

    The page row always holds the live value (drafts of live pages stay in revisions), so
    every full save re-applies the matching PageViewRestriction in the same transaction:
    there is no moment when a restricted page is live without its restriction.
    """

    audience = models.CharField(
        _("audience"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.PUBLIC,
        help_text=_(
            "Who may read this page once published. Country team is only available "
            "inside a country's space."
        ),
    )

    #: On the first tab, near the title, in every page type's editor: who may read the
    #: page is the first thing an editor decides, not a setting on the last tab.
    audience_panel = FieldPanel("audience", widget=forms.RadioSelect, help_text=AUDIENCE_HELP)
    base_form_class = AudiencePageForm

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        with transaction.atomic():
            result = super().save(*args, **kwargs)
            if update_fields is None or "audience" in update_fields:
                sync_view_restriction(self)
        return result


class SpacePageForm(WagtailAdminPageForm):
    """A country space's editor: the space's defaults for new pages are shown and saved
    only for those who may set them (``may_set_space_defaults``: its coordinators and
    superusers); the space's editors keep the rest of the page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "default_audience" in self.fields and not (
            self.for_user is not None and may_set_space_defaults(self.for_user, self.instance)
        ):
            del self.fields["default_audience"]
