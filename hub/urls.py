from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from countries import directory
from home import health, media
from home import views as home_views
from practices.organisations import organisations
from recommendations import report_views, unsubscribe

from .api import api_router

urlpatterns = [
    # Stricter versions of a few admin views, ahead of Wagtail's own at the same paths.
    path("admin/", include(("countries.admin_urls", "hub_admin_guard"))),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document views; serving a file also marks a restricted one uncacheable.
    path(
        "documents/<int:document_id>/<str:document_filename>",
        media.serve_document,
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("account/", include(("home.account_urls", "accounts"))),
    path("search/", include("search.urls")),
    path("questions/", include("questions.urls")),
    # The member directory: signed-in members only, never cached, never in the sitemap.
    path("members/", directory.members, name="members"),
    # The network's organisations that chose to be listed, for everyone.
    path("organisations/", organisations, name="organisations"),
    # The tracker emails' unsubscribe links (RFC 8058 one-click: no cookies, no CSRF token).
    path(
        "recommendations/unsubscribe/<str:token>/",
        unsubscribe.unsubscribe,
        name="tracker_unsubscribe",
    ),
    # A country's report as a file (/recommendations/fi/report.docx): Wagtail's pattern
    # admits no dot, so these are handed to Wagtail's routing here.
    re_path(
        r"^(?P<path>(?:[\w\-]+/)+[a-z]{2}/report\.(?:docx|pdf))$",
        report_views.serve_report_file,
    ),
    # No CSRF token for choosing a language, so the form on every page does not make the
    # page personal (and uncacheable); a forged request can only change a visitor's language.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("healthz", health.healthz, name="healthz"),
    # In every setting: images through the check of their collection's privacy
    # (home/media.py). Nothing serves MEDIA_ROOT directly; documents only via /documents/.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", media.serve, name="media"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Django's static file view, but a path that leaves the static folders is not found
    # (not a server error); runserver serves them the same way (home's runserver).
    urlpatterns += static(settings.STATIC_URL, view=home_views.static_file)
    urlpatterns += [
        path("404/", home_views.page_not_found_preview),
        path("500/", home_views.server_error_preview),
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
