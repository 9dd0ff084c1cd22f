"""The shared base of the hub: the home page, network pages, the join form, documents and
site settings."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.forms import HubFormBuilder
from core.pagecache import CachedPageMixin
from core.translation import TranslatedFieldsMixin, language_sections, translated_fields
from countries.audience import AudienceMixin


@translated_fields("title", "intro", "body")
class HomePage(TranslatedFieldsMixin, CachedPageMixin, Page):
    """The root of the hub (/): what the network is, its aims and principles, latest items.

    One per site; edited by superusers, who translate it in a tab per language.
    """

    intro = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link"],
        help_text=_("What the network is, in two or three sentences."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("aims and principles"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "countries.CountryIndexPage",
        "practices.PracticeIndexPage",
        "seminars.SeminarIndexPage",
        "recommendations.TrackerPage",
        "home.StandardPage",
        "home.FormPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")


@translated_fields("title", "intro", "body")
class StandardPage(TranslatedFieldsMixin, CachedPageMixin, AudienceMixin, Page):
    """A network page (/about/, /principles/, /accessibility/ …) run by the secretariat,
    who translate it in a tab per language."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        AudienceMixin.audience_panel,
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("audience"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@translated_fields("label", "help_text", "choices", search=False)
class FormField(TranslatedFieldsMixin, AbstractFormField):
    """A field of the join form. Its English label names the stored answer (``clean_name``,
    set once) and its English choices are the stored values; the translated labels, help
    texts and choices are only what readers see."""

    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")

    panels = AbstractFormField.panels + language_sections("label", "help_text", "choices")


@translated_fields("title", "intro", "thank_you_text")
class FormPage(TranslatedFieldsMixin, CachedPageMixin, AbstractEmailForm):
    """The application to join the network or its mailing list (/join/).

    Submissions are stored (exportable from the admin) and emailed to the secretariat.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link"]
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The form links to it under its fields, in the reader's language."),
    )

    form_builder = HubFormBuilder

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("form fields")),
        FieldPanel("privacy_page"),
        FieldPanel("thank_you_text"),
        # No "from address": every email of the hub comes from DEFAULT_FROM_EMAIL.
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("subject")],
            heading=_("email to the secretariat"),
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    #: The key under which a submission keeps the language it was made in, when the form
    #: asks for none: the onboarding writes to the applicant in it.
    LANGUAGE_KEY = "language"

    def process_form_submission(self, form):
        """Store the submission with the language the applicant read the form in (unless
        the form asks for one), so an accepted applicant is invited in their language."""
        form.cleaned_data.setdefault(self.LANGUAGE_KEY, translation.get_language())
        return super().process_form_submission(form)

    def send_mail(self, form):
        """The application to the secretariat, through the hub's email helper: from the
        hub's address, replies to the applicant, answers as people read them."""
        from core.mailer import hub_email, submission_text

        fields = self.get_form_fields()
        emails = [f.clean_name for f in fields if f.field_type == "email"]
        applicant = form.cleaned_data.get(emails[0]) if emails else None
        body = submission_text(
            [(f.clean_name, f.label) for f in fields],
            form.cleaned_data,
            {f.clean_name: f.field_type for f in fields},
        )
        addresses = [address.strip() for address in self.to_address.split(",")]
        reply_to = [applicant] if applicant else None
        hub_email(self.subject, body, [a for a in addresses if a], reply_to=reply_to).send()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # An applicant reads what becomes of their data before sending it: the privacy
        # notice is a link, never a mention to look up (a page unpublished is left out).
        privacy = self.privacy_page
        context["privacy_url"] = privacy.get_url(request) if privacy and privacy.live else None
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        form = getattr(response, "context_data", {}).get("form")
        if request.method == "POST" and form is not None and form.errors:
            # The form is shown again with its messages, as a client error: 400.
            response.status_code = 400
        return response

    class Meta:
        verbose_name = _("form page")


@register_setting(icon="cog")
@translated_fields("footer_text")
class HubSettings(TranslatedFieldsMixin, BaseSiteSetting):
    """Site-wide settings the secretariat keeps up to date."""

    #: The secretariat edits these (countries' setup_spaces grants it, reading this mark).
    edited_by_secretariat = True

    secretariat_email = models.EmailField(
        _("secretariat email"),
        default="secretariat@example.org",
        help_text=_("Shown in the footer and receives join applications."),
    )
    quick_exit_url = models.URLField(
        _("quick exit destination"),
        default="https://www.yr.no/",
        help_text=_(
            "A neutral site the quick-exit button leaves for (weather, news). It must not "
            "reveal that the visitor was reading about trafficking."
        ),
    )
    footer_text = models.TextField(
        _("footer text"),
        blank=True,
        default="The Nordic network of national anti-trafficking coordinators.",
    )

    panels = [
        FieldPanel("secretariat_email"),
        FieldPanel("quick_exit_url"),
        FieldPanel("footer_text"),
        *language_sections("footer_text"),
    ]

    class Meta:
        verbose_name = _("hub settings")

    def clean(self):
        super().clean()
        url = urlsplit(self.quick_exit_url or "")
        own_hosts = set(Site.objects.values_list("hostname", flat=True)) | set(
            settings.ALLOWED_HOSTS
        )
        if url.scheme != "https" or not url.hostname or url.hostname in own_hosts:
            raise ValidationError(
                {
                    "quick_exit_url": _(
                        "Use an https address on another, neutral site (weather, news): "
                        "the quick exit must leave this site."
                    )
                }
            )


class ApplicationDecision(models.Model):
    """The secretariat's decision on one join application (a form submission of the join
    form): accepted, with the account it created, or refused, with the reason the
    applicant was told. The application's answers are copied here when deciding, so
    neither they nor the decision are lost if the submission is removed later; nothing
    here is ever deleted (``home/onboarding.py``)."""

    class Status(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        REFUSED = "refused", _("Refused")

    submission = models.OneToOneField(
        "wagtailforms.FormSubmission",
        verbose_name=_("application"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="decision",
    )
    form_data = models.JSONField(_("answers"), default=dict)
    submitted_at = models.DateTimeField(_("submitted at"), null=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("application decision")
        verbose_name_plural = _("application decisions")

    def __str__(self):
        name = self.form_data.get("full_name") or self.form_data.get("email_address") or "?"
        return _("Application of %(name)s") % {"name": name}


class AccessConfirmation(models.Model):
    """A superuser's confirmation, in the yearly access review, that an account not seen
    for a long time is still needed. The newest one counts; none is deleted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="access_confirmations",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("access confirmation")
        verbose_name_plural = _("access confirmations")
        ordering = ["-confirmed_at"]
