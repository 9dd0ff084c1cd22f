"""The eight Nordic spaces: Country records, their pages, and members' profiles."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import cldr
from core.blocks import BaseStreamBlock
from core.choices import Audience, Language
from core.languages import CODES
from core.pagecache import CachedPageMixin
from core.translation import Translated, TranslatedFieldsMixin, active_language, translated_fields

from .audience import NEW_PAGE_AUDIENCE, SpacePageForm
from .choices import Expertise, NetworkRole, Role, Sector


class Country(models.Model):
    """A Nordic country or autonomous territory with its own space in the hub.

    Created by ``setup_spaces``; edited only by superusers. The tracker's per-object rights
    (django-guardian) are granted on these records.

    ``name`` and ``name_native`` are records, not what readers see: the name in English
    names the country's groups and collection. Pages, facets, charts, exports and emails
    show ``display_name`` (CLDR's name in the reader's language: "Island" in Swedish) and
    ``native_name`` in ``native_lang`` (CLDR's, in the territory's own language: "Føroyar",
    Faroese), falling back to the typed names for a code CLDR does not know.
    """

    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Use the two-letter upper-case ISO code."))],
    )
    name = models.CharField(_("name in English"), max_length=100)
    name_native = models.CharField(_("name in its own language"), max_length=100)
    native_language = models.CharField(_("main language code"), max_length=5, default="en")
    # Not ``native_language``: that one marks ``name_native`` and may name a language the
    # hub does not write in (Faroese, Greenlandic); this one is always one of the hub's.
    language = models.CharField(
        _("language of its practices"),
        max_length=5,
        choices=Language.choices,
        default=Language.EN,
        help_text=_("The language a new practice in this space is written in, unless changed."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        permissions = [
            ("manage_implementation", _("Can update this country's implementations")),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        """The country's name in the active language, as CLDR writes it."""
        return cldr.country_name(self.code) or self.name

    def _native(self) -> tuple[str, str]:
        return cldr.native_name(self.code, self.native_language)

    @property
    def native_name(self) -> str:
        """The country's name in its own language ("Føroyar", "Kalaallit Nunaat")."""
        return self._native()[1] or self.name_native

    @property
    def native_lang(self) -> str:
        """The language ``native_name`` is written in, for its ``lang`` attribute."""
        lang, name = self._native()
        return lang if name else self.native_language


@translated_fields("title", "intro")
class CountryIndexPage(TranslatedFieldsMixin, CachedPageMixin, Page):
    """/countries/: the list of the eight spaces. Edited by superusers."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = settings.SECTION_PARENT_PAGE_TYPES
    subpage_types = ["countries.CountryPage"]
    max_count = 1

    class Meta:
        verbose_name = _("country index page")

    def get_context(self, request, *args, **kwargs):
        from .permissions import viewable_pages

        context = super().get_context(request, *args, **kwargs)
        context["spaces"] = (
            viewable_pages(request, CountryPage.objects.child_of(self))
            .select_related("country")
            .order_by("country__sort_order", "country__name")
        )
        return context


class CountryPage(CachedPageMixin, Page):
    """A country's space (/countries/finland/): its coordinators and editors publish here.

    The page is the permission boundary: setup_spaces grants the country's groups rights on
    it and attaches the country's moderation workflow.
    """

    country = models.OneToOneField(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="page",
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    structures = StreamField(
        BaseStreamBlock(),
        verbose_name=_("national anti-trafficking structures"),
        blank=True,
        help_text=_("The national coordinator, rapporteur, referral mechanism and key bodies."),
    )
    # A space's rule for its new pages, not a page's own audience: the space page itself
    # carries none. Its coordinators set it (``SpacePageForm``).
    default_audience = models.CharField(
        _("default audience for new pages"),
        max_length=10,
        choices=Audience.choices,
        default=NEW_PAGE_AUDIENCE,
        help_text=_(
            "Who may read a new page of this space, practices included, unless its editor "
            "chooses otherwise. Public: anyone on the internet. Network members: only "
            "people signed in to the hub. Country team: only this country's coordinators, "
            "editors and ministry. Only the space's coordinators may change it; it applies "
            "once this page is published."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("country", permission="superuser"),
        FieldPanel("intro"),
        FieldPanel("structures"),
        InlinePanel("contacts", label=_("national coordinator contacts")),
    ]
    settings_panels = [
        FieldPanel("default_audience", widget=forms.RadioSelect),
    ] + Page.settings_panels
    base_form_class = SpacePageForm
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("structures"),
        index.FilterField("country_id"),
    ]

    parent_page_types = ["countries.CountryIndexPage"]
    subpage_types = settings.COUNTRY_SPACE_PAGE_TYPES
    shared_prefetch = ("country", "contacts")

    class Meta:
        verbose_name = _("country page")

    def translated(self, name: str, language: str | None = None) -> Translated:
        """The space's ``title`` is its country's name as CLDR writes it in the reader's
        language (menus, breadcrumbs, search results); its other fields are its own."""
        if name == "title":
            code = language or active_language()
            return Translated(cldr.country_name(self.country.code, code) or self.title, code)
        return Translated(getattr(self, name), settings.LANGUAGE_CODE)


class CountryContact(Orderable):
    """A national coordinator contact shown on the country's page."""

    page = ParentalKey(CountryPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldPanel("organisation"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("email"), FieldPanel("phone")])]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contact")


