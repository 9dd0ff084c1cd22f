"""The tracker's other write paths: Wagtail's admin screens, the API, the coordinators'
dashboard panel, and page deletion that would lose a history.

Every refusal leaves the implementation as it was: status, version and history.
"""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from countries.models import Country
from recommendations.models import Implementation, RecommendationPage, StatusUpdate
from recommendations.updates import apply_update
from tests.accounts import sign_in
from tests.recommendations.factories import (
    form_data,
    publish_recommendation,
    snapshot,
    tracker_page,
)

pytestmark = pytest.mark.django_db

REFUSED_USERS = ("se-editor", "fi-ministry", "expert-police")


# -- helpers ---------------------------------------------------------------------------
@pytest.fixture
def recommendation():
    return publish_recommendation("R-2099-01", countries=("FI", "SE"))


@pytest.fixture
def fi_impl(recommendation):
    return recommendation.implementations.get(country__code="FI")


@pytest.fixture
def se_impl(recommendation):
    return recommendation.implementations.get(country__code="SE")


def edit_url(implementation):
    return reverse("tracker_implementations:edit", args=[implementation.pk])


def api_url(implementation=None):
    if implementation is None:
        return "/api/v2/implementations/"
    return f"/api/v2/implementations/{implementation.pk}/"


def patch(client, implementation, body):
    return client.patch(
        api_url(implementation), data=json.dumps(body), content_type="application/json"
    )


def user(username):
    return get_user_model().objects.get(username=username)


# -- admin: the edit view --------------------------------------------------------------
def test_admin_edit_sends_anonymous_visitors_to_sign_in(client_for, fi_impl):
    before = snapshot(fi_impl)
    response = client_for(None).post(
        edit_url(fi_impl), form_data(fi_impl, status="planned", note="x")
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))
    assert snapshot(fi_impl) == before


def test_admin_edit_refuses_another_countrys_coordinator(client_for, se_impl):
    client = client_for("fi-coordinator")
    before = snapshot(se_impl)

    response = client.get(edit_url(se_impl))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")

    response = client.post(
        edit_url(se_impl),
        form_data(se_impl, status="implemented", summary="Finnish words", note="hijack"),
        follow=True,
    )
    assert "you do not have permission" in response.content.decode()
    assert snapshot(se_impl) == before


def test_admin_edit_saves_the_coordinators_update_with_history(client_for, fi_impl):
    client = client_for("fi-coordinator")
    page = client.get(edit_url(fi_impl))
    assert page.status_code == 200
    form = page.context["form"]
    assert "country" not in form.fields
    assert 'name="country"' not in page.content.decode()

    status, version, _summary, history = snapshot(fi_impl)
    response = client.post(
        edit_url(fi_impl),
        form_data(
            fi_impl,
            status="in_progress",
            summary="A national rapporteur's office was set up.",
            note="Decided by the government in March.",
        ),
    )
    assert response.status_code == 302
    assert response.url == reverse("tracker_implementations:index")
    fi_impl.refresh_from_db()
    assert fi_impl.status == "in_progress"
    assert fi_impl.version == version + 1
    assert fi_impl.updated_by == user("fi-coordinator")
    assert fi_impl.updates.count() == history + 1
    update = fi_impl.updates.first()
    assert (update.from_status, update.to_status) == (status, "in_progress")
    assert update.note == "Decided by the government in March."


def test_admin_edit_asks_for_a_note_when_the_status_changes(client_for, fi_impl):
    before = snapshot(fi_impl)
    response = client_for("fi-coordinator").post(
        edit_url(fi_impl), form_data(fi_impl, status="implemented")
    )
    assert response.status_code == 200
    assert "note" in response.context["form"].errors
    assert snapshot(fi_impl) == before


@pytest.mark.parametrize("username", REFUSED_USERS)
def test_admin_edit_refuses_users_without_the_right(client_for, fi_impl, username):
    client = client_for(username)
    before = snapshot(fi_impl)
    for response in (
        client.get(edit_url(fi_impl)),
        client.post(edit_url(fi_impl), form_data(fi_impl, status="planned", note="no")),
    ):
        assert response.status_code == 302
        # Editors land on the dashboard; users without admin access on the sign-in page.
        assert response.url == reverse("wagtailadmin_home") or response.url.startswith(
            reverse("wagtailadmin_login")
        )
    assert snapshot(fi_impl) == before


