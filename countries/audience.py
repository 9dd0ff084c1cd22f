"""Who may read a content page, chosen by its editor: the audience tier every feature's
pages carry, turned into Wagtail privacy by the one permissions module."""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel

from core.choices import Audience

from .permissions import country_for_page, sync_view_restriction


class AudiencePageForm(WagtailAdminPageForm):
    """Refuses the country tier for pages outside a country's space, with a message."""

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

    audience_panel = FieldPanel("audience")
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
