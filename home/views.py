import sys

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import views as staticfiles_views
from django.core.exceptions import SuspiciousFileOperation
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.links import absolute_url
from countries.directory import card as directory_card
from countries.forms import DirectoryProfileForm
from countries.models import Membership
from countries.permissions import group_label, may_edit_profile, user_countries


@login_required
def profile(request):
    """The signed-in member's own profile: who they are and which spaces they belong to."""
    membership = getattr(request.user, "membership", None)
    return render(
        request,
        "account/profile.html",
        {
            "membership": membership,
            "countries": user_countries(request),
            "groups": [
                group_label(group)
                for group in request.user.groups.select_related("space__country").order_by("name")
            ],
        },
    )


@login_required
def directory_profile(request):
    """The signed-in member edits their own directory profile and what members see of it.

    Only their own: the form is bound to the requester's membership, never to an id sent
    with it (``may_edit_profile``). Without a member profile there is nothing to edit.
    """
    membership = Membership.objects.filter(user=request.user).first()
    if not may_edit_profile(request, membership):
        return render(request, "account/directory_profile_missing.html")
    preview = directory_card(membership)  # as saved, before the form touches it
    listed = membership.listed
    form = DirectoryProfileForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your directory profile was saved."))
        return redirect("accounts:directory_profile")
    return render(
        request,
        "account/directory_profile.html",
        {"form": form, "person": preview, "listed": listed},
        status=400 if form.is_bound else 200,  # shown again with its messages
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /account/",
        "Disallow: /documents/",
        "Disallow: /members/",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


#: What a client is told to wait before trying again while the database is unreachable.
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """The error page for any uncaught error, from a view or a middleware alike.

    503 with ``Retry-After`` when the database could not answer, 500 otherwise; the page
    is the same and reads no database (no request, so no context processors).
    """
    from django.template import loader

    unavailable = database_unavailable(sys.exception())
    response = HttpResponse(
        loader.get_template("500.html").render(), status=503 if unavailable else 500
    )
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)  # nobody downstream keeps an error
    return response


def database_unavailable(error) -> bool:
    """Whether ``error`` (or what it was raised from) says the database could not answer.

    DB-API's OperationalError and InterfaceError are the errors of the database's
    operation, not of the query: a refused or lost connection, a server shutting down, a
    lock or statement timeout (PostgreSQL's QueryCanceled, SQLite's "database is locked"),
    a serialization failure. All pass with time, so they are 503s. A statement timeout
    reaching here is one the view did not handle itself (search handles its own time
    limit): the database was too busy to answer in time, which is also a 503.
    Programming, integrity and data errors stay 500s: they are bugs.
    """
    while error is not None:
        if isinstance(error, (OperationalError, InterfaceError)):
            return True
        error = error.__cause__
    return False


def static_file(request, path, insecure=False, **kwargs):
    """Development only: Django's static file view, with a path that leaves the static
    folders (``/static/%2e%2e/admin/``) not found instead of an error.

    Marked ``no-cache``: in development ``/static/css/hub.css`` keeps its name when it
    changes (production's names carry a hash), and without a freshness header a browser
    reuses its copy for a tenth of the time since it last changed, so ``make run`` showed
    yesterday's CSS after an edit. Now it asks each time, and an unchanged file is a 304.
    """
    try:
        response = staticfiles_views.serve(request, path, insecure=insecure, **kwargs)
    except SuspiciousFileOperation as error:
        raise Http404 from error
    response["Cache-Control"] = "no-cache"
    return response


def page_not_found_preview(request):
    return page_not_found(request)


def server_error_preview(request):
    return server_error(request)


@login_required
def following(request):
    """Everything the signed-in member follows and has saved: the tracker's follows and
    their saved searches (how often each is emailed, editable), theirs alone."""
    from recommendations.models import Follow, TrackerPage
    from search.models import SavedSearch
    from search.saved import run_url

    tracker = TrackerPage.objects.live().first()
    follows = []
    for follow in (
        Follow.objects.filter(user=request.user)
        .select_related("recommendation", "country")
        .order_by("-created_at", "pk")
    ):
        if follow.recommendation_id:
            page = follow.recommendation
            name = f"{page.code} {page.title}" if page.code else page.title
            url = page.url if page.live else ""
        else:
            name = follow.country.display_name
            url = tracker.country_url(follow.country) if tracker else ""
        follows.append({"follow": follow, "name": name, "url": url})
    saved = [
        {"saved": item, "run_url": run_url(item, request)}
        for item in SavedSearch.objects.filter(owner=request.user)
    ]
    response = render(
        request,
        "account/following.html",
        {"follows": follows, "saved_searches": saved, "frequencies": SavedSearch.Frequency},
    )
    add_never_cache_headers(response)
    return response


@login_required
@require_POST
def stop_following(request, pk):
    """POST: the member stops one of their tracker follows (another's is not found)."""
    from recommendations.models import Follow

    follow = get_object_or_404(Follow, pk=pk, user=request.user)
    follow.delete()
    messages.success(request, _("You no longer follow this."))
    return redirect("accounts:following")
