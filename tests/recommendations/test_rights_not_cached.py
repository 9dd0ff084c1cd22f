"""The tracker's admin rights come from ``countries.permissions.country_rights``: worked
out at most once per request, never kept on the user object (which outlives a change of
its groups)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import RequestFactory

from countries import permissions
from countries.models import Country
from recommendations.models import Implementation
from recommendations.permissions import TrackerPermissionPolicy, admin_visible_countries

pytestmark = pytest.mark.django_db


def user(username):
    return get_user_model().objects.get(username=username)


def test_the_same_user_object_sees_a_change_of_its_groups():
    policy = TrackerPermissionPolicy(Implementation)
    police = user("expert-police")
    before = set(vars(police))
    assert not policy.user_has_permission(police, "view")
    assert not admin_visible_countries(police).exists()

    police.groups.add(Group.objects.get(name=permissions.SECRETARIAT_GROUP))

    assert policy.user_has_permission(police, "view")
    assert set(admin_visible_countries(police)) == set(Country.objects.all())
    assert not policy.user_has_permission(police, "change")

    police.groups.remove(Group.objects.get(name=permissions.SECRETARIAT_GROUP))

    assert not policy.user_has_permission(police, "view")
    assert set(vars(police)) == before, "nothing is kept on the user object"


def test_rights_are_kept_for_one_request_only(django_assert_num_queries):
    coordinator = user("fi-coordinator")
    finland = Country.objects.get(code="FI")
    permissions.start_request_memo()
    try:
        rights = permissions.country_rights(coordinator)
        assert rights.may_change(finland.pk) and not rights.every_country
        with django_assert_num_queries(0):
            assert permissions.country_rights(coordinator) is rights
    finally:
        permissions.end_request_memo()
    coordinator.groups.clear()
    assert not permissions.country_rights(coordinator).may_view(finland.pk)


def test_rights_asked_of_a_request_are_kept_on_the_request(django_assert_num_queries):
    request = RequestFactory().get("/admin/")
    request.user = user("secretariat")
    before = set(vars(request.user))
    rights = permissions.country_rights(request)
    assert rights.every_country and not rights.change
    with django_assert_num_queries(0):
        assert permissions.country_rights(request) is rights
    assert set(vars(request.user)) == before


def test_a_request_served_by_the_client_ends_its_memo(client):
    from tests.accounts import sign_in

    sign_in(client, user("fi-coordinator"))
    assert client.get("/admin/").status_code == 200
    assert permissions._REQUEST_MEMO.get() is None
