"""The recommendation tracker: the network's recommendations and how each country follows
them up, side by side, with an append-only history."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Q
from django.forms import CheckboxSelectMultiple
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.choices import Language
from core.pagecache import CachedPageMixin
from core.translation import TranslatedFieldsMixin, translated_fields
from countries.audience import AudienceMixin

from .choices import SETTLED, Status, Theme

#: An item not updated for this long is "stale": reminded, and listed on the dashboard.
STALE_AFTER = datetime.timedelta(days=182)
#: A target date this close (or past) makes an item "due soon".
DUE_SOON = datetime.timedelta(days=60)


@translated_fields("title", "intro")
class TrackerPage(TranslatedFieldsMixin, RoutablePageMixin, CachedPageMixin, Page):
    """/recommendations/: the matrix of every recommendation × country, per-country views,
    feeds and exports. One per site; edited by the secretariat."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = settings.SECTION_PARENT_PAGE_TYPES
    subpage_types = ["recommendations.RecommendationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("recommendation tracker page")

    @path("", name="matrix")
    def matrix_view(self, request):
        from .views import matrix

        return matrix(request, self)

    @path("export/<str:fmt>/", name="matrix_export")
    def matrix_export_view(self, request, fmt):
        from .views import matrix_export

        return matrix_export(request, self, fmt)

    @path("progress/export/<str:fmt>/", name="progress_export")
    def progress_export_view(self, request, fmt):
        from .exports import progress_export

        return progress_export(request, self, fmt)

    @path("history/export/<str:fmt>/", name="history_export")
    def history_export_view(self, request, fmt):
        from .views import history_export

        return history_export(request, self, fmt)

    @path("countries/<str:code>/", name="country")
    def country_view(self, request, code):
        from .views import country_page

        return country_page(request, self, self.country_or_404(code))

    @path("countries/<str:code>/feed/", name="country_feed")
    def country_feed_view(self, request, code):
        from .feeds import CountryUpdatesFeed

        return CountryUpdatesFeed(self, self.country_or_404(code))(request)

    @path("countries/<str:code>/follow/", name="country_follow")
    def country_follow_view(self, request, code):
        from .views import follow

        return follow(request, self, country=self.country_or_404(code))

    def country_or_404(self, code):
        from countries.models import Country

        country = Country.objects.filter(code=str(code).upper()[:2]).first()
        if country is None:
            raise Http404(_("There is no such country in the tracker."))
        return country

    def country_url(self, country, name="country"):
        return self.url + self.reverse_subpage(name, kwargs={"code": country.code.lower()})


class RecommendationPage(RoutablePageMixin, CachedPageMixin, AudienceMixin, Page):
    """A recommendation of the network (/recommendations/<slug>/), under the TrackerPage.

    Edited by the secretariat. Publishing creates an Implementation for each target
    country; the countries' coordinators then report on them from the tracker.
    """

    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        validators=[
            RegexValidator(r"^R-\d{4}-\d{2,3}$", _("Use the form R-2022-01 (year and number)."))
        ],
        help_text=_("R-<year>-<number>, e.g. R-2022-01. Unique."),
    )
    text = RichTextField(
        _("recommendation"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("The recommendation as the source words it."),
    )
    rationale = RichTextField(
        _("background"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    source_seminar = models.ForeignKey(
        "seminars.SeminarPage",
        verbose_name=_("source seminar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations",
    )
    source_report = models.CharField(
        _("source report"),
        max_length=255,
        blank=True,
        help_text=_("The report that issued it, when it did not come from a seminar page."),
    )
    source_document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("source document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    target_countries = ParentalManyToManyField(
        "countries.Country",
        verbose_name=_("target countries"),
        related_name="recommendations",
        help_text=_("Each gets an implementation to report on when the page is published."),
    )
    issued = models.DateField(_("issued on"))
    due = models.DateField(_("due by"), null=True, blank=True)

    content_panels = Page.content_panels + [
        AudienceMixin.audience_panel,
        FieldRowPanel([FieldPanel("code"), FieldPanel("theme")]),
        FieldPanel("text"),
        FieldPanel("rationale"),
        MultiFieldPanel(
            [
                FieldPanel("source_seminar"),
                FieldPanel("source_report"),
                FieldPanel("source_document"),
            ],
            heading=_("source"),
        ),
        FieldRowPanel([FieldPanel("issued"), FieldPanel("due")]),
        FieldPanel("target_countries", widget=CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("code", boost=3),
        index.AutocompleteField("code"),
        index.SearchField("text"),
        index.SearchField("rationale"),
        index.SearchField("source_report"),
        index.FilterField("audience"),
        index.FilterField("theme"),
    ]
    search_kind = "recommendation"

    parent_page_types = ["recommendations.TrackerPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title}"

    def clean(self):
        super().clean()
        if self.due and self.issued and self.due < self.issued:
            raise ValidationError({"due": _("The due date cannot be before the issue date.")})
        if not self.source_seminar_id and not self.source_report.strip():
            raise ValidationError(
                {"source_report": _("Name the report, or choose the seminar it came from.")}
            )

    def save(self, *args, **kwargs):
        with transaction.atomic():
            result = super().save(*args, **kwargs)
            self.ensure_implementations()
        return result

    def ensure_implementations(self) -> None:
        """Give every target country an implementation (never removes one: its history
        stays, and it shows again if the country is targeted again)."""
        have = set(self.implementations.values_list("country_id", flat=True))
        missing = [c for c in self.target_countries.all() if c.pk not in have]
        Implementation.objects.bulk_create(
            [Implementation(recommendation=self, country=country) for country in missing],
            ignore_conflicts=True,
        )

    @property
    def source_label(self) -> str:
        if self.source_seminar_id:
            return self.source_seminar.title
        return self.source_report

    @property
    def source_key(self) -> str:
        """The value of the matrix's source filter for this recommendation."""
        from django.utils.text import slugify

        if self.source_seminar_id:
            return f"seminar-{self.source_seminar_id}"
        return slugify(self.source_report)[:60] or "report"

    # -- search ------------------------------------------------------------------------
    @classmethod
    def search_facet_queryset(cls):
        return cls.objects.prefetch_related("target_countries")

    def search_facets(self):
        return {
            "country": sorted(c.code for c in self.target_countries.all()),
            "language": ["en"],
            "year": [self.issued.year if self.issued else None],
        }

    # -- routes ------------------------------------------------------------------------
    @path("", name="detail")
    def detail_view(self, request):
        from .views import recommendation_page

        return recommendation_page(request, self)

    @path("update/<str:code>/", name="update")
    def update_view(self, request, code):
        from .views import update_implementation

        implementation = (
            self.implementations.select_related("country")
            .filter(country__code=str(code).upper()[:2], country__in=self.target_countries.all())
            .first()
        )
        if implementation is None:
            raise Http404(_("This recommendation is not addressed to that country."))
        return update_implementation(request, self, implementation)

    @path("follow/", name="follow")
    def follow_view(self, request):
        from .views import follow

        return follow(request, self, recommendation=self)

    @path("feed/", name="feed")
    def feed_view(self, request):
        from .feeds import RecommendationUpdatesFeed

        return RecommendationUpdatesFeed(self)(request)

    def update_url(self, country) -> str:
        return self.url + self.reverse_subpage("update", kwargs={"code": country.code.lower()})


class ImplementationQuerySet(models.QuerySet):
    def targeted(self):
        """Implementations whose country the recommendation still addresses."""
        from django.db.models import Exists, OuterRef

        through = RecommendationPage.target_countries.through
        return self.filter(
            Exists(
                through.objects.filter(
                    recommendationpage_id=OuterRef("recommendation_id"),
                    country_id=OuterRef("country_id"),
                )
            )
        )

    def needing_attention(self, today=None):
        """Open items due within DUE_SOON (or overdue), or not updated for STALE_AFTER."""
        today = today or timezone.localdate()
        stale_before = timezone.now() - STALE_AFTER
        return self.exclude(status__in=SETTLED).filter(
            Q(target_date__lte=today + DUE_SOON)
            | Q(updated_at__lt=stale_before)
            | Q(updated_at__isnull=True, created_at__lt=stale_before)
        )


class Implementation(models.Model):
    """How one country follows up one recommendation. Created when the recommendation is
    published; updated only by that country's coordinators (``can_manage_implementation``),
    from the tracker or the admin, each change recorded as a StatusUpdate."""

    recommendation = models.ForeignKey(
        RecommendationPage,
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="implementations",
    )
    country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="implementations",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    responsible_authority = models.CharField(_("responsible authority"), max_length=255, blank=True)
    summary = models.TextField(
        _("summary of measures"), blank=True, help_text=_("What has been done so far.")
    )
    next_step = models.TextField(_("next step"), blank=True)
    #: Coordinators report in any of the hub's languages: the pages mark the texts with it.
    language = models.CharField(
        _("language of the text"),
        max_length=5,
        choices=Language.choices,
        default=Language.EN,
        help_text=_(
            "The language the responsible authority, measures, next step and note are written in."
        ),
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    evidence_practices = models.ManyToManyField(
        "practices.PracticePage",
        verbose_name=_("practices that show it"),
        blank=True,
        related_name="+",
    )
    evidence_documents = models.ManyToManyField(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("documents"),
        blank=True,
        related_name="+",
    )
    evidence_links = models.TextField(
        _("links"),
        blank=True,
        help_text=_("One per line: the address, then a space and a title if you like."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last updated at"), null=True, blank=True, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    #: Raised by every saved change: a form holding an older value is refused, never
    #: allowed to overwrite someone else's change silently.
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    last_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ImplementationQuerySet.as_manager()

    class Meta:
        verbose_name = _("implementation")
        verbose_name_plural = _("implementations")
        ordering = ["recommendation__code", "country__sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "country"], name="one_implementation_per_country"
            )
        ]

    def __str__(self):
        return f"{self.recommendation.code} · {self.country.display_name}"

    @property
    def is_overdue(self) -> bool:
        return bool(
            self.target_date
            and self.status not in SETTLED
            and self.target_date < timezone.localdate()
        )

    @property
    def is_stale(self) -> bool:
        moment = self.updated_at or self.created_at
        return self.status not in SETTLED and moment < timezone.now() - STALE_AFTER

    def links(self) -> list[tuple[str, str]]:
        """The evidence links as (address, title) pairs: web addresses only."""
        from .forms import parse_links

        return [
            (address, title)
            for address, title in parse_links(self.evidence_links)
            if address.lower().startswith(("https://", "http://"))
        ]


def display_name(user) -> str:
    """How the tracker names a person: full name, else username ("" for nobody)."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


class StatusUpdateQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The tracker's history is append-only: status updates are never edited.")

    def delete(self):
        raise TypeError("The tracker's history is append-only: status updates are never deleted.")


class StatusUpdate(models.Model):
    """One change of an implementation: who, when, the status before and after, a note and
    what else changed. Append-only: never edited or deleted, in the admin or anywhere."""

    implementation = models.ForeignKey(
        Implementation,
        verbose_name=_("implementation"),
        on_delete=models.PROTECT,
        related_name="updates",
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    #: The author's name as it was: the history stays readable if the account goes.
    user_name = models.CharField(_("by (name)"), max_length=150, blank=True)
    from_status = models.CharField(
        _("from status"), max_length=20, choices=Status.choices, blank=True
    )
    to_status = models.CharField(_("to status"), max_length=20, choices=Status.choices)
    note = models.TextField(_("note"), blank=True)
    #: The note's language: the implementation's when the update was saved.
    language = models.CharField(
        _("language of the note"), max_length=5, choices=Language.choices, default=Language.EN
    )
    #: Other fields changed: {field name: [before, after]} (text values).
    changes = models.JSONField(_("other changes"), default=dict, blank=True)

    objects = StatusUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.implementation} {self.from_status} → {self.to_status}"

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise TypeError(
                "The tracker's history is append-only: status updates are never edited."
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The tracker's history is append-only: status updates are never deleted.")

    @property
    def status_changed(self) -> bool:
        return self.from_status != self.to_status

    def changed_fields(self) -> list[tuple[str, str | None, str | None]]:
        """The other changes as (label, before, after); before and after are None for the
        evidence lists, whose entries (ids) may name what the reader cannot open."""
        rows = []
        for name, (before, after) in (self.changes or {}).items():
            try:
                field = Implementation._meta.get_field(name)
            except FieldDoesNotExist:
                rows.append((name, before, after))
                continue
            if field.many_to_many:
                rows.append((field.verbose_name, None, None))
            elif field.choices:  # the language: its name, not its code
                names = dict(field.flatchoices)
                rows.append(
                    (field.verbose_name, names.get(before, before), names.get(after, after))
                )
            else:
                rows.append((field.verbose_name, before, after))
        return rows


class Follow(models.Model):
    """A signed-in user follows a recommendation or a country: status changes reach them
    by email (in ``language``) and in the weekly digest."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="tracker_follows",
    )
    recommendation = models.ForeignKey(
        RecommendationPage,
        verbose_name=_("recommendation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tracker_follows",
    )
    language = models.CharField(_("language"), max_length=5, default="en")
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        constraints = [
            models.CheckConstraint(
                condition=Q(recommendation__isnull=True, country__isnull=False)
                | Q(recommendation__isnull=False, country__isnull=True),
                name="follow_one_thing",
            ),
            models.UniqueConstraint(
                fields=["user", "recommendation"],
                condition=Q(recommendation__isnull=False),
                name="follow_recommendation_once",
            ),
            models.UniqueConstraint(
                fields=["user", "country"],
                condition=Q(country__isnull=False),
                name="follow_country_once",
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.recommendation or self.country}"
