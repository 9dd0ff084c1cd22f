"""Every country-permission rule of the hub, in one place.

Views, templates, hooks and commands call these helpers; none re-implements a rule. The
database is the authority: Wagtail's PageViewRestriction decides who may view a page,
GroupPagePermission who may edit it, and django-guardian who may update a country's
implementations in the tracker.

Who passes a view restriction is decided once, by ``passes(viewer, restriction_type,
group_ids)`` (with ``Viewer``, built once per request by ``viewer_of``). Every other
answer is derived from it: the SQL of every listing (``failed_view_restrictions``,
``viewable_pages``), the checks of pages already loaded (``viewable_among``), of documents
(``viewable_documents_among``), the search index's tokens and the cache keys
(``failed_tokens``, ``audience_key``) and the editor's comparison of readers
(``Readers``). Serving one page or file keeps Wagtail's own ``accept_request``
(``can_view_page``, ``can_view_collection``): it alone honours a password passed in the
session.

The other rules live here too: who may use the admin (``may_access_admin``), who sees
and changes which countries' implementations (``country_rights``: the secretariat sees
every country), who may watch a seminar recording (``may_watch_recording``). Rights are
never cached on a user object, which outlives a change of its groups: at most on the
request, or for the duration of one request (``country_rights``).
"""

from __future__ import annotations

import hashlib
import logging
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.db.models import (
    BooleanField,
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
)
from django.db.models.lookups import In, StartsWith
from django.utils.translation import gettext
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from core import caches

from .choices import Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser
    from django.http import HttpRequest

    from .models import Country

logger = logging.getLogger("hub.permissions")

#: Page permission codenames (Wagtail's) each role holds on its own CountryPage.
ROLE_PAGE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    Role.EDITORS: ("add_page", "change_page"),
    Role.COORDINATORS: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    Role.MINISTRY: (),
}
#: What the secretariat holds on each network section (every child of the home page but
#: the country index).
SECRETARIAT_PAGE_PERMISSIONS = ROLE_PAGE_PERMISSIONS[Role.COORDINATORS]
SECRETARIAT_GROUP = "Secretariat"
EXPERTS_GROUP = "Experts"


def group_label(group: Group) -> str:
    """A group as its member reads it, in the active language: a space's group by its
    country's name and its role ("Suomi: koordinaattorit"), the network's own groups by
    their translated names; any other group by its name, which a superuser typed."""
    space = getattr(group, "space", None)
    if space is not None:
        return gettext("%(country)s: %(role)s") % {
            "country": space.country.display_name,
            "role": space.get_role_display(),
        }
    network = {SECRETARIAT_GROUP: gettext("Secretariat"), EXPERTS_GROUP: gettext("Experts")}
    return network.get(group.name, group.name)


def _user_of(request_or_user) -> AbstractBaseUser | AnonymousUser:
    user = getattr(request_or_user, "user", request_or_user)
    return user if user is not None else AnonymousUser()


def group_name(country: Country, role: str) -> str:
    """The name of a country's group for a role.

    Args:
        country: the country of the space.
        role: one of :class:`countries.choices.Role`.

    Returns:
        The group's display name, e.g. ``"Finland coordinators"``.
    """
    return f"{country.name} {Role(role).label}"


def country_groups(country: Country) -> dict[str, Group]:
    """The groups of a country's space, by role.

    Args:
        country: the country of the space.

    Returns:
        ``{role: Group}`` for the roles setup_spaces has created (all three once it ran).
    """
    return {sg.role: sg.group for sg in country.space_groups.select_related("group")}


def user_countries(request_or_user, roles: tuple[str, ...] | None = None) -> QuerySet[Country]:
    """The countries whose space groups the user belongs to.

    Args:
        request_or_user: a request (its user is used) or a user.
        roles: restrict to these roles; all roles when omitted.

    Returns:
        A queryset of Country, empty for anonymous users. Superusers get no implicit
        membership here: use the permission helpers for what they may do.
    """
    from .models import Country

    user = _user_of(request_or_user)
    if not user.is_authenticated:
        return Country.objects.none()
    filters = Q(space_groups__group__user=user)
    if roles:
        filters &= Q(space_groups__role__in=roles)
    return Country.objects.filter(filters).distinct()


def country_for_page(page: Page) -> Country | None:
    """The country whose space holds a page (the page itself when it is a CountryPage).

    Args:
        page: any page, saved or about to be saved (its tree path must be set).

    Returns:
        The owning Country, or None for network pages.
    """
    space = space_page_for(page)
    return space.country if space else None


def space_page_for(page: Page):
    """The country's space (a CountryPage) that holds a page, or the page itself when it
    is one.

    Args:
        page: any page, saved or about to be saved (its tree path must be set).

    Returns:
        The CountryPage with its Country, or None for network pages.
    """
    from .models import CountryPage

    if not page.path:
        return None
    return (
        CountryPage.objects.filter(path__in=ancestor_paths(page.path))
        .select_related("country")
        .first()
    )


def ancestor_paths(path: str) -> list[str]:
    """The tree paths of a page's ancestors and of the page itself, root first."""
    steplen = Page.steplen
    return [path[:i] for i in range(steplen, len(path) + 1, steplen)]


# --- Who may view: the one rule ---------------------------------------------------------


