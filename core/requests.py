"""What every request of the hub must be before a view reads it.

A NUL character has no place in any text a person types, and PostgreSQL cannot store or
compare text holding one: ``?q=%00`` reaching a query is a server error there, while
SQLite answers. Forms refuse it already (Django's ``CharField`` validator); a query string
is read by views directly (search, the library's and the directory's filters), so it is
refused here once, for every page, as a bad request with a clear message. The JSON API
says the same in its own words (``core.api.RefuseNulMixin``).
"""

from django.core.exceptions import BadRequest
from django.utils.translation import gettext


def holds_nul(query) -> bool:
    """Whether any name or value of a QueryDict holds a NUL character."""
    return any("\x00" in text for key, values in query.lists() for text in (key, *values))


class RefuseNulMiddleware:
    """A 400 (the site's page, with the reason) for a query string holding a NUL."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get("QUERY_STRING") and holds_nul(request.GET):
            raise BadRequest(gettext("The web address holds a character no text may hold (NUL)."))
        return self.get_response(request)