def test_admin_edit_refuses_a_stale_version(client_for, fi_impl):
    client = client_for("fi-coordinator")
    opened = form_data(fi_impl, status="planned", note="First plan.")
    # Someone else saves after the form was opened.
    apply_update(fi_impl, user("fi-coordinator"), {"summary": "Their change"}, version=None)
    before = snapshot(fi_impl)

    response = client.post(edit_url(fi_impl), opened)
    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    assert snapshot(fi_impl) == before


def test_admin_edit_offers_only_the_countrys_evidence(client_for, fi_impl):
    from practices.models import PracticePage

    response = client_for("fi-coordinator").get(edit_url(fi_impl))
    offered = set(response.context["form"].fields["evidence_practices"].queryset)
    assert offered, "the Finnish practices are offered"
    assert {p.country_page.country.code for p in offered} == {"FI"}
    swedish = PracticePage.objects.live().filter(country_page__country__code="SE").first()
    assert swedish not in offered


# -- admin: menu, listing, no add / delete / copy, read-only history -------------------
def test_tracker_menu_only_for_users_who_may_see_implementations(client_for):
    from django.contrib.auth.models import Permission

    outsider = get_user_model().objects.create_user("admin-outsider", password="x")
    outsider.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    menu_item = '"name": "tracker"'
    assert (
        menu_item in client_for("fi-coordinator").get(reverse("wagtailadmin_home")).content.decode()
    )
    response = client_for("admin-outsider").get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert menu_item not in response.content.decode()
    listing = client_for("admin-outsider").get(reverse("tracker_implementations:index"))
    assert listing.status_code == 302


def test_admin_listing_shows_only_the_users_countries(client_for, fi_impl, se_impl):
    response = client_for("fi-coordinator").get(
        reverse("tracker_implementations:index") + "?q=R-2099-01"
    )
    assert response.status_code == 200
    rows = list(response.context["object_list"])
    assert rows == [fi_impl]
    html = response.content.decode()
    assert edit_url(fi_impl) in html
    assert edit_url(se_impl) not in html
    # The country filter offers no other country.
    countries = set(response.context["filters"].form.fields["country"].queryset)
    assert countries == {Country.objects.get(code="FI")}


def test_admin_listing_shows_every_country_to_the_secretariat_without_edit_links(
    client_for, fi_impl, se_impl
):
    response = client_for("secretariat").get(
        reverse("tracker_implementations:index") + "?q=R-2099-01"
    )
    assert response.status_code == 200
    assert set(response.context["object_list"]) == {fi_impl, se_impl}
    html = response.content.decode()
    assert edit_url(fi_impl) not in html
    assert edit_url(se_impl) not in html
    # …and cannot open the form either.
    assert client_for("secretariat").get(edit_url(fi_impl)).status_code == 302


def test_admin_listing_filters_by_country_and_status(client_for, fi_impl, se_impl):
    apply_update(se_impl, user("se-coordinator"), {"status": "planned"}, note="Plan.")
    client = client_for("admin")
    index = reverse("tracker_implementations:index")
    country = Country.objects.get(code="SE")
    by_country = client.get(f"{index}?q=R-2099-01&country={country.pk}")
    assert list(by_country.context["object_list"]) == [se_impl]
    by_status = client.get(f"{index}?q=R-2099-01&status=not_started")
    assert list(by_status.context["object_list"]) == [fi_impl]


def test_admin_has_no_add_delete_or_copy(client_for, fi_impl):
    count = Implementation.objects.count()
    for username in ("admin", "fi-coordinator"):
        client = client_for(username)
        for url in (
            reverse("tracker_implementations:add"),
            reverse("tracker_implementations:delete", args=[fi_impl.pk]),
        ):
            assert client.get(url).status_code == 302
            assert client.post(url, form_data(fi_impl)).status_code == 302
        assert client.get(f"/admin/tracker/implementations/copy/{fi_impl.pk}/").status_code == 404
    assert Implementation.objects.count() == count
    assert Implementation.objects.filter(pk=fi_impl.pk).exists()


