"""The tracker's pages: the matrix, a page per country and per recommendation, the update
form and following. Every write goes through ``updates.apply_update``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.filters import Facet, FacetSet, Option
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
from .sources import also_answers, answered_in, visible_mapped
from .updates import StaleVersion, apply_update, changes_since, conflict_author

#: How many updates the timelines show.
TIMELINE_LENGTH = 30
#: How many updates a page of a country's whole timeline lists.
HISTORY_PAGE_SIZE = 50

#: The recommendation page's timeline, filtered by one of the countries it addresses.
TIMELINE_FILTERS = FacetSet(Facet("country", gettext_lazy("Country"), multiple=False))


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
    data.fixed = ("country",)
    rows = [
        (row.recommendation, impl)
        for row in data.rows
        for _country, impl, shown in row.cells
        if impl is not None and shown
    ]
    implementations = [impl for _r, impl in rows]
    updates = history(implementations)
    summary = summarise(country, data.counts.get(country.code))
    answers = answered_in(request, [r for r, _impl in rows], country)
    for recommendation, impl in rows:
        impl.also_answers = answers.get(recommendation.pk, [])
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
        filter_groups=data.filter_groups(hide=data.fixed),
        recognised_url=_with_query(request.path, data.checked.query(hide=data.fixed)),
        history_url=tracker.country_url(country, "country_history"),
    )
    return TemplateResponse(request, "recommendations/country_page.html", context)


def country_history(request, tracker, country):
    """/recommendations/countries/<code>/history/: every update of the country's
    implementations the reader may see, newest first, a page at a time."""
    from .timelines import country_updates

    updates = Paginator(country_updates(request, tracker, country), HISTORY_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = tracker.get_context(request)
    context.update(
        country=country,
        updates=updates,
        country_url=tracker.country_url(country),
        export_urls=[
            (
                label,
                tracker.url
                + tracker.reverse_subpage(
                    "country_history_export", kwargs={"code": country.code.lower(), "fmt": fmt}
                ),
            )
            for fmt, label in (("csv", "CSV"), ("xlsx", "Excel (XLSX)"))
        ],
    )
    return TemplateResponse(request, "recommendations/country_history.html", context)


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
    mapped = visible_mapped(request, [page]).get(page.pk, [])
    answers = also_answers(mapped, countries)
    for impl in implementations:
        impl.recommendation = page
        impl.also_answers = answers.get(impl.country_id, [])
    _evidence(request, implementations)
    manageable = set(manageable_countries(request).values_list("pk", flat=True))
    seminar_visible = (
        viewable_among(request, [page.source_seminar]) if page.source_seminar_id else set()
    )
    counts = {}
    for impl in implementations:
        counts[impl.status] = counts.get(impl.status, 0) + 1
    # The timeline by country (``?country=fi``): one of the countries addressed; any other
    # value is reported and the timeline shows nothing, never every country's updates.
    options = [Option(impl.country.code, impl.country.display_name) for impl in implementations]
    checked = TIMELINE_FILTERS.clean(request.GET, {"country": options})
    chosen = checked.selected.get("country", [])
    for option in options:
        option.selected = option.value in chosen
    shown = [impl for impl in implementations if not chosen or impl.country.code in chosen]
    timeline_country = next((impl.country for impl in shown), None) if chosen else None
    tracker = page.get_parent().specific
    context = page.get_context(request)
    context.update(
        implementations=implementations,
        manageable=manageable,
        timeline=history(shown, limit=TIMELINE_LENGTH) if checked.valid else [],
        timeline_countries=options,
        timeline_filtered=checked.chosen,
        timeline_problems=checked.problems(),
        timeline_country=timeline_country,
        timeline_history_url=(
            tracker.country_url(timeline_country, "country_history") if timeline_country else ""
        ),
        following=_follows(request, recommendation=page),
        source=source_label(page, seminar_visible),
        source_seminar=page.source_seminar if page.source_seminar_id in seminar_visible else None,
        external_source=page.source if page.is_external else None,
        corresponds_to=mapped,
        status_counts=[(s, counts.get(s.value, 0)) for s in Status],
        tracker=tracker,
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
        # The form validates into a copy of its own (a ModelForm writes the posted values
        # into its instance): after a refused save the page still shows the saved status.
        form = ImplementationForm(
            request.POST,
            instance=Implementation.objects.get(pk=implementation.pk),
            practices=practices,
            documents=documents,
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


def follow(request, page, country=None):
    """POST: follow (or with ``action=unfollow``, stop following) the ``country`` from the
    tracker, or else the recommendation ``page``, then back to where the button was."""
    recommendation = None if country else page
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


# -- bulk update from a spreadsheet ---------------------------------------------------------
def _may_import(request, country):
    """A sign-in redirect for anonymous users; 403 for anyone who may not manage the
    country's implementations; None when the user may."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_manage_implementation(request.user, country):
        raise PermissionDenied(_("Only the coordinators of this country may update it."))
    return None


