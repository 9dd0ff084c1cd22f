"""Who may see and change implementations in Wagtail's admin, as a permission policy.

The rules themselves live in ``countries.permissions``; this module only states them in
the shape Wagtail's admin asks for (``user_has_permission_for_instance`` and friends).
Nobody adds, deletes or copies an implementation or a status update in the admin: the
tracker creates implementations when a recommendation is published, and the history is
append-only.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies import BasePermissionPolicy

from countries.permissions import (
    SECRETARIAT_GROUP,
    can_view_document,
    manageable_countries,
    user_countries,
    viewable_pages,
)

if TYPE_CHECKING:
    from countries.models import Country

    from .models import Implementation

#: What the admin screens of the tracker allow at all; every other action is refused.
VIEW, CHANGE = "view", "change"

_CACHE = "_tracker_admin_rights"


def _rights(user) -> dict:
    """The user's tracker rights, worked out once per user object (so once per request).

    Returns:
        ``{"all": bool, "view": set of country ids, "change": set of country ids}``.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return {"all": False, "view": set(), "change": set()}
    cached = getattr(user, _CACHE, None)
    if cached is not None:
        return cached
    from countries.models import Country

    sees_all = user.is_superuser or user.groups.filter(name=SECRETARIAT_GROUP).exists()
    viewable = Country.objects.all() if sees_all else user_countries(user)
    rights = {
        "all": sees_all,
        "view": set(viewable.values_list("pk", flat=True)),
        "change": set(manageable_countries(user).values_list("pk", flat=True)),
    }
    setattr(user, _CACHE, rights)
    return rights


def admin_visible_countries(user) -> QuerySet[Country]:
    """The countries whose implementations the user sees in the admin: every country for
    superusers and the secretariat, the user's own countries for the countries' groups.

    Args:
        user: a user.

    Returns:
        A queryset of Country.
    """
    from countries.models import Country

    return Country.objects.filter(pk__in=_rights(user)["view"] | _rights(user)["change"])


def _country_id(instance) -> int:
    # An Implementation, or a StatusUpdate (whose implementation decides).
    implementation = getattr(instance, "implementation", instance)
    return implementation.country_id


class TrackerPermissionPolicy(BasePermissionPolicy):
    """The admin policy of Implementation (and, read-only, of StatusUpdate).

    - ``view``: superusers and the secretariat see every country; a country's groups see
      their countries; everyone else nothing (and no menu item).
    - ``change`` (Implementation only): ``can_manage_implementation`` on the instance's
      country, checked per object.
    - anything else (add, delete, copy, …): nobody, superusers included.
    """

    def __init__(self, model, *, editable: bool = True):
        super().__init__(model)
        self.editable = editable

    def _actions(self, actions) -> set[str]:
        allowed = {VIEW, CHANGE} if self.editable else {VIEW}
        return set(actions) & allowed

    def user_has_permission(self, user, action):
        return self.user_has_any_permission(user, [action])

    def user_has_any_permission(self, user, actions):
        actions = self._actions(actions)
        rights = _rights(user)
        if CHANGE in actions and rights["change"]:
            return True
        return VIEW in actions and bool(rights["all"] or rights["view"])

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = self._actions(actions)
        if not actions:
            return False
        # _rights holds manageable_countries: the same per-object rule as
        # can_manage_implementation, worked out once instead of once per row.
        rights = _rights(user)
        country_id = _country_id(instance)
        if CHANGE in actions and country_id in rights["change"]:
            return True
        if VIEW in actions:
            return rights["all"] or country_id in rights["view"] or country_id in rights["change"]
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        actions = self._actions(actions)
        manager = self.model._default_manager
        rights = _rights(user)
        countries = set()
        if VIEW in actions:
            if rights["all"]:
                return manager.all()
            countries |= rights["view"] | rights["change"]
        if CHANGE in actions:
            countries |= rights["change"]
        if not countries:
            return manager.none()
        lookup = (
            "country__in"
            if not hasattr(self.model, "implementation")
            else ("implementation__country__in")
        )
        return manager.filter(**{lookup: countries})

    def users_with_any_permission(self, actions):
        from guardian.shortcuts import get_users_with_perms

        from countries.models import Country

        actions = self._actions(actions)
        users = get_user_model().objects.filter(is_active=True)
        found = Q(is_superuser=True)
        if VIEW in actions:
            found |= Q(groups__name=SECRETARIAT_GROUP) | Q(groups__space__isnull=False)
        if CHANGE in actions:
            for country in Country.objects.all():
                holders = get_users_with_perms(
                    country,
                    only_with_perms_in=["manage_implementation"],
                    with_group_users=True,
                )
                found |= Q(pk__in=holders.values("pk"))
        return users.filter(found).distinct() if actions else users.none()


def evidence_choices(request, implementation: Implementation) -> tuple[QuerySet, QuerySet]:
    """The practices and documents a write form may offer as evidence of an implementation:
    the implementation's own country's, and only those this user may view.

    Args:
        request: the current request (its user and session decide what is visible).
        implementation: the implementation being edited.

    Returns:
        ``(practices, documents)``: a queryset of PracticePage and one of the document model.
    """
    from django.core.exceptions import ObjectDoesNotExist
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    from practices.models import PracticePage

    country = implementation.country
    try:
        space = country.page
    except ObjectDoesNotExist:
        practices = PracticePage.objects.none()
    else:
        practices = viewable_pages(request, PracticePage.objects.descendant_of(space)).order_by(
            "title"
        )

    documents = get_document_model().objects.none()
    root = Collection.objects.filter(name=country.name, depth=2).first()
    if root is not None:
        # The country's collections (its own, members-only, team-only): a handful.
        allowed = [
            collection.pk
            for collection in root.get_descendants(inclusive=True)
            # The document rule, asked for any document of this collection.
            if can_view_document(request, SimpleNamespace(collection=collection))
        ]
        documents = get_document_model().objects.filter(collection__in=allowed).order_by("title")
    return practices, documents
