"""Best practices: each lives in its owning country's space; the library lists them all."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import languages
from core.blocks import BaseStreamBlock, ResourceBlock
from core.choices import Language
from core.indexing import IndexedAfterRelations
from core.pagecache import CachedPageMixin
from core.translation import TranslatedFieldsMixin, translated_fields
from countries.audience import AudienceMixin

from .choices import EvidenceLevel, OrganisationType
from .forms import PracticePageForm


class TaxonomyTerm(models.Model):
    """A term of one of the library's taxonomies, named in the six working languages.

    Snippets the secretariat edits; the library shows the name in the visitor's language.
    """

    #: The secretariat edits these (countries' setup_spaces grants it, reading this mark).
    edited_by_secretariat = True

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name_en = models.CharField(_("name in English"), max_length=100)
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100)
    name_nb = models.CharField(_("name in Norwegian"), max_length=100)
    name_da = models.CharField(_("name in Danish"), max_length=100)
    name_is = models.CharField(_("name in Icelandic"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name_en"),
        FieldRowPanel([FieldPanel("name_fi"), FieldPanel("name_sv")]),
        FieldRowPanel([FieldPanel("name_nb"), FieldPanel("name_da")]),
        FieldPanel("name_is"),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("sort_order")]),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name_en"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        code = (get_language() or "en").split("-")[0]
        return getattr(self, f"name_{code}", "") or self.name_en

    @staticmethod
    def name_search_fields():
        """Search fields for the six names, each analysed in its own language."""
        return [index.SearchField(f"name_{code}", language=code) for code in languages.CODES]


class FormOfExploitation(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("form of exploitation")
        verbose_name_plural = _("forms of exploitation")


class TargetGroup(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Sector(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class Approach(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("approach")
        verbose_name_plural = _("approaches")


class Organisation(index.Indexed, models.Model):
    """An organisation that runs practices (and, later, organises seminars)."""

    #: The secretariat edits these (countries' setup_spaces grants it, reading this mark).
    edited_by_secretariat = True

    name = models.CharField(_("name"), max_length=200, unique=True)
    type = models.CharField(_("type"), max_length=20, choices=OrganisationType.choices)
    country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("country"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        help_text=_("Leave empty for international organisations."),
    )
    #: A name is written in some language ("Victim Support Finland", "Rikosuhripäivystys"),
    #: which its country does not tell: pages mark it with this.
    language = models.CharField(
        _("language of the name"),
        max_length=5,
        choices=Language.choices,
        default=Language.EN,
        help_text=_("The language the name is written in."),
    )
    website = models.URLField(_("website"), blank=True)
    #: Organisations are also recorded because a practice or a speaker names them; only
    #: those the secretariat marks are shown as the network's on /organisations/.
    listed_publicly = models.BooleanField(
        _("listed publicly"),
        default=False,
        help_text=_("Show it on the public page of the network's organisations."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("language"),
        FieldPanel("type"),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("listed_publicly"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


@translated_fields("title", "intro")
class PracticeIndexPage(TranslatedFieldsMixin, RoutablePageMixin, CachedPageMixin, Page):
    """/practices/: the whole library across countries. Edited by the secretariat."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = settings.SECTION_PARENT_PAGE_TYPES
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("practice index page")

    def get_context(self, request, *args, **kwargs):
        from .library import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(request, self))
        return context

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        from .exports import csv_response
        from .library import Library

        return csv_response(Library(request).build(paginate=False))

    @path("export/json/", name="export_json")
    def export_json(self, request):
        from .exports import json_response
        from .library import Library

        return json_response(Library(request).build(paginate=False))

    @path("feed/", name="feed")
    def feed(self, request):
        from .feeds import PublicPracticesFeed

        return PublicPracticesFeed(self)(request)


