"""The tracker's admin screens: implementations (listing and the update form), the
read-only history of status updates, and the coordinators' dashboard panel.

Wagtail's generic views check a model-level right before dispatch and nothing about the
object (DESIGN §5): the views here load the object, then ask the policy about *it*, and
every save goes through ``apply_update``, which checks the country once more.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import EditView, IndexView, InspectView

from countries.permissions import manageable_countries

from .choices import Status, status_label
from .models import Implementation, StatusUpdate
from .permissions import (
    CHANGE,
    VIEW,
    admin_visible_countries,
    evidence_choices,
)
from .updates import StaleVersion, apply_update, changes_since, conflict_author

#: Rows the dashboard panel lists at most; the rest are one click away in the listing.
PANEL_LIMIT = 25
IMPLEMENTATION_EDIT_URL = "tracker_implementations:edit"
IMPLEMENTATION_INDEX_URL = "tracker_implementations:index"


def _visible_countries(request):
    return admin_visible_countries(request.user) if request else admin_visible_countries(None)


def _implementations():
    return Implementation.objects.targeted().select_related(
        "recommendation", "country", "updated_by"
    )


# -- implementations -------------------------------------------------------------------
class ImplementationFilterSet(WagtailFilterSet):
    # Only the countries the user may see are offered.
    country = django_filters.ModelChoiceFilter(
        queryset=_visible_countries, label=gettext_lazy("Country"), empty_label=gettext_lazy("All")
    )
    status = django_filters.ChoiceFilter(
        choices=Status.choices,
        label=gettext_lazy("Status"),
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Implementation
        fields = ["country", "status"]


class ImplementationIndexView(IndexView):
    """Implementations the user may see: every country for superusers and the
    secretariat, their own countries for the countries' groups."""

    def get_base_queryset(self):
        visible = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, [VIEW, CHANGE]
        )
        return _implementations().filter(pk__in=visible.values("pk"))

    @cached_property
    def manageable_ids(self) -> set[int]:
        return set(manageable_countries(self.request.user).values_list("pk", flat=True))

    def get_edit_url(self, instance):
        # Per row: only the countries the user manages get an edit link.
        if instance.country_id in self.manageable_ids:
            return reverse(self.edit_url_name, args=(instance.pk,))
        return None


