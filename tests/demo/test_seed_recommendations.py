"""The demo tracker that seed_demo builds: every country's follow-up with a history."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from demo.seeding.recommendations import _target_day
from recommendations.choices import Status
from recommendations.models import (
    DUE_SOON,
    Implementation,
    RecommendationPage,
    StatusUpdate,
    TrackerPage,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_content")]


def _recommendations():
    return RecommendationPage.objects.live().prefetch_related("target_countries")


def test_tracker_is_in_the_menu_with_at_least_twelve_recommendations():
    tracker = TrackerPage.objects.get()
    assert tracker.url == "/recommendations/"
    assert tracker.live and tracker.show_in_menus
    assert tracker.owner.username == "secretariat"
    children = RecommendationPage.objects.child_of(tracker).live()
    assert children.count() >= 12
    assert {page.theme for page in children} >= {"cooperation", "labour", "data"}


def test_network_recommendation_comes_from_the_helsinki_seminar_report():
    page = RecommendationPage.objects.get(code="R-2022-01")
    assert "network of national anti-trafficking coordinators" in page.title
    assert page.source_seminar.slug == "helsinki-2021"
    assert page.source_report.endswith("seminar report")
    assert page.source_document == page.source_seminar.report
    assert page.issued.isoformat() == "2022-03-21"
    assert page.url == "/recommendations/nordic-network-of-coordinators/"
    statuses = list(page.implementations.values_list("status", flat=True))
    assert len(statuses) == 8
    assert statuses.count(Status.IMPLEMENTED) > len(statuses) / 2


def test_some_recommendations_come_from_named_reports_and_only_target_the_states():
    pages = _recommendations()
    reports = {page.source_report for page in pages if not page.source_seminar_id}
    assert "Nordic study on labour exploitation 2024" in reports
    states_only = [
        page
        for page in pages
        if {c.code for c in page.target_countries.all()} == {"DK", "FI", "IS", "NO", "SE"}
    ]
    assert states_only


def test_members_only_recommendations_are_restricted_to_signed_in_members():
    members = RecommendationPage.objects.filter(audience="members")
    assert 1 <= members.count() <= 2
    for page in members:
        restriction = PageViewRestriction.objects.get(page=page)
        assert restriction.restriction_type == PageViewRestriction.LOGIN
    public = RecommendationPage.objects.filter(audience="public")
    assert not PageViewRestriction.objects.filter(page__in=public).exists()


def test_every_target_country_has_an_implementation_with_a_history():
    for page in _recommendations():
        targeted = {country.pk for country in page.target_countries.all()}
        implementations = page.implementations.all()
        assert {item.country_id for item in implementations} == targeted, page.code
        for item in implementations:
            assert item.updates.exists(), f"{page.code} {item.country_id}"
            assert item.responsible_authority and item.summary, f"{page.code} {item.country_id}"


def test_histories_are_chronological_and_chain_to_the_current_status():
    now = timezone.now()
    implementations = Implementation.objects.select_related("recommendation", "updated_by")
    assert implementations.count() >= 12 * 5
    for item in implementations:
        history = list(item.updates.order_by("created_at", "pk"))
        label = f"{item.recommendation.code} {item.country_id}"
        assert history[0].from_status == "", label
        assert history[0].created_at.date() >= item.recommendation.issued, label
        for before, after in zip(history, history[1:], strict=False):
            assert before.created_at < after.created_at, label
            assert after.from_status == before.to_status, label
        last = history[-1]
        assert last.created_at < now, label
        assert item.status == last.to_status, label
        assert item.updated_at == last.created_at, label
        assert item.updated_by == last.user, label
        assert item.version == len(history), label
        if item.status in (Status.IMPLEMENTED, Status.NOT_APPLICABLE):
            assert item.target_date is None, label
        else:
            assert item.target_date is not None, label


def test_updates_are_signed_by_the_country_coordinator_or_the_secretariat():
    finnish = StatusUpdate.objects.filter(implementation__country__code="FI")
    assert set(finnish.values_list("user__username", flat=True)) == {"fi-coordinator"}
    assert set(finnish.values_list("user_name", flat=True)) == {"Aino Lehtonen"}
    aland = StatusUpdate.objects.filter(implementation__country__code="AX")
    assert set(aland.values_list("user__username", flat=True)) == {"secretariat"}
    assert all(
        "entered by the secretariat" in note for note in aland.values_list("note", flat=True)
    )


def test_statuses_are_spread_and_some_items_need_attention():
    statuses = set(Implementation.objects.values_list("status", flat=True))
    assert statuses == set(Status.values)
    stale = [item for item in Implementation.objects.all() if item.is_stale]
    assert 2 <= len(stale) <= 12
    # Each coordinator's dashboard has something to show.
    for code in ("FI", "SE", "NO", "DK", "IS"):
        assert Implementation.objects.filter(country__code=code).needing_attention().exists(), code
    overdue = [
        page
        for page in _recommendations()
        if page.due
        and page.due < timezone.localdate()
        and page.implementations.exclude(status__in=("implemented", "not_applicable")).exists()
    ]
    assert overdue


def test_some_implementations_link_existing_practices_as_evidence():
    item = Implementation.objects.get(recommendation__code="R-2022-02", country__code="FI")
    assert [page.slug for page in item.evidence_practices.all()] == [
        "auttamisjarjestelmaan-ohjaaminen"
    ]
    linked = Implementation.objects.filter(evidence_practices__isnull=False).distinct().count()
    assert linked >= 5


def test_running_seed_demo_again_adds_nothing():
    def counts():
        return (
            RecommendationPage.objects.count(),
            Implementation.objects.count(),
            StatusUpdate.objects.count(),
            TrackerPage.objects.count(),
        )

    before = counts()
    call_command("seed_demo", verbosity=0)
    assert counts() == before


def test_near_targets_stay_due_soon_on_every_day_of_the_year():
    """Seeded near targets are never rounded out of the dashboard's window: the panel
    test failed on days where the month-end rounding pushed a 38-day target past 60."""
    start = datetime.date(2026, 1, 1)
    for offset in range(366):
        today = start + datetime.timedelta(days=offset)
        for days in (35, 38, 40, 45):
            assert _target_day(days, today) <= today + DUE_SOON
        far = _target_day(120, today)
        assert far.month != (far + datetime.timedelta(days=1)).month  # still a month end