@dataclass(frozen=True)
class Viewer:
    """Who asks to view, as far as view restrictions care: a superuser, a signed-in member
    with the ids of their groups, or an anonymous visitor.

    Built once per request by ``viewer_of`` (memoised on the request, never on the user,
    which outlives a change of its groups).
    """

    ANONYMOUS: ClassVar[str] = "anonymous"
    MEMBER: ClassVar[str] = "member"
    SUPERUSER: ClassVar[str] = "superuser"

    kind: str
    group_ids: frozenset[int] = frozenset()

    def __post_init__(self):
        if self.kind not in (Viewer.ANONYMOUS, Viewer.MEMBER, Viewer.SUPERUSER):
            raise ValueError(f"Unknown kind of viewer: {self.kind!r}")
        object.__setattr__(self, "group_ids", frozenset(self.group_ids))

    @property
    def signed_in(self) -> bool:
        return self.kind != Viewer.ANONYMOUS


ANONYMOUS_VIEWER = Viewer(Viewer.ANONYMOUS)


def passes(viewer: Viewer, restriction_type: str, group_ids) -> bool:
    """THE rule of who passes a view restriction: every other view check derives from it.

    - ``login``: anyone signed in (members and superusers);
    - ``groups``: superusers, and members of at least one of the admitted groups;
    - ``password`` (and any type unknown here): nobody. What a listing, a page or a
      cached fragment shows must not rely on a password typed into another tab; serving
      the one protected page or file asks Wagtail (``can_view_page``).

    Args:
        viewer: who asks (``viewer_of``).
        restriction_type: a ``BaseViewRestriction`` type.
        group_ids: the ids of the groups the restriction admits (for ``groups``).

    Returns:
        True when the viewer passes the restriction.
    """
    if restriction_type == BaseViewRestriction.LOGIN:
        return viewer.signed_in
    if restriction_type == BaseViewRestriction.GROUPS:
        if viewer.kind == Viewer.SUPERUSER:
            return True
        return viewer.kind == Viewer.MEMBER and not viewer.group_ids.isdisjoint(group_ids)
    return False


def viewer_of(request_or_user) -> Viewer:
    """The Viewer of a request (memoised on it) or of a user (read afresh each time).

    Args:
        request_or_user: a request (its user is used) or a user.

    Returns:
        A Viewer; reading a member's groups costs one query.
    """
    user = _user_of(request_or_user)
    is_request = request_or_user is not user and request_or_user is not None
    if is_request:
        memo = request_or_user.__dict__.get("_hub_viewer")
        # Keyed by the user too: signing in or out within a request changes who asks.
        if memo is not None and memo[0] == (user.pk, user.is_authenticated):
            return memo[1]
    if not user.is_authenticated or not getattr(user, "is_active", True):
        # A deactivated account is nobody: Django signs it out of requests, and a caller
        # handing the user itself (a mail to send) must not see more.
        viewer = ANONYMOUS_VIEWER
    elif user.is_superuser:
        viewer = Viewer(Viewer.SUPERUSER)
    else:
        viewer = Viewer(Viewer.MEMBER, frozenset(user.groups.values_list("pk", flat=True)))
    if is_request:
        request_or_user.__dict__["_hub_viewer"] = ((user.pk, user.is_authenticated), viewer)
    return viewer


def failed_view_restrictions(request_or_user) -> QuerySet[PageViewRestriction]:
    """The view restrictions this user does not pass (``passes``), as a lazy queryset.

    The restrictions the user passes are worked out with ``passes`` over the cached list
    of every restriction (``_every_page_restriction``); the queryset is every restriction
    but those. A restriction the cached list does not know yet therefore counts as
    failed: a stale list can hide a page, never show one.

    Args:
        request_or_user: a request or a user.

    Returns:
        A queryset of PageViewRestriction (no query until evaluated, no join).
    """
    passed = _verdicts(viewer_of(request_or_user)).passed
    restrictions = PageViewRestriction.objects.all()
    return restrictions.exclude(_IdAmong(passed)) if passed else restrictions


class _IdAmong(Func):
    """``pk IN ids``, written on PostgreSQL as ``pk = ANY(%s)`` with the ids as one array
    parameter (the plain ``IN`` list elsewhere).

    A member passes most restrictions: with a couple of thousand of them, building,
    compiling and sending an ``IN`` of each id as its own parameter cost every listing
    query 10-15 ms of Python; the database reads the array just as it read the list.
    """

    output_field = BooleanField()

    def __init__(self, ids, field="pk"):
        super().__init__(F(field))
        self.ids = list(ids)

    def as_sql(self, compiler, connection, **extra_context):
        return compiler.compile(In(self.source_expressions[0], self.ids))

    def as_postgresql(self, compiler, connection, **extra_context):
        field = self.source_expressions[0]
        column, params = compiler.compile(field)
        # Cast to the column's own type: psycopg sends small ids as smallint[], and
        # PostgreSQL hashes an array it compares with the column only when the types match
        # (a linear search through the ids for every restriction otherwise: 6 ms a query).
        array = f"{field.output_field.cast_db_type(connection)}[]"
        return f"{column} = ANY(%s::{array})", (*params, self.ids)


def viewable_pages(request_or_user, queryset: QuerySet | None = None) -> QuerySet:
    """Live pages the user may view: the filter for every listing, menu, feed and export.

    A page is hidden when it or one of its ancestors carries a restriction the user fails
    (``failed_view_restrictions``). Most restrictions sit on pages without children (a
    practice's audience): those hide their own page only, an equality the database
    answers with one hashed anti-join. Only restrictions on pages with children (a
    section) are tested against each page's path (``path LIKE restricted path%``), so
    the cost no longer grows with pages times restrictions. One SQL query, read from the
    database's own tree (``numchild`` and ``path``), whatever the caches hold.

    Args:
        request_or_user: a request or a user.
        queryset: the pages to filter (a queryset of Page or of a specific page type);
            all pages when omitted.

    Returns:
        The queryset narrowed to live pages this user may view.
    """
    if queryset is None:
        queryset = Page.objects.all()
    failed = failed_view_restrictions(request_or_user)
    on_the_page = failed.filter(page_id=OuterRef("pk"))
    # The page's own path starts with the restricted section's path: it is below it.
    in_a_section = failed.filter(page__numchild__gt=0).filter(
        StartsWith(ExpressionWrapper(OuterRef("path"), output_field=CharField()), F("page__path"))
    )
    return queryset.live().filter(~Exists(on_the_page), ~Exists(in_a_section))


