from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import views as staticfiles_views
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.links import absolute_url
from countries.permissions import user_countries


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
            "groups": request.user.groups.order_by("name"),
        },
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /account/",
        "Disallow: /documents/",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors that touch the database: the error may be the database.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)


def static_file(request, path, insecure=False, **kwargs):
    """Development only: Django's static file view, with a path that leaves the static
    folders (``/static/%2e%2e/admin/``) not found instead of an error."""
    try:
        return staticfiles_views.serve(request, path, insecure=insecure, **kwargs)
    except SuspiciousFileOperation as error:
        raise Http404 from error


def page_not_found_preview(request):
    return page_not_found(request)


def server_error_preview(request):
    return server_error(request)
