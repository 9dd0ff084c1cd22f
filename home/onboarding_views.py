"""The admin's pages for onboarding (``home/onboarding.py``): the join applications, one
application with its Accept and Refuse forms, and the yearly access review. Registered in
home/wagtail_hooks.py; who may use them is decided in countries/permissions.py."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.paginator import WagtailPaginator

from core.mailer import readable_value
from countries.choices import Sector
from countries.models import Country
from countries.permissions import (
    grantable_groups,
    group_label,
    may_grant_group,
    may_review_access,
    may_review_applications,
)

from . import onboarding

STATUS_LABELS = {
    "new": gettext_lazy("New"),
    "accepted": gettext_lazy("Accepted"),
    "refused": gettext_lazy("Refused"),
}


def _seconds(moment):
    """A time to whole seconds: Wagtail's ``human_readable_date`` writes its ``datetime``
    attribute with microseconds, which HTML does not allow (at most milliseconds)."""
    return moment.replace(microsecond=0) if moment else moment


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


class GroupChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return group_label(obj)


class AcceptForm(forms.Form):
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150, required=False)
    # The account's email field holds at most 254 characters; the join form (and a form
    # field's default) allow 320, which PostgreSQL would refuse on saving: a 500.
    email = forms.EmailField(label=gettext_lazy("Email address"), max_length=254)
    country = forms.ModelChoiceField(
        label=gettext_lazy("Country"),
        queryset=Country.objects.order_by("name"),
        required=False,
        help_text=gettext_lazy("Leave empty for network-wide members."),
    )
    organisation = forms.CharField(
        label=gettext_lazy("Organisation"), max_length=200, required=False
    )
    sector = forms.ChoiceField(label=gettext_lazy("Sector"), choices=Sector.choices)
    group = GroupChoiceField(
        label=gettext_lazy("Group"),
        queryset=Group.objects.none(),
        help_text=gettext_lazy(
            "What the account may do. Only superusers may grant a country's coordinators, "
            "editors or ministry, or the Secretariat; the secretariat accepts members "
            "into the Experts group."
        ),
    )

    def __init__(self, *args, reviewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.reviewer = reviewer
        self.fields["group"].queryset = Group.objects.filter(
            pk__in=[g.pk for g in grantable_groups(reviewer)]
        )

    def clean_email(self):
        email = self.cleaned_data["email"]
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this email address exists already."))
        return email

    def clean_group(self):
        group = self.cleaned_data["group"]
        if not may_grant_group(self.reviewer, group):
            raise forms.ValidationError(_("You may not grant this group."))
        return group


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=gettext_lazy("The applicant receives it by email."),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for refusing."))
        return reason


class ApplicationsPaginator(WagtailPaginator):
    """Counts "2 applications", not Wagtail's "2 form submissions"."""

    verbose_name = gettext_lazy("application")
    verbose_name_plural = gettext_lazy("applications")


class ApplicationRow:
    """One application as the listing shows it."""

    def __init__(self, submission):
        self.pk = submission.pk
        self.submit_time = _seconds(submission.submit_time)
        self.status = onboarding.status_of(submission)
        self.status_label = STATUS_LABELS[self.status]
        person = onboarding.applicant(submission.get_data())
        self.name = person.name
        self.email = person.email
        self.organisation = person.organisation
        self.country = person.country


def applications(request):
    _require(may_review_applications(request.user))
    status = request.GET.get("status", "")
    queryset = onboarding.applications()
    if status == "new":
        queryset = queryset.filter(decision__isnull=True)
    elif status in ("accepted", "refused"):
        queryset = queryset.filter(decision__status=status)
    elif status:
        status = ""
    page = ApplicationsPaginator(queryset, 50).get_page(request.GET.get("p"))
    return render(
        request,
        "home/admin/applications.html",
        {
            "page_title": _("Join applications"),
            "header_icon": "form",
            "rows": [ApplicationRow(s) for s in page.object_list],
            "page_obj": page,
            "status": status,
            "statuses": STATUS_LABELS.items(),
        },
    )


