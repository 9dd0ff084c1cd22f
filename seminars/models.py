"""The network's seminars: programme, speakers, outputs, registration and recordings."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.forms import CheckboxSelectMultiple
from django.http import Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BaseStreamBlock, ResourceBlock
from core.choices import Language
from core.document_links import readable_children, readable_document
from core.forms import HubFormBuilder
from core.indexing import IndexedAfterRelations
from core.pagecache import CachedPageMixin
from core.translation import TranslatedFieldsMixin, translated_fields
from countries.audience import AudienceMixin
from countries.permissions import may_watch_recording
from practices.models import Organisation, PracticePage

from .blocks import ProgrammeBlock
from .choices import TIME_ZONES, RecordingAudience, RegistrationState
from .forms import SeminarPageForm

#: Session key holding the seminars whose registrant link this browser has opened.
ACCESS_SESSION_KEY = "seminar_access"
ACCESS_SALT = "seminars.registration-access"


class PersonManager(models.Manager):
    def get_queryset(self):
        # Programmes load speakers in bulk (one in_bulk per chooser): their organisation
        # and country come in the same query, whatever the size of the programme.
        return super().get_queryset().select_related("organisation", "country")


class Person(index.Indexed, models.Model):
    """A speaker or moderator, a snippet the secretariat reuses across seminars."""

    #: The secretariat edits these (countries' setup_spaces grants it, reading this mark).
    edited_by_secretariat = True

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("country"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leave empty for people of international organisations."),
    )
    bio = models.TextField(_("short biography"), blank=True, max_length=600)

    objects = PersonManager()

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("country")]),
        FieldPanel("bio"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name


@translated_fields("title", "intro")
class SeminarIndexPage(TranslatedFieldsMixin, RoutablePageMixin, CachedPageMixin, Page):
    """/seminars/: upcoming and past seminars of the network. Edited by the secretariat."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = settings.SECTION_PARENT_PAGE_TYPES
    subpage_types = ["seminars.SeminarPage"]
    max_count = 1

    class Meta:
        verbose_name = _("seminar index page")

    def get_context(self, request, *args, **kwargs):
        from .listing import seminar_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(seminar_listing(request, self))
        return context

    @path("calendar/", name="upcoming_ics")
    def upcoming_ics(self, request):
        from .ical import calendar_response
        from .listing import upcoming_seminars

        return calendar_response(
            request, upcoming_seminars(request, self), filename="upcoming-seminars.ics"
        )

    @path("feed/", name="feed")
    def feed(self, request):
        from .feeds import UpcomingSeminarsFeed

        return UpcomingSeminarsFeed(self)(request)


class RegistrationField(AbstractFormField):
    page = ParentalKey("SeminarPage", on_delete=models.CASCADE, related_name="form_fields")


class SeminarRegistration(AbstractFormSubmission):
    """One registration for a seminar, made through its form (Wagtail's form builder).

    ``email`` is the address given (lower case), unique per seminar, so a second
    registration with the same address is never stored twice, even when two arrive at once.
    """

    email = models.EmailField(_("email address"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="seminar_registrations",
    )

    class Meta(AbstractFormSubmission.Meta):
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["page", "email"], name="one_registration_per_email")
        ]

    def get_data(self):
        return {**super().get_data(), "account": self.user.get_username() if self.user else ""}

    def access_token(self) -> str:
        """The signed token of the registrant's link to the seminar's recordings."""
        return signing.dumps([self.page_id, self.pk], salt=ACCESS_SALT)

    def access_path(self, page) -> str:
        """The registrant's link (path) to the seminar's stream and recordings."""
        return page.subpage_url("access") + "?" + urlencode({"key": self.access_token()})