def viewable_among(request_or_user, pages) -> set[int]:
    """The ids of ``pages`` the user may view: for a handful of pages already loaded.

    Same rule as ``viewable_pages`` (live, no failed restriction on the page or an
    ancestor), checked against every restriction of the site, which is read once per
    content generation: no query but the user's groups (once per request).

    Args:
        request_or_user: a request or a user.
        pages: pages loaded from the database in this request (their path and live).

    Returns:
        A set of page ids.
    """
    pages = [page for page in pages if page.live]
    if not pages:
        return set()
    blocked = _failed_restriction_paths(request_or_user)
    return {
        page.pk for page in pages if not any(path in blocked for path in ancestor_paths(page.path))
    }


def _failed_restriction_paths(request_or_user) -> frozenset[str]:
    """Paths of the pages carrying a view restriction the user fails (``passes``)."""
    return _verdicts(viewer_of(request_or_user)).failed_paths


class _Verdicts(NamedTuple):
    """What ``passes`` says of every page view restriction, for one kind of viewer."""

    passed: tuple[int, ...]  # the ids of the restrictions passed
    failed_paths: frozenset[str]  # the paths of the pages whose restriction is failed


def _verdicts(viewer: Viewer) -> _Verdicts:
    """The rule applied once to every restriction, kept per kind of viewer and set of
    groups: with tens of thousands of restrictions, testing each for every search and
    listing cost more than the search. Kept beside the rows they come from (one
    generation for both: never verdicts on rows older than it)."""

    def decide():
        passed, failed = [], set()
        for r in _every_page_restriction():
            if passes(viewer, r.restriction_type, r.group_ids):
                passed.append(r.pk)
            else:
                failed.add(r.path)
        return _Verdicts(tuple(passed), frozenset(failed))

    return RESTRICTION_ROWS.get_or_set(decide, "verdicts", viewer.kind, *sorted(viewer.group_ids))


#: What ends what the rule reads: a restriction or its groups, a page, a move, a
#: collection or a group changes.
_RULE_INPUTS = (
    caches.VIEW_RESTRICTIONS,
    "wagtailcore.page",
    caches.MOVED,
    "wagtailcore.collection",
    "auth.group",
)
#: What the rule reads, kept in the shared cache until a restriction, its groups, a page,
#: a collection or a group changes (core.caches ends it).
RESTRICTIONS = caches.register(
    "restrictions",
    ends_on=_RULE_INPUTS,
    doc="Page and collection view restrictions, in all and per page.",
)
#: Every page view restriction as the rule reads it (``_every_page_restriction``), kept in
#: each process (not unpickled from the shared cache on every request: a couple of
#: thousand rows cost ~5 ms to unpickle) and ended with ``RESTRICTIONS``.
RESTRICTION_ROWS = caches.register(
    "restriction-rows",
    ends_on=_RULE_INPUTS,
    local=True,
    doc="Every page view restriction (id, page path, type, admitted groups), and which "
    "of them each kind of viewer and set of groups passes.",
)
#: Every view-restriction token in use, with the groups it admits.
VIEW_TOKENS = caches.register(
    "view-tokens",
    ends_on=(caches.VIEW_RESTRICTIONS, "auth.group"),
    doc="Every view-restriction token in use, with the groups it admits.",
)


def _every_collection_restriction() -> list:
    """Every collection view restriction, with its collection and groups."""
    from wagtail.models import CollectionViewRestriction

    return RESTRICTIONS.get_or_set(
        lambda: list(
            CollectionViewRestriction.objects.select_related("collection").prefetch_related(
                "groups"
            )
        ),
        "collection-restrictions",
    )


class PageRestriction(NamedTuple):
    """One page view restriction, as the cached list holds it."""

    pk: int
    path: str
    restriction_type: str
    group_ids: frozenset[int]


def _every_page_restriction() -> list[PageRestriction]:
    """Every page view restriction: its id, page path, type and admitted group ids (one
    list per process and generation, read by every request: never to be changed)."""
    return RESTRICTION_ROWS.get_or_set(_read_page_restrictions)


def _read_page_restrictions() -> list[PageRestriction]:
    """The restrictions as values (two queries, no model instances: with 20,000
    restricted practices, loading each restriction's page cost 3.6 s after every
    publish)."""
    admitted = {}
    through = PageViewRestriction.groups.through
    for restriction_id, group_id in through.objects.values_list(
        "pageviewrestriction_id", "group_id"
    ).iterator():
        admitted.setdefault(restriction_id, set()).add(group_id)
    rows = PageViewRestriction.objects.order_by("pk").values_list(
        "pk", "page__path", "restriction_type"
    )
    return [
        PageRestriction(pk, path, restriction_type, frozenset(admitted.get(pk, ())))
        for pk, path, restriction_type in rows.iterator()
    ]


def can_view_page(request: HttpRequest, page: Page) -> bool:
    """Whether this request may view a page (live, and every restriction passed).

    Args:
        request: the current request (its user and session are checked).
        page: the page.

    Returns:
        True when the page may be shown.
    """
    if not page.live:
        return False
    return all(r.accept_request(request) for r in page.get_view_restrictions())


