"""The recommendation tracker: the network's recommendations and how each country follows
them up, side by side, with an append-only history."""

from __future__ import annotations

import datetime
import re
from importlib import import_module

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.forms import CheckboxSelectMultiple
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.choices import Language
from core.pagecache import CachedPageMixin
from core.translation import TranslatedFieldsMixin, translated_fields
from countries.audience import AudienceMixin

from .choices import NETWORK_CODE, NETWORK_PREFIX, SETTLED, HistoryKind, SourceKind, Status, Theme

#: An item not updated for this long is "stale": reminded, and listed on the dashboard.
STALE_AFTER = datetime.timedelta(days=182)
#: A target date this close (or past) makes an item "due soon".
DUE_SOON = datetime.timedelta(days=60)


def routes(*table):
    """A routable page's routes from a table of ``(pattern, name, "module.function")``, one
    line a route, in place of a method a route that only calls the function.

    The function, in this app, is imported when the route is served (the views import these
    models) and called as ``function(request, page, **parts)``, with the route's parts as
    keywords; a ``code`` part becomes ``country=page.country_or_404(code)``. A pattern
    starting with ``^`` is a regular expression (``re_path``), any other a ``path``. The
    route's method is ``<name>_view``; routes are tried in the table's order.
    """

    def add(cls):
        for pattern, name, target in table:
            route = re_path if pattern.startswith("^") else path
            setattr(cls, f"{name}_view", route(pattern, name=name)(_route_view(name, target)))
        return cls

    return add


def _route_view(name, target):
    module, function = target.rsplit(".", 1)

    def view(page, request, code=None, **parts):
        serve = getattr(import_module(f".{module}", __package__), function)
        if code is not None:
            parts["country"] = page.country_or_404(code)
        return serve(request, page, **parts)

    view.__name__ = view.__qualname__ = f"{name}_view"
    return view


@routes(
    ("", "matrix", "views.matrix"),
    ("export/<str:fmt>/", "matrix_export", "views.matrix_export"),
    ("progress/export/<str:fmt>/", "progress_export", "exports.progress_export"),
    ("history/export/<str:fmt>/", "history_export", "views.history_export"),
    ("countries/<str:code>/", "country", "views.country_page"),
    ("countries/<str:code>/history/", "country_history", "views.country_history"),
    (
        "countries/<str:code>/history/export/<str:fmt>/",
        "country_history_export",
        "exports.country_history_export",
    ),
    ("countries/<str:code>/feed/", "country_feed", "feeds.country_feed"),
    ("countries/<str:code>/follow/", "country_follow", "views.follow"),
    # A country's follow-up report. The code is two lower-case letters: a recommendation
    # can never take such a slug (RecommendationPage.clean), and the tracker's own routes
    # are resolved before its children, so neither shadows the other.
    (r"^(?P<code>[a-z]{2})/report/$", "report", "report_views.report_page"),
    # /recommendations/fi/report.docx: hub/urls.py hands such addresses to Wagtail (whose
    # own pattern admits no dot) with the slash Wagtail's routing needs.
    (r"^(?P<code>[a-z]{2})/report\.(?P<fmt>docx|pdf)/$", "report_file", "report_views.report_file"),
    (r"^(?P<code>[a-z]{2})/report/round/$", "report_round", "report_views.report_round"),
    ("countries/<str:code>/import/", "country_import", "views.import_statuses"),
    ("countries/<str:code>/import/confirm/", "country_import_confirm", "views.confirm_import"),
    ("countries/<str:code>/import/sheet/", "country_import_sheet", "views.import_sheet"),
)
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

    def report_url(self, country, fmt: str = "") -> str:
        """A country's report: the page, or its ``docx``/``pdf`` file."""
        base = f"{self.url}{country.code.lower()}/report"
        return f"{base}.{fmt}" if fmt else f"{base}/"

    def country_or_404(self, code):
        from countries.models import Country

        # Two letters exactly: "fin" or "den" is no alias of another country's page.
        code = str(code)
        country = (
            Country.objects.filter(code=code.upper()).first()
            if len(code) == 2 and code.isascii() and code.isalpha()
            else None
        )
        if country is None:
            raise Http404(_("There is no such country in the tracker."))
        return country

    def country_url(self, country, name="country"):
        return self.url + self.reverse_subpage(name, kwargs={"code": country.code.lower()})