def _answers(submission_or_decision, page) -> list[tuple[str, str]]:
    data = submission_or_decision
    fields = page.specific.get_form_fields() if page is not None else []
    labels = {f.clean_name: (f.label, f.field_type) for f in fields}
    rows = []
    for name, value in data.items():
        if name == "submit_time":  # shown as "Submitted" above the answers
            continue
        label, field_type = labels.get(name, (name.replace("_", " ").capitalize(), ""))
        rows.append((label, readable_value(value, field_type)))
    return rows


def application(request, pk):
    _require(may_review_applications(request.user))
    submission = get_object_or_404(onboarding.applications(), pk=pk)
    decision = getattr(submission, "decision", None)
    data = submission.get_data()
    person = onboarding.applicant(data)
    first, last = person.first_and_last_name
    accept_form = AcceptForm(
        reviewer=request.user,
        initial={
            "first_name": first,
            "last_name": last,
            "email": person.email,
            "country": person.country,
            "organisation": person.organisation,
            "sector": person.sector,
            "group": next(iter(grantable_groups(request.user)), None),
        },
    )
    refuse_form = RefuseForm()
    status = 200
    if request.method == "POST" and decision is None:
        action = request.POST.get("action")
        try:
            if action == "accept":
                accept_form = AcceptForm(request.POST, reviewer=request.user)
                if accept_form.is_valid():
                    done = onboarding.accept(submission, request.user, **accept_form.cleaned_data)
                    messages.success(
                        request,
                        _("%(name)s was accepted and invited by email to set a password.")
                        % {"name": done.account.get_full_name() or done.account.email},
                    )
                    return redirect("home_applications")
            elif action == "refuse":
                refuse_form = RefuseForm(request.POST)
                if refuse_form.is_valid():
                    onboarding.refuse(submission, request.user, **refuse_form.cleaned_data)
                    messages.success(request, _("The application was refused."))
                    return redirect("home_applications")
        except onboarding.AlreadyDecided:
            messages.error(request, _("Someone decided on this application meanwhile."))
            return redirect("home_application", pk=pk)
        except onboarding.AddressTaken:
            accept_form.add_error("email", _("An account with this email address exists already."))
        status = 400
    elif request.method == "POST":
        messages.error(request, _("This application has been decided already."))
        return redirect("home_application", pk=pk)
    return render(
        request,
        "home/admin/application.html",
        {
            "page_title": _("Application of %(name)s") % {"name": person.name or person.email},
            "header_icon": "form",
            "submitted_at": _seconds(submission.submit_time),
            "decided_at": _seconds(decision.decided_at) if decision else None,
            "decision": decision,
            "status_label": STATUS_LABELS[onboarding.status_of(submission)],
            "answers": _answers(data, submission.page),
            "accept_form": accept_form,
            "refuse_form": refuse_form,
        },
        status=status,
    )


def access_review(request):
    _require(may_review_access(request.user))
    return render(
        request,
        "home/admin/access_review.html",
        {
            "page_title": _("Access review"),
            "header_icon": "user",
            "accounts": [
                _with_whole_seconds(user)
                for user in onboarding.stale_accounts().prefetch_related("groups")[:500]
            ],
        },
    )


def _with_whole_seconds(user):
    user.last_login, user.date_joined = _seconds(user.last_login), _seconds(user.date_joined)
    return user


@require_POST
def access_decision(request, pk):
    _require(may_review_access(request.user))
    user = get_object_or_404(get_user_model(), pk=pk, is_active=True)
    action = request.POST.get("action")
    name = user.get_full_name() or user.get_username()
    if action == "confirm":
        onboarding.confirm_access(user, request.user)
        messages.success(request, _("%(name)s keeps their access.") % {"name": name})
    elif action == "deactivate":
        if user.pk == request.user.pk:
            messages.error(request, _("You cannot deactivate your own account."))
        else:
            onboarding.deactivate(user, request.user)
            messages.success(request, _("%(name)s was deactivated.") % {"name": name})
    else:
        messages.error(request, _("Choose to confirm or to deactivate the account."))
    return redirect("home_access_review")
