from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Person


class PersonViewSet(SnippetViewSet):
    """Speakers and moderators, chosen in seminar programmes."""

    model = Person
    icon = "user"
    list_display = ["name", "role", "organisation", "country"]
    list_filter = ["country"]
    search_fields = ["name", "role"]
    menu_order = 310
    add_to_admin_menu = True


register_snippet(PersonViewSet)