class RecommendationSource(models.Model):
    """Who issued recommendations, and in which document: a seminar or report of the
    network, a GRETA evaluation round's report, a UPR cycle, a treaty body's concluding
    observations, the EU Anti-Trafficking Coordinator, the US TIP report… A snippet kept
    by the secretariat; a RecommendationPage names its source.

    Its ``slug`` is the value of the tracker's source filter (``?source=<slug>``).
    """

    #: setup_spaces gives the secretariat group its snippet rights.
    edited_by_secretariat = True

    kind = models.CharField(
        _("kind"), max_length=20, choices=SourceKind.choices, default=SourceKind.NETWORK
    )
    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_(
            "As the document is called, e.g. “GRETA third evaluation round report on Finland”."
        ),
    )
    body = models.CharField(
        _("issuing body"),
        max_length=255,
        blank=True,
        help_text=_("E.g. Council of Europe, GRETA; UN Human Rights Council. The kind if empty."),
    )
    round = models.CharField(
        _("round or cycle"),
        max_length=255,
        blank=True,
        help_text=_("E.g. “Third evaluation round”, “4th UPR cycle”, “TIP report 2025”."),
    )
    issued = models.DateField(_("date of issue"), null=True, blank=True)
    country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("addressed to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The state the document addresses (GRETA, UPR, CEDAW…); empty for several."),
    )
    url = models.URLField(_("address"), max_length=500, blank=True)
    slug = models.SlugField(
        _("filter key"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Used in the tracker's filter links; made from the name when empty."),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("body"), FieldPanel("round")]),
        FieldRowPanel([FieldPanel("issued"), FieldPanel("country")]),
        FieldPanel("url"),
        FieldPanel("slug"),
    ]

    class Meta:
        verbose_name = _("recommendation source")
        verbose_name_plural = _("recommendation sources")
        ordering = ["kind", "-issued", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(f"{self.kind}-{self.name}")[:72] or self.kind
            slug, number = base, 1
            while RecommendationSource.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                number += 1
                slug = f"{base}-{number}"
            self.slug = slug
        super().save(*args, **kwargs)

    @property
    def is_network(self) -> bool:
        return self.kind == SourceKind.NETWORK

    @property
    def body_label(self) -> str:
        """The issuing body as written, else the kind's name."""
        return self.body or str(self.get_kind_display())


#: Characters an identifier may not hold: control characters (a CSV or XLSX breaker).
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@routes(
    ("", "detail", "views.recommendation_page"),
    ("follow/", "follow", "views.follow"),
    ("feed/", "feed", "feeds.recommendation_feed"),
)
class RecommendationPage(RoutablePageMixin, CachedPageMixin, AudienceMixin, Page):
    """A recommendation of the network (/recommendations/<slug>/), under the TrackerPage.

    Edited by the secretariat. Publishing creates an Implementation for each target
    country; the countries' coordinators then report on them from the tracker.
    """

    #: The identifier given by its source; checked per source kind in ``clean``.
    code = models.CharField(
        _("code"),
        max_length=80,
        help_text=_(
            "The network's own: R-<year>-<number>, e.g. R-2022-01, unique. Another source's: "
            "its identifier, e.g. “GRETA(2024)05 para 112”, unique in that source."
        ),
    )
    source = models.ForeignKey(
        RecommendationSource,
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recommendations",
        help_text=_("Who issued it. Empty: the network, named by the seminar or report below."),
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
    #: Recommendations of other sources (or the network's) asking for the same thing. A
    #: mapping holds both ways (``sources.visible_mapped`` reads both directions) but is
    #: stored once, on the page it was made on: that page's revisions own it, so
    #: publishing the other page (whose revisions never held it) cannot undo it. What a
    #: mapping means: ``recommendations/sources.py``.
    corresponds_to = ParentalManyToManyField(
        "self",
        verbose_name=_("corresponds to"),
        symmetrical=False,
        blank=True,
        related_name="mapped_from",
        help_text=_(
            "Recommendations, of any source, that ask for the same thing. The mapping shows "
            "on both pages, and each country's follow-up of one is shown as also answering "
            "the other. Mappings made on the other recommendation's page are not ticked "
            "here: remove them there."
        ),
    )

    content_panels = Page.content_panels + [
        AudienceMixin.audience_panel,
        FieldRowPanel([FieldPanel("code"), FieldPanel("theme")]),
        FieldPanel("text"),
        FieldPanel("rationale"),
        MultiFieldPanel(
            [
                FieldPanel("source"),
                FieldPanel("source_seminar"),
                FieldPanel("source_report"),
                FieldPanel("source_document"),
            ],
            heading=_("source"),
        ),
        FieldRowPanel([FieldPanel("issued"), FieldPanel("due")]),
        FieldPanel("target_countries", widget=CheckboxSelectMultiple),
        FieldPanel("corresponds_to", widget=CheckboxSelectMultiple),
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
        constraints = [
            # The network's codes are unique whatever their source (``clean`` keeps other
            # sources out of the "R-" prefix); another source's identifiers in that source.
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(code__startswith=NETWORK_PREFIX),
                name="network_code_unique",
                violation_error_message=_("Another recommendation has this code."),
            ),
            models.UniqueConstraint(
                fields=["source", "code"],
                name="code_unique_per_source",
                violation_error_message=_("This source already has a recommendation with it."),
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def clean(self):
        super().clean()
        if self.due and self.issued and self.due < self.issued:
            raise ValidationError({"due": _("The due date cannot be before the issue date.")})
        if re.fullmatch(r"[a-z]{2}", self.slug or ""):
            raise ValidationError(
                {
                    "slug": _(
                        "Two letters are kept for the countries' reports "
                        "(/recommendations/fi/report/): choose a longer slug."
                    )
                }
            )
        if not self.source_id and not self.source_seminar_id and not self.source_report.strip():
            raise ValidationError(
                {"source_report": _("Name the report, or choose the seminar it came from.")}
            )
        self.clean_code()

    def clean_code(self) -> None:
        """The network's codes are R-<year>-<number>, unique; another source's identifier
        is free text, unique in its source, and never in the network's form."""
        self.code = " ".join((self.code or "").split())
        others = RecommendationPage.objects.exclude(pk=self.pk)
        if self.source_kind == SourceKind.NETWORK:
            if not re.fullmatch(NETWORK_CODE, self.code):
                raise ValidationError({"code": _("Use the form R-2022-01 (year and number).")})
            if others.filter(code=self.code).exists():
                raise ValidationError({"code": _("Another recommendation has this code.")})
            return
        if not self.code or _CONTROL.search(self.code):
            raise ValidationError({"code": _("Give the identifier the source uses.")})
        if self.code.upper().startswith(NETWORK_PREFIX):
            raise ValidationError(
                {
                    "code": _(
                        "Codes starting with “R-” are the network’s own: give the source’s "
                        "identifier, e.g. GRETA(2024)05 para 112."
                    )
                }
            )
        if others.filter(source_id=self.source_id, code__iexact=self.code).exists():
            raise ValidationError({"code": _("This source already has a recommendation with it.")})

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
        if self.source_id and (self.source.kind != SourceKind.NETWORK or not self.source_report):
            return self.source.name
        return self.source_report

    @property
    def source_key(self) -> str:
        """The value of the matrix's source filter for this recommendation: its source's
        slug; without one, its seminar's or report's (a network source made from them by
        the migration keeps that key, so links made before it still filter)."""
        if self.source_id:
            return self.source.slug
        return legacy_source_key(self.source_seminar_id, self.source_report)

    @property
    def source_kind(self) -> str:
        """The kind of its source (the network's when it names none)."""
        return self.source.kind if self.source_id else SourceKind.NETWORK.value

    @property
    def source_kind_label(self) -> str:
        return SourceKind(self.source_kind).label

    @property
    def is_external(self) -> bool:
        return self.source_kind != SourceKind.NETWORK

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
    @path("update/<str:code>/", name="update")
    def update_view(self, request, code):
        from .views import update_implementation

        implementation = (
            self.implementations.select_related("country")
            .filter(country__code=str(code).upper(), country__in=self.target_countries.all())
            .first()
        )
        if implementation is None:
            raise Http404(_("This recommendation is not addressed to that country."))
        return update_implementation(request, self, implementation)

    def update_url(self, country) -> str:
        return self.url + self.reverse_subpage("update", kwargs={"code": country.code.lower()})


def legacy_source_key(seminar_id, report: str) -> str:
    """The source filter's key of a recommendation that names no RecommendationSource."""
    if seminar_id:
        return f"seminar-{seminar_id}"
    return slugify(report)[:60] or "report"


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
    #: A change, or a reporting round's confirmation (status unchanged) or sign-off.
    kind = models.CharField(
        _("kind"), max_length=20, choices=HistoryKind.choices, default=HistoryKind.CHANGE
    )
    reporting_round = models.ForeignKey(
        "recommendations.ReportingRound",
        verbose_name=_("reporting round"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="entries",
    )

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


class ReportingRound(models.Model):
    """A country's round of reporting on one source over one period: its coordinators
    confirm each status (history entries of kind ``confirmation``), then one of its
    ministry users signs it off (``sign_off`` entries, and ``signed_off_at`` set once).
    Opened from the country's report page; never edited after the sign-off."""

    country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="reporting_rounds",
    )
    #: The matrix's source filter key ("" for every source).
    source = models.CharField(_("source"), max_length=80, blank=True)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opened_by_name = models.CharField(_("opened by (name)"), max_length=150, blank=True)
    signed_off_at = models.DateTimeField(_("signed off at"), null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed off by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signed_off_by_name = models.CharField(_("signed off by (name)"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "source", "period_start", "period_end"],
                name="one_reporting_round_per_source_and_period",
            ),
            models.CheckConstraint(
                condition=Q(period_start__lte=models.F("period_end")),
                name="reporting_round_period_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.country.code} {self.source or '*'} {self.period_start}–{self.period_end}"

    @property
    def is_signed_off(self) -> bool:
        return self.signed_off_at is not None


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
