from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from . import moderation, permissions
from .dashboard import REPLACED_PANELS, my_pages_panel_for
from .models import Country, Membership


@hooks.register("before_serve_page", order=-10)
def deny_signed_in_outsiders(page, request, serve_args, serve_kwargs):
    """A signed-in member who fails a restriction gets a 403, not a login loop.

    Wagtail's own check sends every failure to the login page; for someone already signed
    in, that page would send them straight back.
    """
    if request.user.is_authenticated and not permissions.can_view_page(request, page):
        return TemplateResponse(request, "403.html", status=403)
    return None


@hooks.register("before_serve_document", order=-10)
def deny_signed_in_document_outsiders(document, request):
    """Documents in a country-team collection: 403 for other signed-in users (no loop
    through the login page); Wagtail's own check still sends anonymous users to sign in."""
    if request.user.is_authenticated and not permissions.can_view_document(request, document):
        return TemplateResponse(request, "403.html", status=403)
    return None


@hooks.register("construct_reports_menu")
def hide_page_types_usage(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser(pages, request):
    return permissions.chooser_pages(request, pages)


@hooks.register("construct_homepage_panels")
def show_my_pages(request, panels):
    """The hub's "My drafts and pages awaiting review" in place of Wagtail's two workflow
    panels, whose rows it shows (countries/dashboard.py)."""
    panels[:] = [panel for panel in panels if not isinstance(panel, REPLACED_PANELS)]
    panel = my_pages_panel_for(request)
    if panel is not None:
        panels.append(panel)


@hooks.register("after_create_page")
def grant_secretariat_new_section(request, page):
    """A new child of the home page is a network section: the secretariat runs it."""
    if page.depth == 3 and page.specific_class.__name__ != "CountryIndexPage":
        permissions.grant_network_section(page)


@hooks.register("construct_page_action_menu")
def action_menu_in_hub_words(menu_items, request, context):
    moderation.hub_action_menu(menu_items, request, context)


# Last, once every other hook of the step has run: the confirmation the reader sees.
@hooks.register("after_create_page", order=100)
def confirm_created_step(request, page):
    moderation.confirm_step(request, page)


@hooks.register("before_edit_page")
def confirm_withdrawal(request, page):
    moderation.confirm_withdrawal(request, page)


@hooks.register("after_edit_page", order=100)
def confirm_edited_step(request, page):
    moderation.confirm_step(request, page)


class CountryViewSet(ModelViewSet):
    model = Country
    icon = "globe"
    menu_label = _("Countries")
    url_prefix = "spaces/countries"
    url_namespace = "spaces_countries"
    form_fields = ["code", "name", "name_native", "native_language", "language", "sort_order"]
    list_display = ["name", "code", "name_native"]
    add_to_admin_menu = False


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    url_prefix = "spaces/memberships"
    url_namespace = "spaces_memberships"
    # The directory profile's expertise and languages are the member's to tick
    # (/account/directory-profile/); the rest a superuser may correct here.
    form_fields = [
        "user",
        "country",
        "organisation",
        "sector",
        "job_title",
        "network_role",
        "work_email",
        "work_phone",
        "listed",
        "show_details",
        "show_contact",
    ]
    list_display = ["user", "country", "organisation", "sector", "listed"]
    list_filter = ["country", "sector", "listed"]
    search_fields = ["user__username", "user__email", "organisation"]
    add_to_admin_menu = False


class SpacesViewSetGroup(ModelViewSetGroup):
    items = (CountryViewSet, MembershipViewSet)
    menu_icon = "globe"
    menu_label = _("Spaces")
    menu_order = 900


@hooks.register("register_admin_viewset")
def register_viewset():
    return SpacesViewSetGroup()