def test_admin_history_is_read_only(client_for, fi_impl, se_impl):
    apply_update(fi_impl, user("fi-coordinator"), {"status": "planned"}, note="Plan FI.")
    apply_update(se_impl, user("se-coordinator"), {"status": "planned"}, note="Plan SE.")
    fi_update = fi_impl.updates.get()
    se_update = se_impl.updates.get()

    client = client_for("fi-coordinator")
    listing = client.get(reverse("tracker_status_updates:index") + "?q=R-2099-01")
    assert listing.status_code == 200
    assert list(listing.context["object_list"]) == [fi_update]
    inspect = client.get(reverse("tracker_status_updates:inspect", args=[fi_update.pk]))
    assert inspect.status_code == 200
    assert "Plan FI." in inspect.content.decode()
    refused = client.get(reverse("tracker_status_updates:inspect", args=[se_update.pk]))
    assert refused.status_code == 302

    admin = client_for("admin")
    for url in (
        reverse("tracker_status_updates:edit", args=[fi_update.pk]),
        reverse("tracker_status_updates:delete", args=[fi_update.pk]),
    ):
        assert admin.post(url, {"note": "rewritten"}).status_code == 302
    fi_update = StatusUpdate.objects.get(pk=fi_update.pk)
    assert fi_update.note == "Plan FI."


# -- dashboard panel -------------------------------------------------------------------
def _needs_attention(implementation, *, target, stale=False):
    changes = {"target_date": target}
    if stale:
        long_ago = timezone.now() - datetime.timedelta(days=400)
        changes.update(created_at=long_ago, updated_at=None)
    Implementation.objects.filter(pk=implementation.pk).update(**changes)


def test_dashboard_panel_lists_the_coordinators_items(client_for, recommendation, fi_impl):
    _needs_attention(fi_impl, target=datetime.date(2000, 1, 1), stale=True)
    se_impl = recommendation.implementations.get(country__code="SE")
    _needs_attention(se_impl, target=datetime.date(2000, 1, 1))
    soon = publish_recommendation("R-2099-02", countries=("FI",))
    soon_impl = soon.implementations.get()
    _needs_attention(soon_impl, target=timezone.localdate() + datetime.timedelta(days=10))

    response = client_for("fi-coordinator").get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="tracker-attention-section"' in html
    assert "R-2099-01" in html
    assert "overdue" in html
    assert "Not updated since" in html
    assert "due in 10 days" in html
    assert recommendation.update_url(fi_impl.country) in html
    assert edit_url(fi_impl) in html
    assert edit_url(soon_impl) in html
    # Sweden's item is not Finland's business.
    assert edit_url(se_impl) not in html
    assert recommendation.update_url(se_impl.country) not in html


def test_overdue_is_marked_as_a_warning_in_words(client_for, fi_impl):
    from bs4 import BeautifulSoup

    _needs_attention(fi_impl, target=datetime.date(2000, 1, 1))
    response = client_for("fi-coordinator").get(reverse("wagtailadmin_home"))
    panel = BeautifulSoup(response.content, "html.parser").find(id="tracker-attention-section")
    badge = panel.find(class_="hub-overdue")
    assert badge.get_text(strip=True) == "overdue"  # the words, not the colour alone
    # Wagtail's critical colours, not the blue of an information label, and its icon.
    assert {"w-bg-critical-50", "w-text-critical-200"} <= set(badge["class"])
    assert badge.find("svg", class_="icon-warning") is not None


