"""What every JSON API of the hub shares: bounded pagination and a refusal of NUL
characters, each a 400 with Wagtail's own message rather than a server error."""

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError


class BoundedPagination(WagtailPagination):
    """Wagtail's pagination, refusing an offset beyond any database integer: SQLite fails
    on it (a server error) where a smaller one past the end simply finds nothing."""

    MAX_OFFSET = 2**62  # with room for the limit added to it

    def paginate_queryset(self, queryset, request, view=None):
        try:
            offset = int(request.GET.get("offset", 0))
        except ValueError:
            offset = 0  # Wagtail's own check refuses it
        if offset > self.MAX_OFFSET:
            # Wagtail's own message for an offset it refuses (its API speaks English).
            raise BadRequestError("offset must be a positive integer")
        return super().paginate_queryset(queryset, request, view)


class RefuseNulMixin:
    """Refuses a query string holding a NUL character as a bad request: PostgreSQL cannot
    compare text with one (``?country=%00`` was a server error)."""

    def initial(self, request, *args, **kwargs):
        if any("\x00" in text for key, values in request.GET.lists() for text in (key, *values)):
            # In English, as Wagtail's own API messages.
            raise BadRequestError("query parameters cannot contain NUL characters")
        super().initial(request, *args, **kwargs)
