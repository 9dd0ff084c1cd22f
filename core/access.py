"""The access rules, as the foundation asks for them.

"Who may view" is decided in one place, ``countries.permissions``, which sits above the
foundation. The foundation's file blocks, document links, page cache and fragment keys
still need its answers: the permissions module hands itself over here when its app is
ready (``CountriesConfig.ready``), and the foundation asks through ``rules()``. It never
imports the layer above, so it can be read and tested alone.

Without the rules the foundation refuses to guess: ``rules()`` raises, and nothing is
shown or cached as if it were public.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from core import caches

_rules = None


def provide(rules) -> None:
    """Hand over the access rules (the ``countries.permissions`` module): once, at start."""
    global _rules
    _rules = rules


def rules():
    """The access rules: ``viewable_documents_among``, ``page_readers``,
    ``collection_readers``, ``page_view_restrictions`` and ``audience_key``."""
    if _rules is None:
        raise ImproperlyConfigured(
            "No access rules were provided: the 'countries' app must be installed."
        )
    return _rules


# What the access rules cache, registered here (the foundation's side of them) so that
# the registry ends it: ``countries.permissions`` keys its token list by VIEW_TOKENS and
# its restriction lists by RESTRICTIONS (both by name, through core.generations, until it
# uses these objects).
VIEW_TOKENS = caches.register(
    "view-tokens",
    ends_on=(caches.VIEW_RESTRICTIONS, "auth.group"),
    doc="Every view-restriction token in use, with the groups it admits.",
)
RESTRICTIONS = caches.register(
    "restrictions",
    ends_on=(
        caches.VIEW_RESTRICTIONS,
        "wagtailcore.page",
        caches.MOVED,
        "wagtailcore.collection",
        "auth.group",
    ),
    doc="Page and collection view restrictions, in all and per page.",
)