def can_view_collection(request: HttpRequest, collection) -> bool:
    """Whether this request may download the files of a collection: its documents and
    images (every view restriction on the collection or an ancestor passed, Wagtail's
    own check, the one its document serve view makes).

    Args:
        request: the current request (its user and session are checked).
        collection: a Collection.

    Returns:
        True when the collection's files may be served.
    """
    return all(r.accept_request(request) for r in collection.get_view_restrictions())


def can_view_document(request: HttpRequest, document) -> bool:
    """Whether this request may download a document (its collection's privacy passed).

    Args:
        request: the current request.
        document: a document.

    Returns:
        True when the file may be served.
    """
    return can_view_collection(request, document.collection)


def viewable_documents_among(request_or_user, documents) -> list:
    """The ``documents`` this user may download, in their order: the rule of
    ``can_view_document`` (every restriction on the collection or an ancestor passed)
    for a list: no query once the collection restrictions are read (once per content
    generation), but the user's groups (once per request).

    Each restriction is checked with ``passes``: a password restriction counts as failed,
    as in every listing (what a list or a page shows must not rely on a password typed
    into another tab, and the cached parts of pages are shared by everyone who fails the
    same restrictions).

    Args:
        request_or_user: a request or a user.
        documents: documents (their ``collection`` preferably selected with them).

    Returns:
        A list of documents.
    """
    from wagtail.models import Collection

    if not documents:
        return []
    steplen = Collection.steplen
    prefixes = {
        d.collection.path: [
            d.collection.path[:i] for i in range(steplen, len(d.collection.path) + 1, steplen)
        ]
        for d in documents
    }
    wanted = {p for paths in prefixes.values() for p in paths}
    restrictions = [r for r in _every_collection_restriction() if r.collection.path in wanted]
    viewer = viewer_of(request_or_user) if restrictions else ANONYMOUS_VIEWER
    failed_paths = {
        r.collection.path
        for r in restrictions
        if not passes(viewer, r.restriction_type, frozenset(g.pk for g in r.groups.all()))
    }
    return [d for d in documents if not any(p in failed_paths for p in prefixes[d.collection.path])]


@dataclass(frozen=True)
class Readers:
    """Who passes a set of view restrictions: everyone, anyone signed in, or only the
    members of ``groups`` (superusers pass every restriction). Compares a page with the
    documents it links, for the editor's warning."""

    EVERYONE: ClassVar[int] = 0
    SIGNED_IN: ClassVar[int] = 1
    GROUPS: ClassVar[int] = 2

    tier: int
    groups: frozenset[int] = frozenset()

    def admit_beyond(self, other: Readers) -> bool:
        """Whether these restrictions admit someone that ``other`` refuses.

        Args:
            other: the readers of another page or collection.

        Returns:
            True when someone (not a superuser) passes these restrictions but not
            ``other``'s.
        """
        if self.tier != other.tier:
            return self.tier < other.tier
        return self.tier == Readers.GROUPS and bool(self.groups - other.groups)


def _readers(restrictions) -> Readers:
    """The Readers of (restriction type, admitted group ids) pairs that all apply, asked
    of ``passes``: everyone when an anonymous visitor passes them all, anyone signed in
    when a member of no group does, else the groups whose members pass them all (a
    password, which nobody passes, leaves none)."""
    restrictions = [
        (restriction_type, frozenset(admitted)) for restriction_type, admitted in restrictions
    ]

    def all_passed(viewer: Viewer) -> bool:
        return all(passes(viewer, kind, admitted) for kind, admitted in restrictions)

    if all_passed(ANONYMOUS_VIEWER):
        return Readers(Readers.EVERYONE)
    if all_passed(Viewer(Viewer.MEMBER)):
        return Readers(Readers.SIGNED_IN)
    candidates = frozenset().union(*(admitted for _kind, admitted in restrictions))
    return Readers(
        Readers.GROUPS,
        frozenset(g for g in candidates if all_passed(Viewer(Viewer.MEMBER, frozenset({g})))),
    )


def page_readers(page: Page) -> Readers:
    """Who may read a page once this version of it is published.

    The restrictions of its ancestors and, for a page with an ``audience``, the one that
    audience stands for (a draft may change it); any other page keeps its own restriction.

    Args:
        page: a saved page (specific), possibly with unpublished changes.

    Returns:
        The page's Readers.
    """
    paths = ancestor_paths(page.path)
    has_audience = hasattr(page, "audience")
    restrictions = [
        (r.restriction_type, r.group_ids)
        for r in _every_page_restriction()
        if r.path in paths and not (has_audience and r.path == page.path)
    ]
    if has_audience:
        restriction_type, groups = audience_restriction(page)
        if restriction_type is not None:
            restrictions.append((restriction_type, frozenset(g.pk for g in groups)))
    return _readers(restrictions)


def collection_readers(collection) -> Readers:
    """Who may download the files of a collection: the rule of ``can_view_collection``
    (the restrictions on the collection and its ancestors), as Readers.

    Args:
        collection: a Collection.

    Returns:
        The collection's Readers.
    """
    from wagtail.models import Collection

    steplen = Collection.steplen
    paths = {collection.path[:i] for i in range(steplen, len(collection.path) + 1, steplen)}
    return _readers(
        (r.restriction_type, frozenset(g.pk for g in r.groups.all()))
        for r in _every_collection_restriction()
        if r.collection.path in paths
    )


