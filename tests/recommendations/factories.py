"""Recommendations for tests, independent of the demo data."""

import datetime

from countries.models import Country
from home.models import HomePage
from recommendations.models import RecommendationPage, TrackerPage


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
