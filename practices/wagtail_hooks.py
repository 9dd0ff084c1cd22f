from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from countries.permissions import spaces_to_add_to

from .models import Approach, FormOfExploitation, Organisation, Sector, TargetGroup


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name_en", "name_fi", "name_sv", "name_nb", "name_da", "name_is"]
    search_fields = ["name_en", "name_fi", "name_sv", "name_nb", "name_da", "name_is"]
    ordering = ["sort_order", "name_en"]


class FormOfExploitationViewSet(TaxonomyViewSet):
    model = FormOfExploitation
    icon = "warning"


class TargetGroupViewSet(TaxonomyViewSet):
    model = TargetGroup
    icon = "group"


class SectorViewSet(TaxonomyViewSet):
    model = Sector
    icon = "site"


class ApproachViewSet(TaxonomyViewSet):
    model = Approach
    icon = "tick-inverse"


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "home"
    list_display = ["name", "type", "country", "listed_publicly"]
    list_filter = ["type", "country", "listed_publicly"]
    search_fields = ["name"]


class LibraryViewSetGroup(SnippetViewSetGroup):
    items = (
        OrganisationViewSet,
        FormOfExploitationViewSet,
        TargetGroupViewSet,
        SectorViewSet,
        ApproachViewSet,
    )
    menu_icon = "list-ul"
    menu_label = _("Library")
    menu_name = "library"
    menu_order = 300


register_snippet(LibraryViewSetGroup)


class AddPracticePanel(Component):
    """The dashboard's way to the add form of a practice: one action per country space
    the user may add pages to (``spaces_to_add_to``), none for anyone else."""

    name = "hub_add_practice"
    template_name = "practices/admin/add_practice_panel.html"
    # First of all: the editor's most common task.
    order = 80

    def __init__(self, spaces):
        self.spaces = list(spaces)

    def get_context_data(self, parent_context):
        return {
            "actions": [
                {
                    "country": space.country,
                    "add_url": reverse(
                        "wagtailadmin_pages:add", args=("practices", "practicepage", space.pk)
                    ),
                    "explore_url": reverse("wagtailadmin_explore", args=(space.pk,)),
                }
                for space in self.spaces
            ],
        }


@hooks.register("construct_homepage_panels")
def add_practice_actions(request, panels):
    spaces = spaces_to_add_to(request)
    if spaces:
        panels.append(AddPracticePanel(spaces))