class PracticeTag(TaggedItemBase):
    content_object = ParentalKey(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


def _year_validators():
    return [MinValueValidator(1990), MaxValueValidator(2100)]


class PracticePage(IndexedAfterRelations, CachedPageMixin, AudienceMixin, Page):
    """A best practice, written by its country's editors and published by its coordinators.

    Lives under the owning CountryPage (/countries/finland/<slug>/).
    """

    title_en = models.CharField(
        _("English title"),
        max_length=255,
        blank=True,
        help_text=_("Required when the practice is not written in English."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=1000,
        help_text=_("Two or three sentences in the practice's language: what it does, for whom."),
    )
    summary_en = models.TextField(
        _("English summary"),
        max_length=1000,
        blank=True,
        help_text=_("Required when the practice is not written in English."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("description"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=Language.choices,
        default=Language.EN,
        help_text=_("The language the practice is written in."),
    )
    forms = ParentalManyToManyField(
        FormOfExploitation, verbose_name=_("forms of exploitation"), blank=True
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True
    )
    sectors = ParentalManyToManyField(Sector, verbose_name=_("sectors"), blank=True)
    approaches = ParentalManyToManyField(Approach, verbose_name=_("approaches"), blank=True)
    organisations = ParentalManyToManyField(
        Organisation, verbose_name=_("organisations"), blank=True, related_name="practices"
    )
    other_countries = ParentalManyToManyField(
        "countries.Country",
        verbose_name=_("other countries involved"),
        blank=True,
        related_name="involved_practices",
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"), null=True, blank=True, validators=_year_validators()
    )
    ongoing = models.BooleanField(_("ongoing"), default=True)
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, validators=_year_validators()
    )
    evidence_level = models.CharField(
        _("evidence level"),
        max_length=20,
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.EMERGING,
    )
    evaluation_document = models.ForeignKey(
        "core.HubDocument",
        verbose_name=_("evaluation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The evaluation report. Required for an evaluated practice."),
    )
    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    contact_role = models.CharField(_("contact role"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    resources = StreamField(ResourceBlock(), verbose_name=_("documents and links"), blank=True)
    tags = ClusterTaggableManager(through=PracticeTag, verbose_name=_("tags"), blank=True)
    # Denormalised owner, set on save from the parent CountryPage: listings filter and
    # join on it without walking the tree.
    country_page = models.ForeignKey(
        "countries.CountryPage",
        verbose_name=_("country space"),
        on_delete=models.PROTECT,
        null=True,
        editable=False,
        related_name="+",
    )

    # The English title right under the original: editors fill them as a pair. Who may
    # read the practice comes next, on the first tab, not among the settings.
    content_panels = Page.content_panels + [
        FieldPanel("title_en"),
        FieldPanel("language"),
        AudienceMixin.audience_panel,
        FieldPanel("summary"),
        FieldPanel("summary_en"),
        FieldPanel("body"),
        FieldPanel("resources"),
    ]
    classification_panels = [
        FieldPanel("forms", widget=CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=CheckboxSelectMultiple),
        FieldPanel("sectors", widget=CheckboxSelectMultiple),
        FieldPanel("approaches", widget=CheckboxSelectMultiple),
        FieldPanel("tags"),
    ]
    context_panels = [
        FieldPanel("organisations", widget=CheckboxSelectMultiple),
        FieldPanel("other_countries", widget=CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("ongoing"),
            ],
            heading=_("period"),
        ),
        MultiFieldPanel(
            [FieldPanel("evidence_level"), FieldPanel("evaluation_document")],
            heading=_("evidence"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email")],
            heading=_("contact (shown to signed-in members only)"),
        ),
        InlinePanel("related_links", label=_("related practices")),
    ]
    base_form_class = PracticePageForm
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(classification_panels, heading=_("Classification")),
            ObjectList(context_panels, heading=_("Context and evidence")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    # Text is analysed in the practice's language; fields in a fixed language say so.
    search_fields = Page.search_fields + [
        index.SearchField("title_en", language="en", boost=2.0),
        index.SearchField("summary", boost=2.0),
        index.SearchField("summary_en", language="en"),
        index.SearchField("body"),
        index.SearchField("contact_role"),
        index.AutocompleteField("title_en"),
        index.AutocompleteField("summary_en"),
        index.FilterField("audience"),
        index.FilterField("language"),
        index.FilterField("country_page"),
        index.FilterField("evidence_level"),
        index.FilterField("start_year"),
        index.RelatedFields(
            "forms", [index.FilterField("slug"), *TaxonomyTerm.name_search_fields()]
        ),
        index.RelatedFields(
            "sectors", [index.FilterField("slug"), *TaxonomyTerm.name_search_fields()]
        ),
        index.RelatedFields("target_groups", TaxonomyTerm.name_search_fields()),
        index.RelatedFields("approaches", TaxonomyTerm.name_search_fields()),
        index.RelatedFields("organisations", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    search_kind = "practice"
    api_fields = [
        APIField("title_en"),
        APIField("summary"),
        APIField("summary_en"),
        APIField("language"),
        APIField("audience"),
        APIField("country_code"),
        APIField("form_slugs"),
        APIField("sector_slugs"),
        APIField("target_group_slugs"),
        APIField("approach_slugs"),
        APIField("evidence_level"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("ongoing"),
    ]

    parent_page_types = ["countries.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def clean(self):
        super().clean()
        errors = {}
        if self.language != Language.EN and not (self.title_en or "").strip():
            errors["title_en"] = _(
                "This practice is not written in English: add an English title so experts "
                "in every Nordic country can scan it in lists and search results."
            )
        if self.language != Language.EN and not (self.summary_en or "").strip():
            errors["summary_en"] = _(
                "This practice is not written in English: add an English summary so experts "
                "in every Nordic country can find and read it."
            )
        if self.ongoing and self.end_year:
            errors["end_year"] = _("An ongoing practice has no end year: clear one of them.")
        if not self.ongoing and not self.end_year:
            errors["end_year"] = _("Give the end year, or mark the practice as ongoing.")
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = _("The end year cannot be before the start year.")
        if self.start_year and self.start_year > timezone.now().year + 1:
            errors["start_year"] = _("The start year is too far in the future.")
        if self.evidence_level == EvidenceLevel.EVALUATED and not self.evaluation_document_id:
            errors["evaluation_document"] = _(
                "An evaluated practice needs its evaluation document."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        from countries.models import CountryPage

        if kwargs.get("update_fields") is None and self.path and self.depth > 1:
            self.country_page = CountryPage.objects.filter(path=self.path[: -self.steplen]).first()
        return super().save(*args, **kwargs)

    # -- search ------------------------------------------------------------------------
    @classmethod
    def get_indexed_objects(cls):
        # modelsearch does not prefetch ParentalManyToManyFields: without this a rebuild
        # costs six queries per practice.
        return (
            super()
            .get_indexed_objects()
            .select_related("country_page__country", "locale")
            .prefetch_related(
                "forms", "sectors", "target_groups", "approaches", "organisations", "tags"
            )
        )

    @classmethod
    def search_facet_queryset(cls):
        """Loads what search_facets() reads, in three queries for any number of practices."""
        return cls.objects.select_related("country_page__country").prefetch_related(
            "forms", "sectors"
        )

    def search_facets(self):
        """Facet values on the search page (see search.facets)."""
        return {
            "country": [self.country_code],
            "form": [term.slug for term in self.forms.all()],
            "sector": [term.slug for term in self.sectors.all()],
            "language": [self.language],
            "year": [self.start_year],
        }

    def offers_english_to(self, reader_language):
        """Whether a reader whose interface is in ``reader_language`` is offered the
        English title and summary beside the original: only when the practice is not in
        English, not in the reader's own language, and has English text to offer."""
        reader = (reader_language or "").lower().split("-")[0]
        return (
            self.language != Language.EN
            and reader != self.language
            and bool(self.title_en or self.summary_en)
        )

    # -- values for the API and exports ------------------------------------------------
    @property
    def country_code(self):
        return self.country_page.country.code if self.country_page_id else None

    @property
    def form_slugs(self):
        return [term.slug for term in self.forms.all()]

    @property
    def sector_slugs(self):
        return [term.slug for term in self.sectors.all()]

    @property
    def target_group_slugs(self):
        return [term.slug for term in self.target_groups.all()]

    @property
    def approach_slugs(self):
        return [term.slug for term in self.approaches.all()]

    @property
    def period(self):
        if not self.start_year:
            return ""
        if self.ongoing:
            return _("%(start)s – ongoing") % {"start": self.start_year}
        return f"{self.start_year}–{self.end_year}"

    #: What a practice is described by: its page, card and export rows read all of them.
    described_by = (
        "forms",
        "sectors",
        "target_groups",
        "approaches",
        "organisations",
        "other_countries",
        "tags",
    )
    fragment_prefetch = (*described_by, "related_links", "country_page__country")

    def get_context(self, request, *args, **kwargs):
        from .library import related_practices

        context = super().get_context(request, *args, **kwargs)
        # Read only when the page's cached part (core/fragments.py) must be rendered.
        context["related"] = SimpleLazyObject(lambda: related_practices(request, self))
        return context


class RelatedPractice(Orderable):
    """A practice the editor points readers to; shown only to those who may view it."""

    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="related_links")
    practice = models.ForeignKey(
        PracticePage,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("practice")]

    class Meta(Orderable.Meta):
        verbose_name = _("related practice")
