import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import translation
from guardian.models import GroupObjectPermission
from wagtail.models import (
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from countries.models import Country


def state():
    """Everything setup_spaces is responsible for, as comparable data."""
    return {
        "groups": sorted(
            (g.name, tuple(sorted(p.codename for p in g.permissions.all())))
            for g in Group.objects.all()
        ),
        "page_permissions": sorted(
            GroupPagePermission.objects.values_list(
                "group__name", "page__url_path", "permission__codename"
            )
        ),
        "collection_permissions": sorted(
            GroupCollectionPermission.objects.values_list(
                "group__name", "collection__name", "permission__codename"
            )
        ),
        "collection_restrictions": sorted(
            (r.collection.name, r.restriction_type, tuple(sorted(g.name for g in r.groups.all())))
            for r in CollectionViewRestriction.objects.all()
        ),
        "workflows": sorted(WorkflowPage.objects.values_list("page__url_path", "workflow__name")),
        "workflow_tasks": sorted(WorkflowTask.objects.values_list("workflow__name", "task__name")),
        "active_workflows": sorted(Workflow.objects.filter(active=True).values_list("name")),
        "object_permissions": sorted(
            GroupObjectPermission.objects.values_list(
                "group__name", "permission__codename", "object_pk"
            )
        ),
    }


@pytest.mark.django_db
def test_running_twice_changes_nothing():
    call_command("setup_spaces", verbosity=0)
    first = state()
    call_command("setup_spaces", verbosity=0)
    assert state() == first
    assert Country.objects.count() == 8
    assert len(first["workflows"]) == 8


@pytest.mark.django_db
def test_the_callers_language_changes_nothing():
    """Run from a thread that serves Finnish pages, the command still finds its groups
    and workflows by their stored (source-language) names instead of making new ones."""
    before = state()
    with translation.override("fi"):
        call_command("setup_spaces", verbosity=0)
    assert state() == before


@pytest.mark.django_db
def test_repairs_tampered_rights():
    call_command("setup_spaces", verbosity=0)
    expected = state()
    editors = Group.objects.get(name="Finland editors")
    publish = Permission.objects.get(codename="publish_page")
    GroupPagePermission.objects.create(
        group=editors,
        page=GroupPagePermission.objects.filter(group=editors).first().page,
        permission=publish,
    )
    editors.permissions.add(Permission.objects.get(codename="change_user"))
    Group.objects.create(name="Moderators")
    call_command("setup_spaces", verbosity=0)
    assert state() == expected


@pytest.mark.django_db
def test_no_group_may_manage_users_or_groups():
    manage = Permission.objects.filter(
        content_type__app_label="auth",
        codename__in=[
            "add_user",
            "change_user",
            "delete_user",
            "add_group",
            "change_group",
            "delete_group",
        ],
    )
    assert not Group.objects.filter(permissions__in=manage).exists()


@pytest.mark.django_db
def test_wagtail_default_groups_and_root_workflow_are_gone():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert not WorkflowPage.objects.filter(page__depth=1).exists()


@pytest.mark.django_db
def test_each_country_has_three_groups_and_rights_on_its_own_space_only():
    for country in Country.objects.all():
        names = {
            f"{country.name} coordinators",
            f"{country.name} editors",
            f"{country.name} ministry",
        }
        assert set(country.space_groups.values_list("group__name", flat=True)) == names
        for name in names:
            paths = set(
                GroupPagePermission.objects.filter(group__name=name).values_list(
                    "page__url_path", flat=True
                )
            )
            assert paths <= {country.page.url_path}


@pytest.mark.django_db
def test_secretariat_edits_taxonomies_and_settings_only():
    codenames = set(
        Group.objects.get(name="Secretariat").permissions.values_list("codename", flat=True)
    )
    assert {"change_formofexploitation", "add_organisation", "change_hubsettings"} <= codenames
    assert not {c for c in codenames if "hubdocument" in c or "country" in c or "user" in c}
