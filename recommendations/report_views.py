"""A country's follow-up report (/recommendations/<code>/report/, .docx, .pdf) and its
reporting rounds: the page, the files and the round's actions. The report is built once
(``report.build_report``) and written by the page's template or ``report_files``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import views as wagtail_views

from core.forms import whole_number

from .models import ReportingRound, display_name
from .permissions import may_run_reporting_round, may_sign_off_reporting_round
from .report import build_report
from .updates import RoundSignedOff, StaleVersion, confirm_unchanged, sign_off_round

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def serve_report_file(request, path):
    """``/recommendations/fi/report.docx``: Wagtail's own URL pattern admits no dot, so
    hub/urls.py sends these addresses here, and they are served by Wagtail with the
    trailing slash its routing needs (the tracker's ``report_file`` route); privacy, the
    site and the page's hooks apply as to any page."""
    return wagtail_views.serve(request, f"{path}/")


def _urls(tracker, country, report) -> dict:
    query = report.query()
    return {
        "report_path": tracker.report_url(country),
        "page_url": f"{tracker.report_url(country)}?{query}",
        "docx_url": f"{tracker.report_url(country, 'docx')}?{query}",
        "pdf_url": f"{tracker.report_url(country, 'pdf')}?{query}",
        "round_url": tracker.url
        + tracker.reverse_subpage("report_round", kwargs={"code": country.code.lower()}),
    }


def _page(request, tracker, country, report, status=200, error=""):
    context = tracker.get_context(request)
    user = request.user
    context.update(
        report=report,
        country=country,
        error=error,
        may_run=may_run_reporting_round(user, country),
        may_sign_off=may_sign_off_reporting_round(user, country),
        **_urls(tracker, country, report),
    )
    return TemplateResponse(request, "recommendations/report_page.html", context, status=status)


def report_page(request, tracker, country):
    """The printable report; 400 with the form's messages for a bad source or period."""
    report = build_report(request, tracker, country)
    return _page(request, tracker, country, report, status=400 if report.problems else 200)


def report_file(request, tracker, country, fmt):
    """The report as DOCX or PDF, for the same parameters as the page."""
    from .report_files import render_docx, render_pdf

    report = build_report(request, tracker, country)
    if report.problems:
        return HttpResponse(
            "\n".join(report.problems), status=400, content_type="text/plain; charset=utf-8"
        )
    if fmt == "docx":
        content = render_docx(request, report)
    else:
        content = render_pdf(request, tracker, report)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{report.filename(fmt)}"'
    return response


def report_round(request, tracker, country):
    """POST: open the round of the report's source and period, confirm one status or all
    unchanged (the country's coordinators), sign it off (the country's ministry)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(tracker.report_url(country))
    action = request.POST.get("action", "")
    user = request.user
    if action in ("open", "confirm", "confirm_all"):
        if not may_run_reporting_round(user, country):
            raise PermissionDenied(_("Only the coordinators of this country may do this."))
    elif action == "sign_off":
        if not may_sign_off_reporting_round(user, country):
            raise PermissionDenied(_("Only the ministry of this country may sign its rounds off."))
    else:
        return HttpResponse(_("Unknown action."), status=400, content_type="text/plain")
    report = build_report(request, tracker, country, data=request.POST)
    if report.problems:
        return _page(request, tracker, country, report, status=400)
    back = HttpResponseRedirect(_urls(tracker, country, report)["page_url"])

    if action == "open":
        try:
            with transaction.atomic():
                ReportingRound.objects.create(
                    country=country,
                    source=report.source,
                    period_start=report.start,
                    period_end=report.end,
                    opened_by=user,
                    opened_by_name=display_name(user),
                )
        except IntegrityError:
            pass  # opened meanwhile (or twice): it is open either way
        messages.success(request, _("The reporting round is open."))
        return back

    current = report.round
    if current is None:
        return _page(
            request,
            tracker,
            country,
            report,
            status=400,
            error=_("No reporting round is open for this source and period."),
        )
    if current.is_signed_off:
        return _page(
            request,
            tracker,
            country,
            report,
            status=409,
            error=_("This reporting round is signed off: nothing more can be recorded in it."),
        )

    try:
        if action == "confirm":
            row = next(
                (
                    row
                    for row in report.rows
                    if str(row.implementation.pk) == request.POST.get("implementation", "")
                ),
                None,
            )
            if row is None:
                return _page(
                    request,
                    tracker,
                    country,
                    report,
                    status=400,
                    error=_("That recommendation is not in this report."),
                )
            version = request.POST.get("version", "")
            confirm_unchanged(
                row.implementation,
                user,
                current,
                version=whole_number(version),
            )
            messages.success(
                request,
                _("%(code)s: the status is confirmed for this round.")
                % {"code": row.recommendation.code},
            )
        elif action == "confirm_all":
            pending = [row for row in report.rows if row.confirmation is None]
            with transaction.atomic():  # all of them, or none
                for row in pending:
                    confirm_unchanged(row.implementation, user, current, version=None)
            messages.success(
                request,
                ngettext(
                    "%(count)d status is confirmed unchanged for this round.",
                    "%(count)d statuses are confirmed unchanged for this round.",
                    len(pending),
                )
                % {"count": len(pending)},
            )
        else:  # sign_off
            missing = len(report.rows) - report.confirmed_count
            if not report.rows:
                return _page(
                    request,
                    tracker,
                    country,
                    report,
                    status=400,
                    error=_("This report holds no recommendation: there is nothing to sign off."),
                )
            if missing:
                return _page(
                    request,
                    tracker,
                    country,
                    report,
                    status=400,
                    error=ngettext(
                        "%(count)d status is not confirmed yet: the round cannot be signed off.",
                        "%(count)d statuses are not confirmed yet: the round cannot be signed off.",
                        missing,
                    )
                    % {"count": missing},
                )
            sign_off_round(current, user, [row.implementation for row in report.rows])
            messages.success(request, _("The reporting round is signed off."))
    except (RoundSignedOff, StaleVersion) as refused:
        # Nothing was written: the page again, as it stands now, saying why.
        error = (
            _("This reporting round is signed off: nothing more can be recorded in it.")
            if isinstance(refused, RoundSignedOff)
            else _("The status changed since you opened the page: check it before you confirm it.")
        )
        report = build_report(request, tracker, country, data=request.POST)
        return _page(request, tracker, country, report, status=409, error=error)
    return back
