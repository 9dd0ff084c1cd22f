"""iCalendar (RFC 5545) files: one seminar, or the feed of upcoming seminars."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

from core.links import page_url

PRODUCT_ID = "-//Nordic THB Coordinators Hub//Seminars//EN"


def _location(seminar) -> str:
    parts = [seminar.venue, seminar.address]
    if seminar.city and seminar.city not in (seminar.address or ""):
        parts.append(seminar.city)
    if seminar.host_country_id:
        parts.append(seminar.host_country.display_name)
    seen = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return ", ".join(seen)


def seminar_event(request, seminar) -> Event:
    """The VEVENT of one seminar. Times are in UTC, which every calendar understands."""
    event = Event()
    # Stable whatever host name the file was fetched through: calendars update the event
    # instead of adding a second one.
    event.add("uid", f"seminar-{seminar.translation_key}@nordic-thb-hub")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", seminar.starts_at)
    event.add("dtend", seminar.ends_at)
    if seminar.last_published_at:
        event.add("last-modified", seminar.last_published_at)
    event.add("summary", seminar.title)
    description = strip_tags(seminar.intro or "").strip()
    url = page_url(seminar, request)
    event.add("description", f"{description}\n\n{url}" if description else url)
    event.add("url", url)
    location = _location(seminar)
    if location:
        event.add("location", location)
    event.add("status", "CONFIRMED")
    return event


def calendar(request, seminars) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    for seminar in seminars:
        if seminar.starts_at and seminar.ends_at:
            cal.add_component(seminar_event(request, seminar))
    return cal


def calendar_response(request, seminars, *, filename: str) -> HttpResponse:
    """A downloadable .ics file; private to the browser when it may hold restricted ones."""
    response = HttpResponse(
        calendar(request, seminars).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if request.user.is_authenticated:
        response["Cache-Control"] = "private, no-store"
    return response