def test_dashboard_panel_is_absent_without_the_right(client_for, fi_impl):
    _needs_attention(fi_impl, target=datetime.date(2000, 1, 1))
    response = client_for("se-editor").get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "tracker-attention" not in response.content.decode()
    # No admin at all for experts, so no panel either.
    response = client_for("expert-police").get(reverse("wagtailadmin_home"))
    assert response.status_code == 302

    from django.test import RequestFactory

    from recommendations.admin_views import attention_panel_for

    request = RequestFactory().get("/admin/")
    request.user = user("expert-police")
    assert attention_panel_for(request) is None


def test_dashboard_panel_queries_do_not_grow_with_items(client_for):
    client = client_for("fi-coordinator")

    def count_queries():
        # Publishing moves the content generation on: warm what is cached per generation
        # (the site, restrictions), so only the panel's own reads are compared.
        client.get(reverse("wagtailadmin_home"))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("wagtailadmin_home")).status_code == 200
        return len(queries)

    for n in range(3, 5):
        page = publish_recommendation(f"R-2099-{n:02d}", countries=("FI",))
        _needs_attention(page.implementations.get(), target=datetime.date(2000, 1, n))
    few = count_queries()
    for n in range(5, 11):
        page = publish_recommendation(f"R-2099-{n:02d}", countries=("FI",))
        _needs_attention(page.implementations.get(), target=datetime.date(2000, 1, n))
    assert count_queries() == few


# -- deleting a page whose recommendations have a history ------------------------------
def test_deleting_a_recommendation_with_history_is_refused(client_for, fi_impl, recommendation):
    apply_update(fi_impl, user("fi-coordinator"), {"status": "planned"}, note="Plan.")
    client = client_for("admin")
    url = reverse("wagtailadmin_pages:delete", args=[recommendation.pk])

    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert "Unpublish" in response.content.decode()
    assert RecommendationPage.objects.filter(pk=recommendation.pk).exists()
    assert fi_impl.updates.count() == 1

    tracker = tracker_page()
    response = client.post(reverse("wagtailadmin_pages:delete", args=[tracker.pk]))
    assert response.status_code == 302
    assert Page.objects.filter(pk=tracker.pk).exists()

    response = client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        + f"?id={recommendation.pk}"
    )
    assert response.status_code == 302
    assert RecommendationPage.objects.filter(pk=recommendation.pk).exists()


def test_copying_a_recommendation_is_refused_with_a_message(client_for, recommendation):
    count = RecommendationPage.objects.count()
    response = client_for("admin").post(
        reverse("wagtailadmin_pages:copy", args=[recommendation.pk]),
        {"new_title": "Copy", "new_slug": "copy-r-2099-01", "new_parent_page": tracker_page().pk},
        follow=True,
    )
    assert response.status_code == 200
    assert "cannot be copied" in response.content.decode()
    assert RecommendationPage.objects.count() == count


def test_a_recommendation_without_history_can_be_deleted(client_for):
    page = publish_recommendation("R-2099-20", countries=("FI",))
    response = client_for("admin").post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302
    assert not RecommendationPage.objects.filter(pk=page.pk).exists()


# -- API -------------------------------------------------------------------------------
def test_api_lists_what_the_matrix_shows(client_for, fi_impl, se_impl):
    publish_recommendation("R-2099-30", countries=("FI",), audience="members")
    anonymous = client_for(None).get(api_url(), {"recommendation": "R-2099-01"})
    assert anonymous.status_code == 200
    items = anonymous.json()["items"]
    assert {(i["country"]["code"], i["status_label"]) for i in items} == {
        ("FI", "Not started"),
        ("SE", "Not started"),
    }
    assert all(i["can_update"] is False for i in items)
    # Not one anonymous visitors may view: refused like a code that does not exist (issue
    # 21: a value that names nothing is refused, never an empty or a full list).
    hidden = client_for(None).get(api_url(), {"recommendation": "R-2099-30"})
    assert hidden.status_code == 400
    assert "items" not in hidden.json()
    # The same answer as for a code that does not exist: nothing tells that it does.
    missing = client_for(None).get(api_url(), {"recommendation": "R-2099-99"}).json()
    assert hidden.json()["message"] == missing["message"].replace("R-2099-99", "R-2099-30")

    member = client_for("fi-coordinator")
    members_only = member.get(api_url(), {"recommendation": "R-2099-30"}).json()["items"]
    assert [i["can_update"] for i in members_only] == [True]
    mine = member.get(api_url(fi_impl)).json()
    assert mine["can_update"] is True
    assert member.get(api_url(se_impl)).json()["can_update"] is False

    assert client_for(None).get(api_url(), {"colour": "red"}).status_code == 400


