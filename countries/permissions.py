"""Every country-permission rule of the hub, in one place.

Views, templates, hooks and commands call these helpers; none re-implements a rule. The
database is the authority: Wagtail's PageViewRestriction decides who may view a page,
GroupPagePermission who may edit it, and django-guardian who may update a country's
implementations in the tracker.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet
from django.db.models.lookups import StartsWith
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from core import generations

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
    from .models import CountryPage

    if not page.path:
        return None
    space = (
        CountryPage.objects.filter(path__in=ancestor_paths(page.path))
        .select_related("country")
        .first()
    )
    return space.country if space else None


def ancestor_paths(path: str) -> list[str]:
    """The tree paths of a page's ancestors and of the page itself, root first."""
    steplen = Page.steplen
    return [path[:i] for i in range(steplen, len(path) + 1, steplen)]


def failed_view_restrictions(request_or_user) -> QuerySet[PageViewRestriction]:
    """The view restrictions this user does not pass.

    Password restrictions always count as failed: the hub does not use them, and a listing
    must never rely on a password typed into another tab.

    Args:
        request_or_user: a request or a user.

    Returns:
        A queryset of PageViewRestriction.
    """
    user = _user_of(request_or_user)
    restrictions = PageViewRestriction.objects.all()
    if user.is_authenticated and user.is_superuser:
        return restrictions.none()
    if not user.is_authenticated:
        return restrictions
    return restrictions.exclude(restriction_type=BaseViewRestriction.LOGIN).exclude(
        restriction_type=BaseViewRestriction.GROUPS, groups__in=user.groups.all()
    )


def viewable_pages(request_or_user, queryset: QuerySet | None = None) -> QuerySet:
    """Live pages the user may view: the filter for every listing, menu, feed and export.

    One SQL query whatever the number of restrictions: a page is hidden when any of its
    ancestors (or itself) carries a restriction the user fails.

    Args:
        request_or_user: a request or a user.
        queryset: the pages to filter (a queryset of Page or of a specific page type);
            all pages when omitted.

    Returns:
        The queryset narrowed to live pages this user may view.
    """
    if queryset is None:
        queryset = Page.objects.all()
    # The page's own path starts with the restricted page's path: it is that page or
    # one of its descendants.
    blocking = failed_view_restrictions(request_or_user).filter(
        StartsWith(ExpressionWrapper(OuterRef("path"), output_field=CharField()), F("page__path"))
    )
    return queryset.live().filter(~Exists(blocking))


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


def _failed_restriction_paths(request_or_user) -> set[str]:
    """Paths of the pages whose view restriction the user fails (the rule of
    ``failed_view_restrictions``: superusers pass all, anonymous users none, others pass
    ``login`` and the groups they belong to, nobody a password in a listing)."""
    user = _user_of(request_or_user)
    restrictions = _every_page_restriction()
    if user.is_authenticated and user.is_superuser:
        return set()
    if not user.is_authenticated:
        return {path for path, _type, _groups in restrictions}
    group_ids = _group_ids(request_or_user)
    failed = set()
    for path, restriction_type, admitted in restrictions:
        if restriction_type == BaseViewRestriction.LOGIN:
            continue
        if restriction_type == BaseViewRestriction.GROUPS and admitted & group_ids:
            continue
        failed.add(path)
    return failed


def _group_ids(request_or_user) -> frozenset[int]:
    """The ids of the user's groups, read once per request (one search or page asks
    several times). Never memoised on the user, which outlives a change."""
    user = _user_of(request_or_user)
    memo = request_or_user.__dict__ if request_or_user is not user else {}
    group_ids = memo.get("_hub_group_ids")
    if group_ids is None:
        group_ids = memo["_hub_group_ids"] = frozenset(user.groups.values_list("pk", flat=True))
    return group_ids


def _restrictions_key(name: str) -> str:
    """A cache key that a change of any page, restriction or restriction's groups (each
    moves a generation on) leaves behind."""
    from core.pagecache import GENERATION

    return f"hub:{name}:{generations.current(GENERATION)}:{generations.current(TOKENS_GENERATION)}"


def _every_collection_restriction() -> list:
    """Every collection view restriction, with its collection and groups."""
    from wagtail.models import CollectionViewRestriction

    key = _restrictions_key("collection-restrictions")
    restrictions = generations.get(key)
    if restrictions is None:
        restrictions = list(
            CollectionViewRestriction.objects.select_related("collection").prefetch_related(
                "groups"
            )
        )
        generations.set(key, restrictions, 3600)
    return restrictions


