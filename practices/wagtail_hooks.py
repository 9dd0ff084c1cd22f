from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
    list_display = ["name", "type", "country"]
    list_filter = ["type", "country"]
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
