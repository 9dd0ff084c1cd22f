from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from countries.permissions import viewable_pages
from practices.templatetags.practice_tags import PRACTICE_PAGE_RELATED

from .models import Person, SeminarPage


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


@hooks.register(PRACTICE_PAGE_RELATED, order=20)
def seminars_presenting(request, practice) -> str:
    """On a practice's page: the seminars where it was presented (``PresentedPractice``),
    only those this reader may view, the latest first."""
    seminars = list(
        viewable_pages(request, SeminarPage.objects.filter(presented_practices__practice=practice))
        .distinct()
        .select_related("host_country")
        .order_by("-starts_at")
    )
    if not seminars:
        return ""
    return render_to_string(
        "seminars/includes/practice_presented_at.html", {"seminars": seminars}, request=request
    )
