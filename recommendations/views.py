"""The tracker's pages: the matrix, a page per country and per recommendation, the update
form and following. Every write goes through ``updates.apply_update``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from countries.permissions import (
    can_manage_implementation,
    can_view_document,
    manageable_countries,
    viewable_among,
)

from .choices import Status
from .forms import ImplementationForm
from .matrix import build_matrix, history, source_label, summarise
from .models import Follow, Implementation
from .permissions import evidence_choices
from .updates import StaleVersion, apply_update, changes_since, conflict_author

#: How many updates the timelines show.
TIMELINE_LENGTH = 30


def _follows(request, **target) -> bool:
    user = request.user
    return user.is_authenticated and Follow.objects.filter(user=user, **target).exists()


def _with_query(path: str, query: str) -> str:
    return f"{path}?{query}" if query else path


def matrix(request, tracker):
    """/recommendations/: recommendations × countries, filtered by the query string."""
    from .charts import progress_series

    data = build_matrix(request, tracker, request.GET)
    implementations = data.implementations
    updates = history(implementations)
    context = tracker.get_context(request)
    filter_query = data.checked.query()
    # Narrow screens list the cells by recommendation, or by country (?by=country).
    list_by = "country" if request.GET.get("by") == "country" else "recommendation"
    context.update(
        matrix=data,
        list_by=list_by,
        list_urls={
            "recommendation": _with_query(tracker.url, filter_query) + "#matrix-title",
            "country": _with_query(
                tracker.url, "&".join(filter(None, [filter_query, "by=country"]))
            )
            + "#matrix-title",
        },
        totals=data.totals(),
        progress=progress_series(updates, implementations, data.countries),
        filter_query=filter_query,
        # The matrix without the filters that were not recognised.
        recognised_url=_with_query(tracker.url, filter_query),
        statuses=list(Status),
        country_urls={c.code: tracker.country_url(c) for c in data.countries},
        recent_updates=updates[:10],
    )
    return TemplateResponse(request, "recommendations/tracker_page.html", context)


def matrix_export(request, tracker, fmt):
    from .exports import matrix_export as export

    return export(request, tracker, fmt)


def history_export(request, tracker, fmt):
    from .exports import history_export as export

    return export(request, tracker, fmt)


def country_page(request, tracker, country):
    """/recommendations/countries/<code>/: one country's follow-up, with its progress."""
    from .charts import progress_series

    params = request.GET.copy()
    params.setlist("country", [country.code])
    data = build_matrix(request, tracker, params)
    rows = [
        (row.recommendation, impl)
        for row in data.rows
        for _country, impl, shown in row.cells
        if impl is not None and shown
    ]
    implementations = [impl for _r, impl in rows]
    updates = history(implementations)
    summary = summarise(country, data.counts.get(country.code))
    context = tracker.get_context(request)
    context.update(
        country=country,
        rows=rows,
        matrix=data,
        summary=summary,
        totals=[summary],
        progress=progress_series(updates, implementations, [country]),
        timeline=updates[:TIMELINE_LENGTH],
        overdue=[impl for impl in implementations if impl.is_overdue],
        stale=[impl for impl in implementations if impl.is_stale],
        can_manage=can_manage_implementation(request.user, country),
        following=_follows(request, country=country),
        follow_url=tracker.country_url(country, "country_follow"),
        feed_url=tracker.country_url(country, "country_feed"),
        filter_groups=data.filter_groups(hide=("country",)),
        recognised_url=_with_query(request.path, data.checked.query(hide=("country",))),
    )
    return TemplateResponse(request, "recommendations/country_page.html", context)


def _evidence(request, implementations) -> None:
    """Keep only the evidence this user may open on each implementation (``shown_*``)."""
    practices = {p.pk: p for impl in implementations for p in impl.evidence_practices.all()}
    visible = viewable_among(request, practices.values())
    for impl in implementations:
        impl.shown_practices = [p for p in impl.evidence_practices.all() if p.pk in visible]
        impl.shown_documents = [
            d for d in impl.evidence_documents.all() if can_view_document(request, d)
        ]


