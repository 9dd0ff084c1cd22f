"""Who may see and change implementations in Wagtail's admin, as a permission policy.

The rules themselves live in ``countries.permissions`` (``country_rights``: the secretariat
sees every country, a country's groups their own, guardian's ``manage_implementation``
changes); this module only states them in the shape Wagtail's admin asks for
(``user_has_permission_for_instance`` and friends). No right is cached on the user object.
Nobody adds, deletes or copies an implementation or a status update in the admin: the
tracker creates implementations when a recommendation is published, and the history is
append-only.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from wagtail.permission_policies import BasePermissionPolicy

from countries.choices import Role
from countries.permissions import (
    can_manage_implementation,
    can_view_document,
    country_rights,
    user_countries,
    users_with_country_rights,
    viewable_pages,
)

if TYPE_CHECKING:
    from countries.models import Country

    from .models import Implementation

#: What the admin screens of the tracker allow at all; every other action is refused.
VIEW, CHANGE = "view", "change"


def admin_visible_countries(user) -> QuerySet[Country]:
    """The countries whose implementations the user sees in the admin: every country for
    superusers and the secretariat, the user's own countries for the countries' groups
    (``countries.permissions.country_rights``).

    Args:
        user: a user.

    Returns:
        A queryset of Country.
    """
    from countries.models import Country

    return Country.objects.filter(pk__in=country_rights(user).visible)


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
        rights = country_rights(user)
        if CHANGE in actions and rights.change:
            return True
        return VIEW in actions and bool(rights.every_country or rights.view)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = self._actions(actions)
        if not actions:
            return False
        # country_rights holds manageable_countries: the same per-object rule as
        # can_manage_implementation, worked out once per request instead of once per row.
        rights = country_rights(user)
        country_id = _country_id(instance)
        if CHANGE in actions and rights.may_change(country_id):
            return True
        return VIEW in actions and rights.may_view(country_id)

    def instances_user_has_any_permission_for(self, user, actions):
        actions = self._actions(actions)
        manager = self.model._default_manager
        rights = country_rights(user)
        countries = set()
        if VIEW in actions:
            if rights.every_country:
                return manager.all()
            countries |= rights.visible
        if CHANGE in actions:
            countries |= rights.change
        if not countries:
            return manager.none()
        lookup = (
            "country__in"
            if not hasattr(self.model, "implementation")
            else ("implementation__country__in")
        )
        return manager.filter(**{lookup: countries})

    def users_with_any_permission(self, actions):
        actions = self._actions(actions)
        return users_with_country_rights(view=VIEW in actions, change=CHANGE in actions)


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


# --- Reporting rounds -----------------------------------------------------------------


def may_run_reporting_round(user, country: Country) -> bool:
    """Whether the user may open a country's reporting round and confirm its statuses:
    the same right as updating them (``can_manage_implementation``: its coordinators).

    Args:
        user: the user.
        country: the country of the round.

    Returns:
        True for the country's coordinators (and superusers, who hold every right).
    """
    return can_manage_implementation(user, country)


def may_sign_off_reporting_round(user, country: Country) -> bool:
    """Whether the user may sign off a country's reporting round: a member of that
    country's ministry group, and nobody else (not another country's ministry, not the
    coordinators who confirmed it, not superusers by their status alone).

    Args:
        user: the user.
        country: the country of the round.

    Returns:
        True for an active member of the country's "ministry" group.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user_countries(user, roles=(Role.MINISTRY,)).filter(pk=country.pk).exists()