def _import_page(request, tracker, country, status=200, **extra):
    from .imports import ImportForm

    context = tracker.get_context(request)
    context.update(
        country=country,
        form=extra.pop("form", None) or ImportForm(),
        country_url=tracker.country_url(country),
        sheet_url=tracker.country_url(country, "country_import_sheet"),
        upload_url=tracker.country_url(country, "country_import"),
        confirm_url=tracker.country_url(country, "country_import_confirm"),
        **extra,
    )
    return TemplateResponse(request, "recommendations/country_import.html", context, status=status)


def import_sheet(request, tracker, country):
    """/recommendations/countries/<code>/import/sheet/: the country's sheet to fill in."""
    from .imports import country_sheet

    refusal = _may_import(request, country)
    return refusal or country_sheet(request, tracker, country)


def import_statuses(request, tracker, country):
    """/recommendations/countries/<code>/import/: upload a sheet of the country's statuses
    and see what would change, row by row. Nothing is saved here.

    Anonymous → sign in; without the right on this country → 403. A file that cannot be
    read, or any row with a problem → 400 with the reasons (per row), and no way to save.
    """
    from .imports import (
        PAYLOAD_MAX_LENGTH,
        ImportForm,
        ImportRefused,
        check_sheet,
        read_sheet,
        sign,
    )

    refusal = _may_import(request, country)
    if refusal:
        return refusal
    if request.method in ("GET", "HEAD"):
        return _import_page(request, tracker, country)
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    form = ImportForm(request.POST, request.FILES)
    plan, token = None, ""
    if form.is_valid():
        try:
            rows = read_sheet(form.cleaned_data["sheet"])
        except ImportRefused as refused:
            form.add_error("sheet", refused.message)
        else:
            if not rows:
                form.add_error("sheet", _("This sheet has no rows under its headings."))
            else:
                plan = check_sheet(request, tracker, country, rows)
                if plan.valid and plan.changed:
                    token = sign(plan, request.user)
                    if len(token) > PAYLOAD_MAX_LENGTH:
                        form.add_error(
                            "sheet",
                            _("This sheet changes too much to save at once: split it in two."),
                        )
                        plan, token = None, ""
    status = 200 if form.is_valid() and plan is not None and plan.valid else 400
    return _import_page(
        request,
        tracker,
        country,
        status=status,
        form=form if status == 400 and plan is None else None,
        plan=plan,
        token=token,
    )


def confirm_import(request, tracker, country):
    """POST /recommendations/countries/<code>/import/confirm/: save a previewed sheet.

    Every change is saved in one transaction, or none: a preview that cannot be read or
    has expired → 400; one made before someone else's save → 409.
    """
    from .imports import ImportRefused, StalePreview, apply, unsign

    refusal = _may_import(request, country)
    if refusal:
        return refusal
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        entries = unsign(request.POST.get("preview", ""), request.user, country)
    except ImportRefused as refused:
        return _import_page(request, tracker, country, status=400, refused=refused.message)
    try:
        saved = apply(request, tracker, country, entries)
    except StalePreview as stale:
        return _import_page(request, tracker, country, status=409, stale=stale.codes)
    messages.success(
        request,
        ngettext(
            "%(count)d change to %(country)s’s follow-up is saved.",
            "%(count)d changes to %(country)s’s follow-up are saved.",
            saved,
        )
        % {"count": saved, "country": country.display_name},
    )
    return HttpResponseRedirect(tracker.country_url(country))