def recommendation_page(request, page):
    """/recommendations/<slug>/: the recommendation, a card per country and a timeline."""
    countries = list(page.target_countries.all())
    implementations = list(
        Implementation.objects.filter(recommendation=page, country__in=countries)
        .select_related("country", "updated_by")
        .prefetch_related("evidence_practices", "evidence_documents__collection")
    )
    for impl in implementations:
        impl.recommendation = page
    _evidence(request, implementations)
    manageable = set(manageable_countries(request).values_list("pk", flat=True))
    seminar_visible = (
        viewable_among(request, [page.source_seminar]) if page.source_seminar_id else set()
    )
    counts = {}
    for impl in implementations:
        counts[impl.status] = counts.get(impl.status, 0) + 1
    context = page.get_context(request)
    context.update(
        implementations=implementations,
        manageable=manageable,
        timeline=history(implementations, limit=TIMELINE_LENGTH),
        following=_follows(request, recommendation=page),
        source=source_label(page, seminar_visible),
        source_seminar=page.source_seminar if page.source_seminar_id in seminar_visible else None,
        status_counts=[(s, counts.get(s.value, 0)) for s in Status],
        tracker=page.get_parent().specific,
    )
    return TemplateResponse(request, "recommendations/recommendation_page.html", context)


def update_implementation(request, page, implementation):
    """The form a country's coordinators update its implementation with.

    Anonymous → sign in; anyone without the right on this country → 403, nothing saved.
    A stale form (someone saved since it was opened) → 409 with the saved version, what
    changed since and who changed it, and the user's input kept.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_manage_implementation(request.user, implementation.country):
        raise PermissionDenied(_("Only the coordinators of this country may update it."))
    practices, documents = evidence_choices(request, implementation)
    implementation.recommendation = page
    status, conflict, conflict_changes = 200, None, []
    if request.method == "POST":
        form = ImplementationForm(
            request.POST, instance=implementation, practices=practices, documents=documents
        )
        opened = form.opened_version()
        # A form opened before someone else's save is a conflict, not a form to check
        # against a state its user never saw (their unchanged status would need a note).
        if opened is not None and opened != implementation.version:
            conflict = implementation
        elif form.is_valid():
            try:
                update = apply_update(
                    implementation,
                    request.user,
                    form.update_data(),
                    note=form.cleaned_data["note"],
                    version=opened,
                )
            except StaleVersion as stale:
                conflict = stale.current
            else:
                if update is None:
                    messages.info(request, _("Nothing changed: nothing was saved."))
                else:
                    messages.success(
                        request,
                        _("%(country)s’s follow-up of %(code)s is saved.")
                        % {"country": implementation.country.display_name, "code": page.code},
                    )
                return HttpResponseRedirect(
                    f"{page.url}#country-{implementation.country.code.lower()}"
                )
        else:
            status = 400
        if conflict is not None:
            status = 409
            conflict.recommendation = page
            conflict_changes = changes_since(conflict, opened)
            # The form's hidden version moves on: saving again is a deliberate choice made
            # with the other change in view.
            data = request.POST.copy()
            data["version"] = str(conflict.version)
            # A copy of its own: validating the form writes the entries into its instance.
            form = ImplementationForm(
                data,
                instance=Implementation.objects.get(pk=conflict.pk),
                practices=practices,
                documents=documents,
            )
            form.is_valid()
            implementation = conflict
    else:
        form = ImplementationForm(instance=implementation, practices=practices, documents=documents)
    context = page.get_context(request)
    context.update(
        implementation=implementation,
        form=form,
        conflict=conflict,
        conflict_changes=conflict_changes,
        conflict_author=conflict_author(conflict, conflict_changes) if conflict else "",
        country=implementation.country,
    )
    return TemplateResponse(
        request, "recommendations/implementation_form.html", context, status=status
    )


def follow(request, page, recommendation=None, country=None):
    """POST: follow (or with ``action=unfollow``, stop following) a recommendation or a
    country, then back to where the button was."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    target_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target_url = page.url
    if not request.user.is_authenticated:
        return redirect_to_login(target_url)
    target = {"recommendation": recommendation} if recommendation else {"country": country}
    name = str(recommendation.code) if recommendation else country.display_name
    if request.POST.get("action") == "unfollow":
        Follow.objects.filter(user=request.user, **target).delete()
        messages.success(request, _("You no longer follow %(name)s.") % {"name": name})
    else:
        try:
            with transaction.atomic():
                Follow.objects.update_or_create(
                    user=request.user, **target, defaults={"language": translation.get_language()}
                )
        except IntegrityError:
            pass  # a double click raced the first one: the follow exists either way
        messages.success(
            request,
            _("You follow %(name)s: status changes will reach you by email.") % {"name": name},
        )
    return HttpResponseRedirect(target_url)