class Membership(models.Model):
    """A member's profile: country, organisation and sector (managed by superusers), and
    what the member tells the network in the directory and chooses to show
    (``countries/directory.py``; edited by the member on ``/account/directory-profile/``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="membership",
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        help_text=_("Leave empty for network-wide members (secretariat, international experts)."),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    # The member directory (/members/). The member edits these on their own profile page;
    # what other members see is decided by the three choices below (``directory_card``).
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    network_role = models.CharField(
        _("role in the network"), max_length=30, choices=NetworkRole.choices, blank=True
    )
    expertise = models.JSONField(
        _("expertise"), default=list, blank=True, help_text=_("Codes of Expertise.")
    )
    languages = models.JSONField(
        _("languages spoken"), default=list, blank=True, help_text=_("Language codes.")
    )
    work_email = models.EmailField(
        _("work email"),
        blank=True,
        help_text=_("Shown instead of your account's email address, if you show your contact."),
    )
    work_phone = models.CharField(
        _("work phone"),
        max_length=40,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9 ()\-]{5,40}$",
                _("Use digits, spaces and an optional leading +, e.g. +47 22 00 00 00."),
            )
        ],
    )
    listed = models.BooleanField(
        _("list me in the member directory"),
        default=True,
        help_text=_("Members then see your name, organisation and country."),
    )
    show_details = models.BooleanField(
        _("show my job title, role, sector, expertise and languages"),
        default=False,
        help_text=_("Members can then also find you by them."),
    )
    show_contact = models.BooleanField(_("show my work email and phone"), default=False)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} ({self.get_sector_display()})"

    def clean(self):
        """The directory's lists hold known codes only (the admin edits them as JSON)."""
        super().clean()
        for name, known in (("expertise", Expertise.values), ("languages", CODES)):
            value = getattr(self, name)
            if not isinstance(value, list) or any(code not in known for code in value):
                message = _("Give a list of these codes: %(codes)s.")
                raise ValidationError({name: message % {"codes": ", ".join(known)}})


class SpaceGroup(models.Model):
    """Links a country to its three groups, so renaming a group breaks no rule."""

    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="space_groups", verbose_name=_("country")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    group = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, related_name="space", verbose_name=_("group")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["country", "role"], name="one_group_per_country_role")
        ]
        verbose_name = _("space group")

    def __str__(self):
        return self.group.name