def audience_restriction(page) -> tuple[str | None, set[Group]]:
    """The view restriction a page's ``audience`` stands for.

    A country-tier page outside any country space gets a groups restriction with no
    group: only superusers see it, which is the safe failure. An alias takes the country
    team of the page it shows.

    Args:
        page: a page with an ``audience`` field (its tree path set).

    Returns:
        ``(restriction type, groups)``: no type for a public page; groups only for the
        country tier (the space's coordinators, editors and ministry).
    """
    from core.choices import Audience

    if page.audience == Audience.PUBLIC:
        return None, set()
    if page.audience == Audience.MEMBERS:
        return BaseViewRestriction.LOGIN, set()
    # An alias shows its original, and Wagtail serves it under the original's
    # restrictions: its country team is the original's, wherever the alias stands.
    original = page.alias_of if getattr(page, "alias_of_id", None) else None
    country = country_for_page(original or page)
    if country is None:
        logger.warning("Country-only page %s is outside a country space", page.pk)
        return BaseViewRestriction.GROUPS, set()
    return BaseViewRestriction.GROUPS, set(country_groups(country).values())


def sync_view_restriction(page) -> None:
    """Make the page's own PageViewRestriction match its ``audience``
    (``audience_restriction``).

    Called from ``AudienceMixin.save`` inside the save's transaction.

    Args:
        page: a page with an ``audience`` field, already saved.
    """
    restriction_type, groups = audience_restriction(page)
    own = PageViewRestriction.objects.filter(page=page)
    if restriction_type is None:
        own.delete()
        return
    if restriction_type == BaseViewRestriction.LOGIN:
        own.exclude(restriction_type=BaseViewRestriction.LOGIN).delete()
        if not own.exists():
            PageViewRestriction.objects.create(
                page=page, restriction_type=BaseViewRestriction.LOGIN
            )
        return

    current = list(own)
    if (
        len(current) == 1
        and current[0].restriction_type == BaseViewRestriction.GROUPS
        and set(current[0].groups.all()) == groups
    ):
        return
    own.delete()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.set(groups)


def editable_pages(request_or_user) -> QuerySet[Page]:
    """Pages the user holds any edit right on (add, change, publish), drafts included.

    Args:
        request_or_user: a request or a user.

    Returns:
        A queryset of Page; every page for superusers.
    """
    user = _user_of(request_or_user)
    if not user.is_authenticated or not user.is_active:
        return Page.objects.none()
    if user.is_superuser:
        return Page.objects.all()
    return PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["add", "change", "publish"]
    )


def may_set_space_defaults(request_or_user, space) -> bool:
    """Whether the user may change what a country's space gives its new pages (their
    default audience): the space's coordinators, who may publish in it, and superusers.
    Its editors edit the space page too, but a default that decides who may read every
    new page is the coordinators' call.

    Args:
        request_or_user: a request or a user.
        space: a CountryPage (unsaved: only superusers create spaces).

    Returns:
        True when the field may be shown and saved.
    """
    user = _user_of(request_or_user)
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if space.pk is None:
        return False
    return space.permissions_for_user(user).can_publish()


def spaces_to_add_to(request_or_user) -> QuerySet:
    """The country spaces (CountryPage) the user may add pages to as a member of their
    groups, in the spaces' order: where the dashboard offers "Add a practice".

    Superusers may add anywhere, but their dashboard would then offer every space: they
    get the spaces of the groups they belong to, like everyone else.

    Args:
        request_or_user: a request or a user.

    Returns:
        A queryset of CountryPage with their Country; empty for anonymous and inactive
        users.
    """
    from .models import CountryPage

    user = _user_of(request_or_user)
    if not user.is_authenticated or not user.is_active:
        return CountryPage.objects.none()
    spaces = CountryPage.objects.select_related("country").order_by(
        "country__sort_order", "country__name"
    )
    if user.is_superuser:
        return spaces.filter(country__in=user_countries(user))
    may_add = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["add"])
    return spaces.filter(pk__in=may_add.values("pk"))


def chooser_pages(request: HttpRequest, pages: QuerySet[Page]) -> QuerySet[Page]:
    """Narrow the admin page chooser to what the user may see.

    Without this, Wagtail's chooser lists every page in the tree, other countries' drafts
    and restricted pages included.

    Args:
        request: the admin request.
        pages: the chooser's queryset.

    Returns:
        The pages the user may view on the site, or edit in the admin.
    """
    user = _user_of(request)
    if user.is_superuser:
        return pages
    visible = viewable_pages(request, Page.objects.all()).values("pk")
    editable = editable_pages(request).values("pk")
    return pages.filter(Q(pk__in=visible) | Q(pk__in=editable) | Q(depth=1))


