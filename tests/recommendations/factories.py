"""Recommendations for tests, independent of the demo data."""

import datetime

from countries.models import Country
from home.models import HomePage
from recommendations.models import Implementation, RecommendationPage, TrackerPage


def tracker_page() -> TrackerPage:
    """The site's tracker page (the demo one, or a new one when there is none)."""
    tracker = TrackerPage.objects.first()
    if tracker is None:
        tracker = HomePage.objects.first().add_child(
            instance=TrackerPage(title="Recommendation tracker", slug="recommendations")
        )
        tracker.save_revision().publish()
    return tracker


def publish_recommendation(code, countries=("FI", "SE"), audience="public", **fields):
    """A live recommendation addressed to ``countries`` (ISO codes), with implementations."""
    tracker = tracker_page()
    values = {
        "title": f"Recommendation {code}",
        "slug": code.lower(),
        "code": code,
        "text": "<p>The countries should do something useful.</p>",
        "theme": "data",
        "issued": datetime.date(2024, 1, 15),
        "source_report": "Test report",
        "audience": audience,
    }
    values.update(fields)
    page = tracker.add_child(instance=RecommendationPage(**values))
    page.target_countries.set(Country.objects.filter(code__in=countries))
    page.save_revision().publish()
    return RecommendationPage.objects.get(pk=page.pk)


def impl_of(page, code) -> Implementation:
    """The implementation of recommendation ``page`` by the country ``code``."""
    return Implementation.objects.get(recommendation=page, country__code=code)


def form_data(impl, **changes):
    """The tracker's update form (front end and admin) as sent unchanged, plus ``changes``."""
    data = {
        "status": impl.status,
        "responsible_authority": impl.responsible_authority,
        "summary": impl.summary,
        "next_step": impl.next_step,
        "target_date": impl.target_date.isoformat() if impl.target_date else "",
        "evidence_links": impl.evidence_links,
        "note": "",
        "version": impl.version,
    }
    data.update(changes)
    return data


def snapshot(impl):
    """(status, version, summary, number of updates) as stored now: equal before and
    after a refused write."""
    stored = Implementation.objects.get(pk=impl.pk)
    return (stored.status, stored.version, stored.summary, stored.updates.count())
