"""The tracker's API endpoint, ``/api/v2/implementations/`` (registered in hub/api.py).

Reads follow the page privacy of the recommendations (anyone may read what the matrix
shows them). ``PATCH /api/v2/implementations/<id>/`` changes one implementation for a
signed-in user (session and CSRF token, as the site's own pages), through the tracker's
form and ``apply_update``: the same per-object rule, version check and history as every
other write path.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.validators import RegexValidator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from rest_framework import status as http_status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotAuthenticated
from rest_framework.parsers import FormParser, JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.viewsets import ViewSet
from wagtail.api.v2.utils import BadRequestError

from core.api import BoundedPagination, RefuseNulMixin
from core.filters import Facet, FacetSet
from core.links import absolute_url, page_url
from countries.permissions import (
    can_manage_implementation,
    can_view_document,
    manageable_countries,
    viewable_among,
)

from .choices import SourceKind, status_label
from .forms import ImplementationForm
from .matrix import FACETS, source_label, visible_recommendations
from .models import Implementation, display_name
from .updates import StaleVersion, apply_update

#: The fields a PATCH may change; ``note`` and ``version`` go with them.
WRITABLE_FIELDS = ("status", "responsible_authority", "summary", "next_step", "target_date")
LISTING_FILTERS = ("country", "recommendation", "status", "source_kind", "source")
KNOWN_PARAMETERS = frozenset({"limit", "offset", "format", *LISTING_FILTERS})


class ImplementationAPIForm(ImplementationForm):
    """ImplementationForm without the evidence fields, which the API does not change."""

    class Meta(ImplementationForm.Meta):
        fields = list(WRITABLE_FIELDS)


def serialize(
    implementation: Implementation, request, manageable: set[int], *, detail: bool = False
) -> dict:
    """An implementation as the API shows it (the recommendation is one the user may view).

    ``manageable`` holds the ids of the countries the user may update."""
    recommendation = implementation.recommendation
    country = implementation.country
    data = {
        "id": implementation.pk,
        "meta": {
            "detail_url": absolute_url(
                reverse("wagtailapi:implementations:detail", args=(implementation.pk,))
            ),
            "html_url": page_url(recommendation, request),
        },
        "recommendation": {
            "id": recommendation.pk,
            "code": recommendation.code,
            "title": recommendation.title,
            "issued": recommendation.issued.isoformat() if recommendation.issued else None,
            "source": serialize_source(recommendation, request),
        },
        "country": {"code": country.code, "name": country.name},
        "status": implementation.status,
        "status_label": status_label(implementation.status),
        "responsible_authority": implementation.responsible_authority,
        "summary": implementation.summary,
        "next_step": implementation.next_step,
        "target_date": implementation.target_date.isoformat()
        if implementation.target_date
        else None,
        "updated_at": implementation.updated_at.isoformat() if implementation.updated_at else None,
        "updated_by": display_name(implementation.updated_by),
        "version": implementation.version,
        "can_update": country.pk in manageable,
    }
    if detail:
        practices = list(implementation.evidence_practices.all())
        visible = viewable_among(request, practices)
        data["evidence"] = {
            "practices": [
                {"id": p.pk, "title": p.title, "url": page_url(p, request)}
                for p in practices
                if p.pk in visible
            ],
            "documents": [
                {"id": d.pk, "title": d.title, "url": absolute_url(d.url)}
                for d in implementation.evidence_documents.select_related("collection")
                if can_view_document(request, d)
            ],
            "links": [{"url": url, "title": title} for url, title in implementation.links()],
        }
    return data


def serialize_source(recommendation, request) -> dict:
    """Who issued the recommendation, as the matrix names it (a seminar the user may not
    view by its report only); ``code`` is the identifier in that source."""
    seminars = [recommendation.source_seminar] if recommendation.source_seminar_id else []
    visible = viewable_among(request, seminars) if seminars else set()
    source = recommendation.source if recommendation.source_id else None
    return {
        "key": recommendation.source_key,
        "kind": recommendation.source_kind,
        "kind_label": recommendation.source_kind_label,
        "name": source_label(recommendation, visible),
        "round": source.round if source else "",
        "issued": source.issued.isoformat() if source and source.issued else None,
        "url": source.url if source else "",
    }


class ImplementationAPIViewSet(RefuseNulMixin, ViewSet):
    """``/api/v2/implementations/`` (list), ``<id>/`` (detail and PATCH)."""

    model = Implementation
    name = "implementations"
    authentication_classes = [SessionAuthentication]
    # Reads follow page privacy; writes are checked per object below.
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser, FormParser]

    def get_queryset(self):
        recommendations = visible_recommendations(self.request).values("pk")
        return (
            Implementation.objects.targeted()
            .filter(recommendation__in=recommendations)
            .select_related(
                "recommendation__source",
                "recommendation__source_seminar",
                "country",
                "updated_by",
            )
            .order_by("recommendation__code", "country__sort_order", "pk")
        )

    def source_recommendations(self, request) -> dict[str, list[int]]:
        """{source key: ids of the recommendations the user may view from it}, once."""
        if not hasattr(self, "_sources"):
            self._sources = {}
            recommendations = visible_recommendations(request).select_related("source")
            for recommendation in recommendations.only(
                "pk", "source", "source_seminar_id", "source_report"
            ):
                self._sources.setdefault(recommendation.source_key, []).append(recommendation.pk)
        return self._sources

    @property
    def manageable(self) -> set[int]:
        return set(manageable_countries(self.request.user).values_list("pk", flat=True))

    def get_object(self, pk) -> Implementation:
        return get_object_or_404(self.get_queryset(), pk=pk)

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response({"message": _("Not found.")}, status=http_status.HTTP_404_NOT_FOUND)
        if isinstance(exc, BadRequestError):
            return Response({"message": str(exc)}, status=http_status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)

    def listing_view(self, request):
        unknown = set(request.GET) - KNOWN_PARAMETERS
        if unknown:
            raise BadRequestError(
                _("Unknown query parameters: %(names)s") % {"names": ", ".join(sorted(unknown))}
            )
        # Codes in any case; a value that names nothing is refused, never left out (the
        # listing would then hold everything).
        filters = FacetSet(
            FACETS["country"],
            Facet(
                "recommendation",
                _("Recommendation"),
                match=lambda code: (
                    visible_recommendations(request)
                    .filter(code__iexact=code)
                    .values_list("code", flat=True)
                    .first()
                ),
            ),
            FACETS["status"],
            FACETS["source_kind"],
            Facet(
                "source",
                _("Source"),
                match=lambda key: key if key in self.source_recommendations(request) else None,
            ),
        ).clean(request.GET)
        if not filters.valid:
            message = _("Nothing was returned: these filters were not recognised.")
            raise BadRequestError(" ".join([message, *filters.problems()]))
        implementations = self.get_queryset()
        if codes := filters.selected.get("country"):
            implementations = implementations.filter(country__code__in=codes)
        if codes := filters.selected.get("recommendation"):
            implementations = implementations.filter(recommendation__code__in=codes)
        if values := filters.selected.get("status"):
            implementations = implementations.filter(status__in=values)
        if kinds := filters.selected.get("source_kind"):
            by_kind = Q(recommendation__source__kind__in=kinds)
            if SourceKind.NETWORK in kinds:
                by_kind |= Q(recommendation__source__isnull=True)
            implementations = implementations.filter(by_kind)
        if keys := filters.selected.get("source"):
            sources = self.source_recommendations(request)
            implementations = implementations.filter(
                recommendation__in=[pk for key in keys for pk in sources[key]]
            )
        paginator = BoundedPagination()
        page = paginator.paginate_queryset(implementations, request, view=self)
        manageable = self.manageable
        return paginator.get_paginated_response(
            [serialize(impl, request, manageable) for impl in page]
        )

    def detail_view(self, request, pk):
        return Response(serialize(self.get_object(pk), request, self.manageable, detail=True))

    def update_view(self, request, pk):
        if not request.user.is_authenticated:
            raise NotAuthenticated
        implementation = self.get_object(pk)
        if not can_manage_implementation(request.user, implementation.country):
            raise PermissionDenied(_("Only the coordinators of this country may update it."))

        payload = request.data
        if not isinstance(payload, dict):
            raise BadRequestError(_("Send the fields to change as an object."))
        unknown = set(payload) - {*WRITABLE_FIELDS, "note", "version"}
        if unknown:
            return Response(
                {
                    "message": _("Some fields cannot be changed here."),
                    "errors": {
                        name: [_("Not a field you can change.")] for name in sorted(unknown)
                    },
                },
                status=http_status.HTTP_400_BAD_REQUEST,
            )
        # Text, as a form sends: a list, an object, a number or true/false would reach the
        # form as its Python text, or break the date parser (a server error).
        wrong = sorted(
            name
            for name, value in payload.items()
            if value is not None
            and not isinstance(value, str)
            and not (name == "version" and type(value) is int)
        )
        if wrong:
            return Response(
                {
                    "message": _("The update was not saved."),
                    # Django's own, translated "Enter a valid value.".
                    "errors": {name: [RegexValidator.message] for name in wrong},
                },
                status=http_status.HTTP_400_BAD_REQUEST,
            )
        # A PATCH changes what it names; every other field keeps its value.
        data = {
            "status": implementation.status,
            "responsible_authority": implementation.responsible_authority,
            "summary": implementation.summary,
            "next_step": implementation.next_step,
            "target_date": implementation.target_date.isoformat()
            if implementation.target_date
            else "",
        }
        for name in (*WRITABLE_FIELDS, "note", "version"):
            if name in payload:
                value = payload.get(name)
                data[name] = "" if value is None else value
        form = ImplementationAPIForm(data=data, instance=implementation)
        opened = form.opened_version()
        # A change made on an older version is a conflict before it is anything else.
        if opened is not None and opened != implementation.version:
            return self.conflict_response(request, implementation)
        if not form.is_valid():
            return Response(
                {"message": _("The update was not saved."), "errors": form.errors.get_json_data()},
                status=http_status.HTTP_400_BAD_REQUEST,
            )
        try:
            update = apply_update(
                implementation,
                request.user,
                {name: form.cleaned_data[name] for name in WRITABLE_FIELDS},
                note=form.cleaned_data.get("note") or "",
                version=form.cleaned_data["version"],
            )
        except StaleVersion as stale:
            return self.conflict_response(request, stale.current)
        data = serialize(self.get_object(pk), request, self.manageable, detail=True)
        data["history_entry"] = update.pk if update else None
        return Response(data)

    def conflict_response(self, request, current: Implementation) -> Response:
        """409: someone saved after the version the client sent; nothing was saved."""
        return Response(
            {
                "message": _(
                    "Someone saved a change after the version you sent; nothing was saved. "
                    "Read the implementation again and send the current version."
                ),
                "current_version": current.version,
                # What the client's change would have overwritten, and who saved it.
                "current": serialize(current, request, self.manageable),
            },
            status=http_status.HTTP_409_CONFLICT,
        )

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path(
                "<int:pk>/",
                cls.as_view({"get": "detail_view", "patch": "update_view"}),
                name="detail",
            ),
        ]

    # Wagtail's router asks endpoints for these when it links objects across endpoints.
    @classmethod
    def get_model_listing_urlpath(cls, model, namespace=""):
        return reverse(f"{namespace}:listing")

    @classmethod
    def get_object_detail_urlpath(cls, model, pk, namespace=""):
        return reverse(f"{namespace}:detail", args=(pk,))