def test_api_patch_refuses_anonymous_visitors(client_for, fi_impl):
    before = snapshot(fi_impl)
    response = patch(
        client_for(None), fi_impl, {"status": "planned", "note": "x", "version": fi_impl.version}
    )
    assert response.status_code in (401, 403)
    assert snapshot(fi_impl) == before


def test_api_patch_refuses_another_countrys_coordinator(client_for, se_impl):
    before = snapshot(se_impl)
    response = patch(
        client_for("fi-coordinator"),
        se_impl,
        {"status": "implemented", "note": "hijack", "version": se_impl.version},
    )
    assert response.status_code == 403
    assert snapshot(se_impl) == before


@pytest.mark.parametrize("username", REFUSED_USERS)
def test_api_patch_refuses_users_without_the_right(client_for, fi_impl, username):
    before = snapshot(fi_impl)
    response = patch(
        client_for(username),
        fi_impl,
        {"status": "planned", "note": "no", "version": fi_impl.version},
    )
    assert response.status_code == 403
    assert snapshot(fi_impl) == before


def test_api_patch_saves_the_coordinators_update(client_for, fi_impl):
    status, version, _summary, history = snapshot(fi_impl)
    response = patch(
        client_for("fi-coordinator"),
        fi_impl,
        {
            "status": "partly",
            "summary": "Two of three measures are in place.",
            "target_date": "2030-06-30",
            "note": "Reported to the ministry.",
            "version": version,
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "partly"
    assert body["version"] == version + 1
    fi_impl.refresh_from_db()
    assert fi_impl.status == "partly"
    assert fi_impl.summary == "Two of three measures are in place."
    assert fi_impl.target_date == datetime.date(2030, 6, 30)
    assert fi_impl.version == version + 1
    assert fi_impl.updates.count() == history + 1
    update = fi_impl.updates.first()
    assert body["history_entry"] == update.pk
    assert (update.from_status, update.to_status, update.user) == (
        status,
        "partly",
        user("fi-coordinator"),
    )


def test_api_patch_refuses_a_stale_version(client_for, fi_impl):
    old_version = fi_impl.version
    apply_update(fi_impl, user("fi-coordinator"), {"summary": "Their change"}, version=None)
    before = snapshot(fi_impl)
    response = patch(
        client_for("fi-coordinator"),
        fi_impl,
        {"summary": "Mine", "version": old_version},
    )
    assert response.status_code == 409
    assert response.json()["current_version"] == old_version + 1
    assert snapshot(fi_impl) == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "finished", "note": "x"}, "status"),
        ({"status": "implemented"}, "note"),
        ({"target_date": "next spring"}, "target_date"),
        ({"country": "SE"}, "country"),
        ({"summary": "No version"}, "version"),
    ],
)
def test_api_patch_rejects_bad_input(client_for, fi_impl, body, field):
    before = snapshot(fi_impl)
    if field != "version":
        body = {**body, "version": fi_impl.version}
    response = patch(client_for("fi-coordinator"), fi_impl, body)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert snapshot(fi_impl) == before


def test_api_patch_needs_the_csrf_token(fi_impl):
    client = Client(enforce_csrf_checks=True)
    sign_in(client, user("fi-coordinator"))
    before = snapshot(fi_impl)
    body = {"status": "planned", "note": "Plan.", "version": fi_impl.version}
    response = patch(client, fi_impl, body)
    assert response.status_code == 403
    assert snapshot(fi_impl) == before

    token = "a" * 32
    client.cookies["csrftoken"] = token
    response = client.patch(
        api_url(fi_impl),
        data=json.dumps(body),
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 200
    assert snapshot(fi_impl)[:2] == ("planned", before[1] + 1)