class ImplementationEditView(EditView):
    """The admin's update form: the same ImplementationForm as the tracker page, with no
    country field, saved only through ``apply_update``."""

    template_name = "recommendations/admin/implementation_edit.html"
    submit_button_label = gettext_lazy("Save update")

    def get_queryset(self):
        return _implementations()

    def get_object(self, queryset=None):
        implementation = super().get_object(queryset)
        # The object check Wagtail's generic view does not make by itself.
        if not self.user_has_permission_for_instance(CHANGE, implementation):
            raise PermissionDenied
        return implementation

    @cached_property
    def evidence(self):
        return evidence_choices(self.request, self.object)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["practices"], kwargs["documents"] = self.evidence
        return kwargs

    def post(self, request, *args, **kwargs):
        if not hasattr(self, "object"):
            self.object = self.get_object()
        opened = self.get_form().opened_version()
        # A form opened before someone else's save is a conflict, not a form to check
        # against a state its user never saw (their unchanged status would need a note).
        if opened is not None and opened != self.object.version:
            return self.conflict(self.object, opened)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        self.form = form
        data = form.update_data()
        try:
            self.update = apply_update(
                self.object,
                self.request.user,
                data,
                note=form.cleaned_data.get("note") or "",
                version=form.cleaned_data["version"],
            )
        except StaleVersion as stale:
            return self.conflict(stale.current, form.cleaned_data["version"])
        return self.save_action()

    def conflict(self, current, opened: int):
        """Someone saved after the form was opened on version ``opened``: show the form
        again with the user's entries, the saved version and what changed since. The
        hidden version moves on, so saving again is a deliberate choice made with the
        other change in view."""
        self.conflict_changes = changes_since(current, opened)
        self.object = current
        data = self.request.POST.copy()
        data["version"] = str(current.version)
        kwargs = self.get_form_kwargs()
        # A copy of its own: validating the form writes the entries into its instance.
        kwargs.update(data=data, instance=Implementation.objects.get(pk=current.pk))
        form = self.get_form_class()(**kwargs)
        when = (
            date_format(timezone.localtime(current.updated_at), "DATETIME_FORMAT")
            if current.updated_at
            else ""
        )
        form.add_error(
            None,
            _(
                "%(name)s saved a change to this implementation on %(when)s, after you "
                "opened it (it is now “%(status)s”). Nothing of yours was saved: your entries "
                "are still in the form. Compare them with the saved version below, then save "
                "again if they should replace it."
            )
            % {
                "name": conflict_author(current, self.conflict_changes),
                "when": when,
                "status": status_label(current.status),
            },
        )
        self.produced_error_message = _("Your update was not saved.")
        return self.form_invalid(form)

    def get_success_message(self):
        if getattr(self, "update", None) is None:
            return _("Nothing changed in “%(object)s”: nothing was saved.") % {
                "object": self.object
            }
        return _("“%(object)s” updated: the change is in its history.") % {"object": self.object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        recommendation = self.object.recommendation
        context["implementation"] = self.object
        context["conflict_changes"] = getattr(self, "conflict_changes", None)
        context["recommendation_url"] = recommendation.get_url(self.request)
        context["history"] = list(self.object.updates.all()[:20])
        context["history_count"] = self.object.updates.count()
        query = urlencode({"q": recommendation.code, "country": self.object.country_id})
        context["full_history_url"] = f"{reverse('tracker_status_updates:index')}?{query}"
        return context


# -- status updates (read-only) --------------------------------------------------------
class StatusUpdateFilterSet(WagtailFilterSet):
    country = django_filters.ModelChoiceFilter(
        field_name="implementation__country",
        queryset=_visible_countries,
        label=gettext_lazy("Country"),
        empty_label=gettext_lazy("All"),
    )
    to_status = django_filters.ChoiceFilter(
        choices=Status.choices,
        label=gettext_lazy("New status"),
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = StatusUpdate
        fields = ["country", "to_status"]


class StatusUpdateIndexView(IndexView):
    def get_base_queryset(self):
        visible = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, [VIEW]
        )
        return visible.select_related("implementation__recommendation", "implementation__country")


class StatusUpdateInspectView(InspectView):
    def get_object(self, queryset=None):
        update = super().get_object(queryset)
        if not self.user_has_permission_for_instance(VIEW, update):
            raise PermissionDenied
        return update

    def get_page_subtitle(self):
        update = self.object
        return _("%(implementation)s: %(old)s → %(new)s") % {
            "implementation": update.implementation,
            "old": update.get_from_status_display() or "—",
            "new": update.get_to_status_display(),
        }

    def get_created_at_display_value(self):
        return date_format(timezone.localtime(self.object.created_at), "DATETIME_FORMAT")

    def get_changes_display_value(self):
        lines = []
        for name, (before, after) in (self.object.changes or {}).items():
            try:
                label = Implementation._meta.get_field(name).verbose_name
            except FieldDoesNotExist:
                label = name
            lines.append(f"{capfirst(label)}: {before or '—'} → {after or '—'}")
        return "; ".join(lines) or "—"


# -- dashboard -------------------------------------------------------------------------
def due_text(implementation, today) -> str:
    """“overdue”, “due today” or “due in N days”; empty without a target date."""
    target = implementation.target_date
    if target is None:
        return ""
    if target < today:
        return _("overdue")
    days = (target - today).days
    if days == 0:
        return _("due today")
    return ngettext("due in %(days)d day", "due in %(days)d days", days) % {"days": days}


class TrackerAttentionPanel(Component):
    """The coordinator's list of their countries' items due soon, overdue, or not updated
    for six months (``needing_attention``), with links to update them."""

    name = "tracker_attention"
    template_name = "recommendations/admin/dashboard_panel.html"
    order = 105

    def __init__(self, countries):
        self.countries = list(countries)

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        today = timezone.localdate()
        items = (
            Implementation.objects.targeted()
            .needing_attention(today)
            .filter(country__in=self.countries, recommendation__live=True)
            .select_related("recommendation", "country")
            .order_by(
                F("target_date").asc(nulls_last=True),
                F("updated_at").asc(nulls_first=True),
                "recommendation__code",
                "country__sort_order",
            )
        )
        total = items.count()
        rows = []
        for implementation in items[:PANEL_LIMIT]:
            recommendation = implementation.recommendation
            moment = implementation.updated_at or implementation.created_at
            rows.append(
                {
                    "implementation": implementation,
                    "recommendation": recommendation,
                    "country": implementation.country,
                    "status": status_label(implementation.status),
                    "overdue": implementation.is_overdue,
                    "due": due_text(implementation, today),
                    "stale_since": timezone.localtime(moment).date()
                    if implementation.is_stale
                    else None,
                    "never_updated": implementation.updated_at is None,
                    "update_url": recommendation.update_url(implementation.country)
                    if recommendation.get_url(request)
                    else None,
                    "edit_url": reverse(IMPLEMENTATION_EDIT_URL, args=(implementation.pk,)),
                }
            )
        return {
            "rows": rows,
            "total": total,
            "more": max(total - len(rows), 0),
            "countries": self.countries,
            "index_url": reverse(IMPLEMENTATION_INDEX_URL),
        }


def attention_panel_for(request) -> TrackerAttentionPanel | None:
    """The dashboard panel for this user, or None when they manage no country."""
    countries = list(manageable_countries(request.user))
    return TrackerAttentionPanel(countries) if countries else None