def can_manage_implementation(user, country: Country) -> bool:
    """Whether the user may update a country's implementations in the tracker.

    The right is django-guardian's ``manage_implementation`` on the Country object, held
    by the country's coordinators group. Anonymous users never hold it (guardian runs with
    ``ANONYMOUS_USER_NAME = None``, so they are short-circuited here).

    Args:
        user: the user.
        country: the country of the implementation.

    Returns:
        True when every write path may accept the user's change.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.has_perm("countries.manage_implementation", country)


def network_sections(home: Page) -> QuerySet[Page]:
    """The network pages the secretariat runs: the home page's children but the spaces.

    Args:
        home: the home page (the default site's root page).

    Returns:
        A queryset of Page (each section's subtree inherits the secretariat's rights).
    """
    from .models import CountryIndexPage

    return Page.objects.child_of(home).not_type(CountryIndexPage)


class SuperuserOnlyPermissionPolicy(ModelPermissionPolicy):
    """Admin screens that manage people or spaces: superusers only, whatever groups hold."""

    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return bool(user.is_active and user.is_superuser)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_permission(user, "change")

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_permission(user, "change"):
            return self.model._default_manager.all()
        return self.model._default_manager.none()

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


def set_page_permissions(group: Group, page: Page, codenames) -> None:
    """Make a group's Wagtail rights on one page exactly the given ones.

    Args:
        group: the group.
        page: the page (its subtree inherits the rights).
        codenames: Wagtail page permission codenames, e.g. ``("add_page", "change_page")``.
    """
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import GroupPagePermission

    wanted = set(
        Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(Page), codename__in=codenames
        )
    )
    current = GroupPagePermission.objects.filter(group=group, page=page)
    current.exclude(permission__in=wanted).delete()
    have = {gpp.permission for gpp in current}
    for permission in wanted - have:
        GroupPagePermission.objects.create(group=group, page=page, permission=permission)


def grant_network_section(page: Page) -> None:
    """Give the secretariat its rights on a network section (and so its subtree).

    Args:
        page: a child of the home page other than the country index.
    """
    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    set_page_permissions(secretariat, page, SECRETARIAT_PAGE_PERMISSIONS)


def manageable_countries(request_or_user) -> QuerySet[Country]:
    """The countries whose implementations the user may update (one query).

    Same rule as ``can_manage_implementation``: guardian's ``manage_implementation`` on the
    Country object (superusers hold every right).

    Args:
        request_or_user: a request or a user.

    Returns:
        A queryset of Country, empty for anonymous and inactive users.
    """
    from guardian.shortcuts import get_objects_for_user

    from .models import Country

    user = _user_of(request_or_user)
    if not user.is_authenticated or not user.is_active:
        return Country.objects.none()
    return get_objects_for_user(
        user, "countries.manage_implementation", klass=Country, accept_global_perms=False
    )


# --- Who may use the admin, see and change countries in the tracker, watch recordings ---

#: Request-scoped memo of rights asked of a user rather than a request (Wagtail's admin
#: hands permission policies the user alone): a fresh dict for each request
#: (``start_request_memo``, on ``request_started``), none outside one. Never the user
#: object, which outlives a change of its groups.
_REQUEST_MEMO: ContextVar[dict | None] = ContextVar("hub_request_rights", default=None)


def start_request_memo(**kwargs) -> None:
    """``request_started``: rights worked out from now on are kept for this request."""
    _REQUEST_MEMO.set({})


def end_request_memo(**kwargs) -> None:
    """``request_finished``: forget the request's rights."""
    _REQUEST_MEMO.set(None)


def _request_memo(request_or_user, user) -> dict | None:
    """Where to keep a right for the rest of the request: on the request when there is
    one, else in the memo of the request being served, if any (None: ask afresh)."""
    if request_or_user is not user and request_or_user is not None:
        return request_or_user.__dict__.setdefault("_hub_rights", {})
    return _REQUEST_MEMO.get()


def may_access_admin(user) -> bool:
    """``user.has_perm("wagtailadmin.access_admin")`` in one query instead of two (every
    member's every request asks): active superusers, and the permission given to the
    account or a group of it. Never cached, so a grant is enforced at the next request.

    Args:
        user: a user (anonymous users never may).

    Returns:
        True when the account may use Wagtail's admin.
    """
    from django.contrib.auth.models import Permission

    if user is None or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return (
        Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
        .filter(Q(user=user) | Q(group__user=user))
        .exists()
    )


def is_secretariat(user) -> bool:
    """Whether an active account belongs to the secretariat group (one query)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.groups.filter(name=SECRETARIAT_GROUP).exists()


@dataclass(frozen=True)
class CountryRights:
    """What a user may do with the countries' implementations in the tracker's admin.

    ``every_country``: superusers and the secretariat see every country; ``view``: the
    ids of the countries whose space groups the user belongs to (every country for
    those who see all); ``change``: the ids of the countries whose implementations the
    user may update (``manageable_countries``).
    """

    every_country: bool = False
    view: frozenset[int] = frozenset()
    change: frozenset[int] = frozenset()

    @property
    def visible(self) -> frozenset[int]:
        """Ids of the countries the user sees (viewing or changing)."""
        return self.view | self.change

    def may_view(self, country_id: int) -> bool:
        return self.every_country or country_id in self.visible

    def may_change(self, country_id: int) -> bool:
        return country_id in self.change


def country_rights(request_or_user) -> CountryRights:
    """The user's rights on the countries' implementations, worked out once per request
    (three or four queries): memoised on the request, or for the request being served,
    never on the user object.

    Args:
        request_or_user: a request or a user.

    Returns:
        A CountryRights; none at all for anonymous and inactive users.
    """
    from .models import Country

    user = _user_of(request_or_user)
    if not user.is_authenticated or not user.is_active:
        return CountryRights()
    memo = _request_memo(request_or_user, user)
    key = ("country-rights", user.pk)
    if memo is not None and key in memo:
        return memo[key]
    every = user.is_superuser or is_secretariat(user)
    viewable = Country.objects.all() if every else user_countries(user)
    rights = CountryRights(
        every_country=every,
        view=frozenset(viewable.values_list("pk", flat=True)),
        change=frozenset(manageable_countries(user).values_list("pk", flat=True)),
    )
    if memo is not None:
        memo[key] = rights
    return rights


def users_with_country_rights(*, view: bool = False, change: bool = False) -> QuerySet:
    """The active users holding the rights of ``country_rights`` on some country: to view
    (superusers, the secretariat, the countries' groups) and/or to change (superusers and
    the holders of guardian's ``manage_implementation``).

    Args:
        view: include those who may view some country's implementations.
        change: include those who may change some.

    Returns:
        A queryset of users (none when neither is asked).
    """
    from guardian.shortcuts import get_users_with_perms

    from .models import Country

    users = get_user_model().objects.filter(is_active=True)
    if not (view or change):
        return users.none()
    found = Q(is_superuser=True)
    if view:
        found |= Q(groups__name=SECRETARIAT_GROUP) | Q(groups__space__isnull=False)
    if change:
        for country in Country.objects.all():
            holders = get_users_with_perms(
                country, only_with_perms_in=["manage_implementation"], with_group_users=True
            )
            found |= Q(pk__in=holders.values("pk"))
    return users.filter(found).distinct()


#: Who may watch a seminar recording (the values of ``seminars``' RecordingAudience).
RECORDING_PUBLIC = "public"
RECORDING_MEMBERS = "members"
RECORDING_REGISTRANTS = "registrants"


def may_see_directory(request_or_user) -> bool:
    """Who may read the member directory (``/members/``): anyone signed in to an active
    account (accounts exist only for the network's members: there is no self sign-up).
    The same as passing a ``login`` restriction."""
    return passes(viewer_of(request_or_user), BaseViewRestriction.LOGIN, ())


def may_edit_profile(request_or_user, membership) -> bool:
    """Who may change a member's directory profile and what of it members see: the member
    alone on the site (superusers change any in the admin)."""
    user = _user_of(request_or_user)
    return (
        may_see_directory(request_or_user)
        and membership is not None
        and membership.user_id == user.pk
    )


def may_watch_recording(request_or_user, audience: str, *, registrant: bool) -> bool:
    """Whether the viewer may watch a recording meant for ``audience`` (the seminar page
    itself being viewable and the recording available: the caller checks both).

    Args:
        request_or_user: a request or a user.
        audience: ``RECORDING_PUBLIC`` (everyone who may see the seminar),
            ``RECORDING_MEMBERS`` (anyone signed in) or ``RECORDING_REGISTRANTS``.
        registrant: whether the viewer registered for the seminar (the seminar knows);
            only registrants watch a registrants' recording, superusers included.

    Returns:
        True when the recording may be shown; False for an audience unknown here.
    """
    if audience == RECORDING_PUBLIC:
        return True
    if audience == RECORDING_MEMBERS:
        return viewer_of(request_or_user).signed_in
    if audience == RECORDING_REGISTRANTS:
        return bool(registrant)
    return False


def _effective_restrictions(page: Page) -> QuerySet[PageViewRestriction]:
    """Wagtail's ``get_view_restrictions`` in one lazy query: the restrictions on the page
    and its ancestors, an alias (page or ancestor) standing for its source page."""
    from django.db.models.functions import Coalesce

    sources = Page.objects.filter(path__in=ancestor_paths(page.path)).values(
        source=Coalesce("alias_of_id", "id")
    )
    return PageViewRestriction.objects.filter(page_id__in=sources)


def page_view_restrictions(page: Page) -> QuerySet[PageViewRestriction]:
    """The view restrictions that apply to a page, read once per content generation.

    Every page view asks this two or three times (the serve hooks, the robots tag), and
    the answer changes only when content does: the evaluated list is kept in the shared
    cache under the page-cache generation, which any saved page or restriction moves on.
    The groups of each restriction come with it, so checking one costs no query for them.

    Args:
        page: a saved page.

    Returns:
        A queryset of PageViewRestriction, already evaluated (iterating it or testing it
        costs no query); a further ``filter`` or ``order_by`` reads the database afresh.
    """

    def load():
        # A pickled queryset keeps its results (and their prefetched groups).
        restrictions = _effective_restrictions(page).prefetch_related("groups")
        len(restrictions)
        return restrictions

    return RESTRICTIONS.get_or_set(load, "page", page.pk, page.path)


# The rule as the search index and the cache keys see it: one token per restriction,
# naming what it requires (``login``, ``password`` or ``groups:<ids>``).

LOGIN = "login"
PASSWORD = "password"  # noqa: S105 - a token name, not a secret


def restriction_token(restriction: PageViewRestriction) -> str:
    """The token naming what one restriction requires."""
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        return _token(restriction.restriction_type, [g.pk for g in restriction.groups.all()])
    return _token(restriction.restriction_type, ())


def _token(restriction_type: str, group_ids) -> str:
    if restriction_type == BaseViewRestriction.LOGIN:
        return LOGIN
    if restriction_type == BaseViewRestriction.GROUPS:
        return "groups:" + ("-".join(str(i) for i in sorted(group_ids)) or "none")
    return PASSWORD


def page_view_tokens(page: Page) -> list[str]:
    """The tokens of every restriction on ``page`` and its ancestors.

    Args:
        page: any page (specific or not).

    Returns:
        Sorted, distinct tokens; empty for a page everyone may see.
    """
    restrictions = PageViewRestriction.objects.filter(
        page__path__in=ancestor_paths(page.path)
    ).prefetch_related("groups")
    return sorted({restriction_token(r) for r in restrictions})


def view_tokens_by_path() -> dict[str, set[str]]:
    """{restricted page path: tokens}: two queries, for indexing many pages at once.

    Reads plain values, not model instances: a rebuild calls this once per chunk of
    1,000 pages, and with a few thousand restricted pages building their Page objects
    cost about a second each time.
    """
    found: dict[str, set[str]] = {}
    # Read afresh, not from the cached rows: an index write must see a restriction made
    # a moment ago.
    for r in _read_page_restrictions():
        found.setdefault(r.path, set()).add(_token(r.restriction_type, r.group_ids))
    return found


def tokens_for_path(path: str, by_path: dict[str, set[str]]) -> list[str]:
    tokens: set[str] = set()
    for prefix in ancestor_paths(path):
        tokens |= by_path.get(prefix, set())
    return sorted(tokens)


def collection_view_tokens(collection) -> list[str]:
    """The tokens of every view restriction on a collection and its ancestors."""
    from wagtail.models import CollectionViewRestriction

    if collection is None:
        return []
    ancestors = collection.get_ancestors(inclusive=True)
    restrictions = CollectionViewRestriction.objects.filter(
        collection__in=ancestors
    ).prefetch_related("groups")
    return sorted({restriction_token(r) for r in restrictions})


def _all_tokens() -> list[tuple[str, frozenset[int]]]:
    """Every distinct token in use, with the group ids it admits (cached until a change)."""

    def load():
        from wagtail.models import CollectionViewRestriction

        found = {}
        for model in (PageViewRestriction, CollectionViewRestriction):
            for restriction in model.objects.prefetch_related("groups"):
                found[restriction_token(restriction)] = frozenset(
                    g.pk for g in restriction.groups.all()
                )
        return sorted(found.items())

    return VIEW_TOKENS.get_or_set(load)


def failed_tokens(request_or_user) -> list[str]:
    """The tokens this user does not pass (``passes``): documents carrying any of them
    are hidden.

    Args:
        request_or_user: a request or a user.

    Returns:
        A list of tokens.
    """
    tokens = _all_tokens()
    if not tokens:
        return []
    viewer = viewer_of(request_or_user)
    return [token for token, admitted in tokens if not passes(viewer, _token_type(token), admitted)]


def _token_type(token: str) -> str:
    """The restriction type a token stands for (the inverse of ``_token``)."""
    if token == LOGIN:
        return BaseViewRestriction.LOGIN
    if token.startswith("groups:"):
        return BaseViewRestriction.GROUPS
    return BaseViewRestriction.PASSWORD


def audience_key(request) -> str:
    """A short key for what this request's user may view (read once per request): the
    same for everyone who is signed in (or not) alike and fails the same restrictions
    (``failed_tokens``, so ``passes``)."""
    viewer = viewer_of(request)
    memo = request.__dict__.get("_hub_audience")
    if memo is None or memo[0] != viewer:
        kind = "member" if viewer.signed_in else "anonymous"
        tokens = "|".join(failed_tokens(request))
        memo = (viewer, hashlib.sha256(f"{kind}|{tokens}".encode()).hexdigest()[:20])
        request._hub_audience = memo
    return memo[1]


# --- Onboarding: who reviews join applications, which groups they may grant ------------


def may_review_applications(request_or_user) -> bool:
    """Who may read the join applications and accept or refuse them in the admin: active
    superusers and the secretariat."""
    user = _user_of(request_or_user)
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or is_secretariat(user)


def onboarding_groups() -> list[Group]:
    """The groups an accepted applicant may be put in: the network's own (Experts, the
    Secretariat), then each country's space groups (coordinators, editors, ministry),
    country by country. Any other group a superuser made by hand is not offered."""
    from .models import SpaceGroup

    network = {g.name: g for g in Group.objects.filter(name__in=[EXPERTS_GROUP, SECRETARIAT_GROUP])}
    groups = [network[name] for name in (EXPERTS_GROUP, SECRETARIAT_GROUP) if name in network]
    roles = [role for role, _label in Role.choices]
    spaces = SpaceGroup.objects.select_related("group", "country").order_by("country__name")
    ordered = sorted(spaces, key=lambda sg: (sg.country.name, roles.index(sg.role)))
    groups += [sg.group for sg in ordered]
    return groups


def may_grant_group(request_or_user, group: Group) -> bool:
    """Whether a reviewer may put an accepted applicant in ``group``.

    The rule of the hub is that only superusers manage users and groups: a superuser may
    grant any onboarding group (staff-like ones included: a country's coordinators,
    editors and ministry, the Secretariat); the secretariat may only accept a member into
    the Experts group (members without admin rights).
    """
    user = _user_of(request_or_user)
    if not may_review_applications(user):
        return False
    if group.pk not in {g.pk for g in onboarding_groups()}:
        return False
    return user.is_superuser or group.name == EXPERTS_GROUP


def grantable_groups(request_or_user) -> list[Group]:
    """The onboarding groups the reviewer may grant (``may_grant_group``), in order."""
    user = _user_of(request_or_user)
    if not may_review_applications(user):
        return []
    return [g for g in onboarding_groups() if user.is_superuser or g.name == EXPERTS_GROUP]


def may_review_access(request_or_user) -> bool:
    """Who runs the yearly access review (confirm or deactivate accounts not seen for a
    year): active superusers only, who alone manage users."""
    user = _user_of(request_or_user)
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


# --- Questions and answers: who takes part in a page's threads, who moderates them ------


def may_take_part(request_or_user, page) -> bool:
    """Whether someone may read a page's questions and answers, ask and answer there:
    an active signed-in account that may view the live page (the threads are restricted
    exactly like the page they belong to: ``viewable_among``).

    Args:
        request_or_user: a request or a user (an email's recipient at sending time).
        page: the page the threads belong to (None: an orphaned thread, nobody's).

    Returns:
        True when the person may take part.
    """
    if page is None or not may_see_directory(request_or_user):
        return False
    return page.pk in viewable_among(request_or_user, [page])


def may_moderate_questions(request_or_user) -> bool:
    """Who hides and shows questions and answers (with a reason, nothing deleted) and reads
    their report in the admin: active superusers and the secretariat."""
    return may_review_applications(request_or_user)