def _every_page_restriction() -> list[tuple[str, str, frozenset[int]]]:
    """(page path, type, admitted group ids) of every page view restriction."""

    key = _restrictions_key("page-restrictions")
    restrictions = generations.get(key)
    if restrictions is None:
        restrictions = [
            (r.page.path, r.restriction_type, frozenset(g.pk for g in r.groups.all()))
            for r in PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        ]
        generations.set(key, restrictions, 3600)
    return restrictions


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

    As in ``failed_view_restrictions``, a password restriction counts as failed: what a
    list or a page shows must not rely on a password typed into another tab, and the
    cached parts of pages are shared by everyone who fails the same restrictions.

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
    user = _user_of(request_or_user)
    group_ids = None
    failed_paths = set()
    for restriction in restrictions:
        if restriction.restriction_type == BaseViewRestriction.GROUPS:
            if user.is_authenticated and user.is_superuser:
                continue
            if group_ids is None:
                group_ids = _group_ids(request_or_user) if user.is_authenticated else frozenset()
            passed = any(group.pk in group_ids for group in restriction.groups.all())
        else:
            passed = (
                restriction.restriction_type == BaseViewRestriction.LOGIN and user.is_authenticated
            )
        if not passed:
            failed_paths.add(restriction.collection.path)
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
    """The Readers of (restriction type, admitted group ids) pairs that all apply: the
    strictest tier and, for several groups restrictions, the groups every one admits. A
    password counts as a groups restriction nobody passes, as in listings."""
    tier, groups = Readers.EVERYONE, None
    for restriction_type, admitted in restrictions:
        if restriction_type == BaseViewRestriction.LOGIN:
            tier = max(tier, Readers.SIGNED_IN)
            continue
        if restriction_type != BaseViewRestriction.GROUPS:
            admitted = frozenset()
        tier = Readers.GROUPS
        groups = frozenset(admitted) if groups is None else groups & admitted
    return Readers(tier, groups or frozenset())


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
        (restriction_type, admitted)
        for path, restriction_type, admitted in _every_page_restriction()
        if path in paths and not (has_audience and path == page.path)
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
    group: only superusers see it, which is the safe failure.

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
    country = country_for_page(page)
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

    from core.pagecache import GENERATION

    key = f"hub:restrictions:{generations.current(GENERATION)}:{page.pk}:{page.path}"
    restrictions = generations.get(key)
    if restrictions is None:
        # A pickled queryset keeps its results (and their prefetched groups).
        restrictions = _effective_restrictions(page).prefetch_related("groups")
        len(restrictions)
        generations.set(key, restrictions, 3600)
    return restrictions


# The rule as the search index and the cache keys see it: one token per restriction,
# naming what it requires (``login``, ``password`` or ``groups:<ids>``).

LOGIN = "login"
PASSWORD = "password"  # noqa: S105 - a token name, not a secret
TOKENS_GENERATION = "view-tokens"


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
    groups: dict[int, list[int]] = {}
    through = PageViewRestriction.groups.through
    for restriction_id, group_id in through.objects.values_list("pageviewrestriction", "group"):
        groups.setdefault(restriction_id, []).append(group_id)
    found: dict[str, set[str]] = {}
    restrictions = PageViewRestriction.objects.values_list("pk", "restriction_type", "page__path")
    for pk, restriction_type, path in restrictions:
        found.setdefault(path, set()).add(_token(restriction_type, groups.get(pk, ())))
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
    key = f"search:view-tokens:{generations.current(TOKENS_GENERATION)}"
    tokens = generations.get(key)
    if tokens is None:
        from wagtail.models import CollectionViewRestriction

        found = {}
        for model in (PageViewRestriction, CollectionViewRestriction):
            for restriction in model.objects.prefetch_related("groups"):
                token = restriction_token(restriction)
                found[token] = frozenset(g.pk for g in restriction.groups.all())
        tokens = sorted(found.items())
        generations.set(key, tokens, 3600)
    return tokens


def failed_tokens(request_or_user) -> list[str]:
    """The tokens this user does not pass: documents carrying any of them are hidden.

    The rule of ``failed_view_restrictions``: superusers pass everything, anonymous users
    nothing, others pass ``login`` and the groups they belong to; nobody passes a password
    restriction in a listing.

    Args:
        request_or_user: a request or a user.

    Returns:
        A list of tokens.
    """
    user = _user_of(request_or_user)
    tokens = _all_tokens()
    if user.is_authenticated and user.is_superuser:
        return []
    if not user.is_authenticated:
        return [token for token, _ in tokens]
    group_ids = _group_ids(request_or_user)
    failed = []
    for token, admitted in tokens:
        if token == LOGIN:
            continue
        if token.startswith("groups:") and admitted & group_ids:
            continue
        failed.append(token)
    return failed


def forget_tokens() -> None:
    """Drop the cached token list (every process sees the new version)."""
    generations.bump(TOKENS_GENERATION)


def audience_key(request) -> str:
    """A short key for what this request's user may view (read once per request): the
    same for everyone who is signed in (or not) alike and fails the same restrictions."""
    memo = request.__dict__.get("_hub_audience")
    if memo is None:
        kind = "member" if _user_of(request).is_authenticated else "anonymous"
        tokens = "|".join(failed_tokens(request))
        memo = hashlib.sha256(f"{kind}|{tokens}".encode()).hexdigest()[:20]
        request._hub_audience = memo
    return memo