class SeminarRecording(index.Indexed, Orderable):
    """A recording of (part of) a seminar, shown only to its audience and only until its
    "available until" moment: after it, it is gone from the page and from search."""

    page = ParentalKey("SeminarPage", on_delete=models.CASCADE, related_name="recordings")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=1000)
    url = models.URLField(
        _("address"), help_text=_("The recording on a video service, or a file address.")
    )
    embed = models.BooleanField(
        _("show as a player"),
        default=False,
        help_text=_("Embed the video service's player; the link is always shown too."),
    )
    audience = models.CharField(
        _("who may watch"),
        max_length=20,
        choices=RecordingAudience.choices,
        default=RecordingAudience.REGISTRANTS,
    )
    available_from = models.DateTimeField(_("available from"), null=True, blank=True)
    available_until = models.DateTimeField(
        _("available until"),
        null=True,
        blank=True,
        help_text=_("After this moment the recording disappears from the page and search."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("url"), FieldPanel("embed")]),
        FieldPanel("audience"),
        FieldRowPanel([FieldPanel("available_from"), FieldPanel("available_until")]),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.FilterField("page_id"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if (
            self.available_from
            and self.available_until
            and self.available_until <= self.available_from
        ):
            raise ValidationError(
                {"available_until": _("The end of availability must be after its start.")}
            )

    def is_available(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        if self.available_from and now < self.available_from:
            return False
        return not (self.available_until and now >= self.available_until)

    def visible_to(self, request, *, registrant: bool, now=None) -> bool:
        """Whether this visitor may watch it now (the page itself being viewable): while
        it is available, by ``countries.permissions.may_watch_recording``."""
        if not self.is_available(now):
            return False
        return may_watch_recording(request, self.audience, registrant=registrant)


class PresentedPractice(Orderable):
    """A practice presented at a seminar. Edited on the seminar (its "Programme" tab);
    shown on the seminar's page and, through ``seminars.wagtail_hooks``, on the
    practice's, each time only to readers who may view both."""

    page = ParentalKey("SeminarPage", on_delete=models.CASCADE, related_name="presented_practices")
    practice = models.ForeignKey(
        PracticePage,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="presentations",
    )
    session = models.CharField(
        _("session"),
        max_length=250,
        blank=True,
        help_text=_("The session it was presented in, as the programme names it."),
    )

    panels = [FieldPanel("practice"), FieldPanel("session")]

    class Meta(Orderable.Meta):
        verbose_name = _("presented practice")
        verbose_name_plural = _("presented practices")
        constraints = [
            models.UniqueConstraint(fields=["page", "practice"], name="one_presentation_per_page")
        ]

    def __str__(self):
        return str(self.practice)


def at_local(date, time, zone: str) -> datetime.datetime:
    """The moment a local date and time stand for in a time zone (IANA name)."""
    return datetime.datetime.combine(date, time, tzinfo=ZoneInfo(zone))


class SeminarPage(
    IndexedAfterRelations, RoutablePageMixin, CachedPageMixin, AudienceMixin, AbstractEmailForm
):
    """A seminar of the network (/seminars/<slug>/): programme, speakers, outputs and
    registration. Edited by the secretariat; registrations go to Wagtail's form submissions.
    """

    intro = models.TextField(_("introduction"), max_length=600)
    body = StreamField(BaseStreamBlock(), verbose_name=_("about the seminar"), blank=True)
    start_date = models.DateField(_("date"))
    end_date = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("Only for seminars of several days.")
    )
    start_time = models.TimeField(_("starts at"), help_text=_("Local time at the venue."))
    end_time = models.TimeField(_("ends at"), help_text=_("Local time at the venue."))
    time_zone = models.CharField(
        _("time zone"), max_length=40, choices=TIME_ZONES, default="Europe/Helsinki"
    )
    # Denormalised from the local date, time and zone on save: listings and feeds order
    # and filter on them in SQL.
    starts_at = models.DateTimeField(_("starts"), editable=False, null=True, db_index=True)
    ends_at = models.DateTimeField(_("ends"), editable=False, null=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    host_country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("host country"),
        on_delete=models.PROTECT,
        related_name="hosted_seminars",
    )
    context = models.CharField(
        _("context"),
        max_length=250,
        blank=True,
        help_text=_("e.g. Part of Finland's Presidency of the Nordic Council of Ministers."),
    )
    organisers = ParentalManyToManyField(
        Organisation, verbose_name=_("organisers"), blank=True, related_name="seminars"
    )
    language = models.CharField(
        _("working language"), max_length=5, choices=Language.choices, default=Language.EN
    )
    participants = models.TextField(
        _("who takes part"),
        blank=True,
        max_length=600,
        help_text=_("e.g. About 80 invited experts on site; parts I and III streamed."),
    )
    programme = StreamField(ProgrammeBlock(), verbose_name=_("programme"), blank=True)
    conclusions = RichTextField(
        _("conclusions"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    report = models.ForeignKey(
        "core.HubDocument",
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    report_published = models.DateField(_("report published"), null=True, blank=True)
    outputs = StreamField(
        ResourceBlock(), verbose_name=_("presentations and other outputs"), blank=True
    )

    has_registration = models.BooleanField(
        _("take registrations"),
        default=False,
        help_text=_("Registration through the form below, between its opening and closing."),
    )
    registration_opens = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: open at once.")
    )
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_intro = RichTextField(
        _("registration introduction"), blank=True, features=["bold", "italic", "link"]
    )
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link"]
    )
    confirmation_text = models.TextField(
        _("confirmation email text"),
        blank=True,
        help_text=_("Added to the confirmation email every registrant receives."),
    )

    form_builder = HubFormBuilder
    base_form_class = SeminarPageForm
    preview_modes = [("", _("Seminar page"))]

    content_panels = Page.content_panels + [
        AudienceMixin.audience_panel,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
            ],
            heading=_("when"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("host_country")]),
            ],
            heading=_("where"),
        ),
        FieldPanel("organisers", widget=CheckboxSelectMultiple),
        FieldPanel("context"),
        FieldRowPanel([FieldPanel("language")]),
        FieldPanel("participants"),
        FieldPanel("body"),
    ]
    programme_panels = [
        FieldPanel("programme"),
        InlinePanel("presented_practices", label=_("practices presented")),
    ]
    output_panels = [
        FieldRowPanel([FieldPanel("report"), FieldPanel("report_published")]),
        FieldPanel("conclusions"),
        FieldPanel("outputs"),
        InlinePanel("recordings", label=_("recordings")),
    ]
    registration_panels = [
        FormSubmissionsPanel(),
        FieldPanel("has_registration"),
        FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
        FieldPanel("capacity"),
        FieldPanel("registration_intro"),
        InlinePanel("form_fields", label=_("registration form fields")),
        FieldPanel("thank_you_text"),
        FieldPanel("confirmation_text"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("to_address"),
                        # Every email comes from DEFAULT_FROM_EMAIL: this is where replies go.
                        FieldPanel(
                            "from_address",
                            heading=_("reply-to address"),
                            help_text=_(
                                "Replies to the registrants' confirmation emails go here. "
                                "The emails come from the hub's own address."
                            ),
                        ),
                    ]
                ),
                FieldPanel("subject"),
            ],
            heading=_("email to the organisers on each registration"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Seminar")),
            ObjectList(programme_panels, heading=_("Programme")),
            ObjectList(output_panels, heading=_("Outputs")),
            ObjectList(registration_panels, heading=_("Registration")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2.0),
        index.SearchField("body"),
        index.SearchField("programme"),
        index.SearchField("participants"),
        index.SearchField("conclusions"),
        index.SearchField("venue"),
        index.SearchField("city"),
        index.SearchField("context"),
        index.SearchField("speaker_names"),
        index.AutocompleteField("intro"),
        index.RelatedFields("organisers", [index.SearchField("name")]),
        index.FilterField("audience"),
        index.FilterField("language"),
        index.FilterField("starts_at"),
    ]
    search_kind = "seminar"

    parent_page_types = ["seminars.SeminarIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("seminar")
        verbose_name_plural = _("seminars")

    # -- time --------------------------------------------------------------------------
    def clean(self):
        super().clean()
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first.")
        single_day = not self.end_date or self.end_date == self.start_date
        if single_day and self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The seminar must end after it starts.")
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = _("Registration must close after it opens.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.start_date and self.start_time and self.time_zone:
            self.starts_at = at_local(self.start_date, self.start_time, self.time_zone)
            self.ends_at = at_local(
                self.end_date or self.start_date, self.end_time or self.start_time, self.time_zone
            )
        return super().save(*args, **kwargs)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def local_start(self) -> datetime.datetime | None:
        return self.starts_at.astimezone(self.zone) if self.starts_at else None

    # -- programme ---------------------------------------------------------------------
    def sessions(self):
        """Every session of the programme, part after part."""
        for part in self.programme:
            yield from part.value["sessions"]

    def people(self):
        """Speakers and moderators of the programme, each once, in programme order."""
        seen, people = set(), []
        for session in self.sessions():
            for person in [*session["speakers"], session["moderator"]]:
                if person is not None and person.pk not in seen:
                    seen.add(person.pk)
                    people.append(person)
        return people

    def people_by_part(self):
        """``(part, people)`` for each part with speakers or moderators, each person once
        per part, in programme order: the page folds its speakers by part, so a reader
        opens only the part they look for (a person of two parts is listed in both)."""
        groups = []
        for part in self.programme:
            seen, people = set(), []
            for session in part.value["sessions"]:
                for person in [*session["speakers"], session["moderator"]]:
                    if person is not None and person.pk not in seen:
                        seen.add(person.pk)
                        people.append(person)
            if people:
                groups.append((part, people))
        return groups

    def speaker_names(self) -> str:
        return "\n".join(
            " ".join(filter(None, [p.name, p.role, str(p.organisation or "")]))
            for p in self.people()
        )

    def materials(self):
        """Documents and links attached to sessions, with the session they belong to."""
        return [
            (session["title"], item)
            for session in self.sessions()
            for item in session["materials"] or []
        ]

    def readable_materials(self, request):
        """``materials()`` less the documents this reader may not open."""
        materials = self.materials()
        readable = {id(item) for item in readable_children(request, [m for _t, m in materials])}
        return [(title, item) for title, item in materials if id(item) in readable]

    # -- search ------------------------------------------------------------------------
    @classmethod
    def get_indexed_objects(cls):
        return (
            super()
            .get_indexed_objects()
            .select_related("host_country", "locale")
            .prefetch_related("organisers")
        )

    @classmethod
    def search_facet_queryset(cls):
        return cls.objects.select_related("host_country")

    def search_facets(self):
        return {
            "country": [self.host_country.code if self.host_country_id else None],
            "language": [self.language],
            "year": [self.start_date.year if self.start_date else None],
        }

    # -- registration ------------------------------------------------------------------
    def get_submission_class(self):
        return SeminarRegistration

    def get_data_fields(self):
        return [*super().get_data_fields(), ("account", _("Account"))]

    def email_field_name(self) -> str | None:
        for field in self.get_form_fields():
            if field.field_type == "email":
                return field.clean_name
        return None

    @cached_property
    def _registration_count(self) -> int:
        return self.get_submissions().count()

    def registration_count(self) -> int:
        """Registrations so far (counted once per request: state and places share it)."""
        return self._registration_count

    def registration_state(self, now=None, count=None) -> RegistrationState:
        """Where registration stands now: none, not yet open, open, full or closed."""
        if not self.has_registration:
            return RegistrationState.NONE
        now = now or timezone.now()
        if self.registration_opens and now < self.registration_opens:
            return RegistrationState.NOT_YET_OPEN
        if (self.registration_closes and now >= self.registration_closes) or (
            self.ends_at and now >= self.ends_at
        ):
            return RegistrationState.CLOSED
        if self.capacity is not None:
            count = self.registration_count() if count is None else count
            if count >= self.capacity:
                return RegistrationState.FULL
        return RegistrationState.OPEN

    def places_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(0, self.capacity - self.registration_count())

    def register(self, request, form):
        """Store a registration from a valid form, within the capacity.

        Returns:
            ``(registration, state, created)``: the stored (or earlier) registration, the
            state found, and whether this call stored it; a registration is None when the
            state did not allow it.
        """
        email = (form.cleaned_data.get(self.email_field_name()) or "").strip().lower()
        user = request.user if request.user.is_authenticated else None
        try:
            with transaction.atomic():
                # Lock the seminar's row: registrations at the capacity count one at a time.
                SeminarPage.objects.select_for_update().filter(pk=self.pk).exists()
                earlier = self.get_submissions().filter(email=email).first()
                if earlier is not None:
                    return earlier, RegistrationState.OPEN, False
                # Counted afresh under the lock, never from a cached count.
                state = self.registration_state(count=self.get_submissions().count())
                if state != RegistrationState.OPEN:
                    return None, state, False
                registration = SeminarRegistration.objects.create(
                    page=self, form_data=form.cleaned_data, email=email, user=user
                )
        except IntegrityError:  # the same address, registered at the same moment
            earlier = self.get_submissions().filter(email=email).first()
            return earlier, RegistrationState.OPEN, False
        return registration, RegistrationState.OPEN, True

    def is_registrant(self, request) -> bool:
        """Whether this visitor registered: signed in with the account the registration
        belongs to, or holding the registrant link of the confirmation email in this
        browser. Never by the account's email address: it proves nothing about who
        registered (issue 21)."""
        if self.pk in request.session.get(ACCESS_SESSION_KEY, []):
            return True
        user = request.user
        if not user.is_authenticated:
            return False
        return self.get_submissions().filter(user=user).exists()

    def visible_recordings(self, request, now=None):
        """(recordings the visitor may watch now, recordings available to others now)."""
        registrant = None
        shown, withheld = [], []
        for recording in self.recordings.all():
            if not recording.is_available(now):
                continue
            if recording.audience == RecordingAudience.REGISTRANTS and registrant is None:
                registrant = self.is_registrant(request)
            if recording.visible_to(request, registrant=bool(registrant), now=now):
                shown.append(recording)
            else:
                withheld.append(recording)
        return shown, withheld

    def subpage_url(self, name: str) -> str:
        """The path of one of this page's routes (``register``, ``ics``…)."""
        return self.url + self.reverse_subpage(name)

    # -- serving -----------------------------------------------------------------------
    def get_context(self, request, *args, **kwargs):
        from countries.permissions import viewable_pages

        context = super().get_context(request, *args, **kwargs)
        shown, withheld = self.visible_recordings(request)
        state = self.registration_state()
        # The tracker links recommendations to the seminar that issued them.
        recommendations = list(viewable_pages(request, self.recommendations.all()).order_by("code"))
        presented = self.presented_for(request)
        report = readable_document(request, self.report)
        outputs = readable_children(request, self.outputs)
        materials = self.readable_materials(request)
        has_outputs = bool(
            report
            or self.conclusions
            or outputs
            or materials
            or shown
            or withheld
            or recommendations
        )
        context.update(
            recommendations=recommendations,
            presented=presented,
            tracker_url=self.tracker_url(request, recommendations),
            organisers=list(self.organisers.all()),
            people_by_part=self.people_by_part(),
            report=report,
            outputs=outputs,
            materials=materials,
            recordings=shown,
            withheld_recordings=withheld,
            has_outputs=has_outputs,
            # A seminar that is over leads with what it produced; a coming one with its
            # practical facts and registration.
            outputs_first=has_outputs and self.is_over(),
            registration_state=state,
            States=RegistrationState,
        )
        return context

    def presented_for(self, request) -> list:
        """``(practice, session)`` of each practice presented here that this reader may
        view, in the editor's order. In a preview, the relations held in memory."""
        from countries.permissions import viewable_among, viewable_pages

        if getattr(request, "is_preview", False):
            links = [link for link in self.presented_practices.all() if link.practice_id]
            visible = viewable_among(request, [link.practice for link in links])
            return [(link.practice, link.session) for link in links if link.practice_id in visible]
        links = (
            PresentedPractice.objects.filter(page=self)
            .filter(practice__in=viewable_pages(request, PracticePage.objects.all()))
            .select_related("practice__country_page__country")
            .prefetch_related("practice__forms")
            .order_by("sort_order", "pk")
        )
        return [(link.practice, link.session) for link in links]

    def is_over(self, now=None) -> bool:
        return bool(self.ends_at and self.ends_at <= (now or timezone.now()))

    def tracker_url(self, request, recommendations) -> str | None:
        """The tracker filtered to this seminar's recommendations, or None without any.

        The tracker is the recommendations' parent page and the filter's value their
        ``source_key``: both are the tracker's own, read from its pages, so this layer
        names none of its models."""
        if not recommendations:
            return None
        tracker = recommendations[0].get_parent()
        url = tracker.get_url(request)
        if not url:
            return None
        return url + "?" + urlencode({"source": recommendations[0].source_key})

    @path("register/", name="register")
    def register_view(self, request):
        from .views import registration

        return registration(request, self)

    @path("register/done/", name="registered")
    def registered_view(self, request):
        from .views import registered

        return registered(request, self)

    @path("access/", name="access")
    def access_view(self, request):
        """The registrant link of the confirmation email (``access/?key=…``): remember it
        in this browser."""
        token = request.GET.get("key", "")[:200]
        try:
            page_id, registration_id = signing.loads(token, salt=ACCESS_SALT)
        except (signing.BadSignature, ValueError, TypeError):
            raise Http404(_("This link is not valid.")) from None
        if page_id != self.pk or not self.get_submissions().filter(pk=registration_id).exists():
            raise Http404(_("This link is not valid."))
        granted = set(request.session.get(ACCESS_SESSION_KEY, []))
        granted.add(self.pk)
        request.session[ACCESS_SESSION_KEY] = sorted(granted)
        # Off the token's URL at once: it never sits in history or a Referer header.
        return HttpResponseRedirect(self.url + "#recordings")

    @path("calendar/", name="ics")
    def ics_view(self, request):
        from .ical import calendar_response

        return calendar_response(request, [self], filename=f"{self.slug}.ics")
