from urllib.parse import parse_qsl

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core import languages
from practices.templatetags.practice_tags import LIBRARY_ACTIONS

from .models import ThesaurusConcept


def _terms_column(language, label):
    return Column(
        f"terms_{language}",
        label=label,
        accessor=lambda concept: ", ".join(concept.terms(language)),
    )


class ThesaurusConceptViewSet(SnippetViewSet):
    # A menu item of its own, next to Library: the Library group (practices/wagtail_hooks.py)
    # lists its items itself and offers no hook for other apps to join it.
    model = ThesaurusConcept
    icon = "tag"
    menu_label = _("Thesaurus")
    menu_name = "thesaurus"
    menu_order = 310
    add_to_admin_menu = True
    list_display = [
        "slug",
        # The first three languages: the list stays readable; the form shows all six.
        *(_terms_column(code, languages.NAMES[code]) for code in languages.CODES[:3]),
    ]
    search_fields = ["slug", *(f"terms_{code}" for code in languages.CODES)]
    ordering = ["slug"]


register_snippet(ThesaurusConceptViewSet)


@hooks.register(LIBRARY_ACTIONS)
def save_library_filter(request, query):
    """The library's "Save this filter" button, for signed-in members."""
    if not request.user.is_authenticated:
        return ""
    return render_to_string(
        "search/includes/save_search.html",
        {"kind": "library", "pairs": parse_qsl(query)},
        request=request,
    )
