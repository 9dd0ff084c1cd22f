"""Builds the demo seminars of ``demo.content.seminars`` (called by ``seed_demo``).

Idempotent: a seminar whose slug exists is left as it is, except that one without any
presented practice gets the demo's (once). The upcoming seminar's dates are counted from
the day the command runs, so it stays upcoming.
"""

from __future__ import annotations

import datetime
import json
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Collection

from countries.models import Country
from demo.content import seminars as data
from demo.seeding.helpers import add_form_fields, link_pages, text_document
from practices.models import Organisation, PracticePage
from seminars.models import (
    Person,
    PresentedPractice,
    RegistrationField,
    SeminarIndexPage,
    SeminarPage,
    SeminarRecording,
    SeminarRegistration,
    at_local,
)

INDEX_INTRO = (
    "<p>The network's seminars: programmes, speakers, presentations, recordings and "
    "reports, and the recommendations that followed them.</p>"
)


def _time(text: str) -> datetime.time:
    return datetime.time.fromisoformat(text)


def _local(text: str, zone: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone))


def seed_seminars(home, users) -> list[SeminarPage]:
    """Create the seminar index, organisations, people and the demo seminars."""
    secretariat = users["secretariat"]
    index = SeminarIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=SeminarIndexPage(
                title="Seminars", slug="seminars", show_in_menus=True, intro=INDEX_INTRO
            )
        )
        index.save_revision(user=secretariat).publish()
    countries = {country.code: country for country in Country.objects.all()}
    organisations = {}
    for spec in data.ORGANISATIONS:
        organisations[spec["name"]], _ = Organisation.objects.get_or_create(
            name=spec["name"],
            defaults={
                "type": spec["type"],
                "country": countries.get(spec["country"]),
                "website": spec.get("website", ""),
                # The network's own organisations: listed on /organisations/.
                "listed_publicly": True,
            },
        )
    people = {}
    for spec in data.PEOPLE:
        person = Person.objects.filter(name=spec["name"]).first()
        if person is None:
            person = Person.objects.create(
                name=spec["name"],
                role=spec["role"],
                organisation=organisations.get(spec["organisation"]),
                country=countries.get(spec["country"]),
                bio=spec["bio"],
            )
        people[spec["key"]] = person
    seminars = []
    for spec in data.SEMINARS:
        existing = SeminarPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if existing is not None:
            seminars.append(existing.specific)
            continue
        seminars.append(_seminar(index, spec, countries, organisations, people, users))
    for seminar in seminars:
        # Read afresh: the instance just published still says it has unpublished changes.
        _present_practices(SeminarPage.objects.get(pk=seminar.pk), users)
    return seminars


def _present_practices(page, users):
    """The demo's practices presented at ``page``, once: a seminar that has some (or a
    draft under way) is left as it is."""
    presented = data.PRESENTED_PRACTICES.get(page.slug, [])
    if not presented or page.presented_practices.exists() or page.has_unpublished_changes:
        return
    slugs = [slug for slug, _session in presented]
    practices = {p.slug: p for p in PracticePage.objects.filter(slug__in=slugs)}
    for order, (slug, session) in enumerate(presented):
        if slug in practices:
            page.presented_practices.add(
                PresentedPractice(sort_order=order, practice=practices[slug], session=session)
            )
    page.save_revision(user=users["secretariat"]).publish()


def _programme(spec, people) -> str:
    def person(key):
        return people[key].pk if key else None

    parts = []
    for part in spec["programme"]:
        sessions = [
            {
                "start": session["start"],
                "end": session["end"] or None,
                "kind": session["kind"],
                "title": session["title"],
                "description": session["description"],
                "speakers": [person(key) for key in session["speakers"]],
                "moderator": person(session["moderator"]),
                "room": session.get("room", ""),
                "materials": [],
            }
            for session in part["sessions"]
        ]
        parts.append(
            {
                "type": "part",
                "value": {
                    "title": part["title"],
                    "date": None,
                    "start": part["start"],
                    "end": part["end"],
                    "streamed": part["streamed"],
                    "access": part["open_to"],
                    "description": part["description"],
                    "sessions": sessions,
                },
            }
        )
    return json.dumps(parts)


def _report(spec, page_title):
    report = spec.get("report")
    if not report:
        return None, None
    document = text_document(
        report["title"],
        Collection.objects.filter(name="Network").first() or Collection.get_first_root_node(),
        "nordic-seminar-report-2022.txt",
        f"{report['title']}\n\n{report['text']}\n",
        description=f"The report of the {page_title}.",
    )
    return document, datetime.date.fromisoformat(report["published"])


def _seminar(index, spec, countries, organisations, people, users) -> SeminarPage:
    zone = spec["time_zone"]
    registration = spec["registration"]
    if "start_in_days" in spec:  # dates counted from today, so it stays upcoming
        today = timezone.localdate()

        def day(offset):
            return today + datetime.timedelta(days=offset)

        start_date = day(spec["start_in_days"])
        start_time, end_time = _time(spec["start_time"]), _time(spec["end_time"])
        opens = at_local(day(registration["opens_in_days"]), datetime.time(9, 0), zone)
        closes = at_local(day(registration["closes_in_days"]), datetime.time(23, 59), zone)
    else:
        start, end = _local(spec["start"], zone), _local(spec["end"], zone)
        start_date, start_time, end_time = start.date(), start.time(), end.time()
        opens, closes = _local(registration["opens"], zone), _local(registration["closes"], zone)
    report, report_published = _report(spec, spec["title"])
    page = SeminarPage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        body=json.dumps(
            [
                {"type": "paragraph", "value": link_pages(paragraph, index.get_parent())}
                for paragraph in spec["body"]
            ]
        ),
        start_date=start_date,
        start_time=start_time,
        end_time=end_time,
        time_zone=zone,
        venue=spec["venue"],
        address=spec["address"],
        city=spec["city"],
        host_country=countries[spec["host_country"]],
        context=spec.get("context", ""),
        language=spec["language"],
        participants=spec["participants"],
        programme=_programme(spec, people),
        conclusions="".join(spec.get("conclusions") or []),
        report=report,
        report_published=report_published,
        has_registration=True,
        registration_opens=opens,
        registration_closes=closes,
        capacity=registration["capacity"],
        registration_intro=registration["intro"],
        thank_you_text=registration["thank_you"],
        from_address="hub@nordic-thb.example",
        to_address="secretariat@nordic-thb.example",
        subject=f"Registration: {spec['title']}"[:255],
        owner=users["secretariat"],
    )
    page.organisers.set([organisations[name] for name in spec["organisers"]])
    add_form_fields(page, RegistrationField, data.REGISTRATION_FIELDS)
    page = index.add_child(instance=page)
    for order, recording in enumerate(spec.get("recordings") or []):
        if "available_days_after_end" in recording:
            until = page.ends_at + datetime.timedelta(days=recording["available_days_after_end"])
        else:
            until = _local(recording["available_until"], zone)
        SeminarRecording.objects.create(
            page=page,
            sort_order=order,
            title=recording["title"],
            url=recording["url"],
            audience=recording["audience"],
            available_until=until,
        )
    _registrations(page, spec, users)
    page.save_revision(user=users["secretariat"]).publish()
    return page


def _registrations(page, spec, users):
    names = {field.label: field.clean_name for field in page.form_fields.all()}
    registrants = list(spec.get("registrants") or [])
    # Two demo experts registered for every seminar: they see its registrant recordings.
    for username in ("expert-police", "expert-ngo"):
        user = users.get(username)
        if user is not None:
            membership = getattr(user, "membership", None)
            registrants.append(
                {
                    "name": user.get_full_name(),
                    "email": user.email,
                    "organisation": getattr(membership, "organisation", ""),
                    "country": membership.country.code if membership and membership.country else "",
                    "user": user,
                }
            )
    country_names = {country.code: country.name for country in Country.objects.all()}
    opens = page.registration_opens or page.first_published_at or timezone.now()
    closes = min(page.registration_closes or timezone.now(), timezone.now())
    step = (closes - opens) / (len(registrants) + 1)
    for number, registrant in enumerate(registrants, start=1):
        form_data = {
            names["Full name"]: registrant["name"],
            names["Email address"]: registrant["email"],
            names["Organisation"]: registrant["organisation"],
            names["Country"]: country_names.get(registrant["country"], "Other"),
        }
        for label, clean_name in names.items():
            if label.startswith("I agree"):
                form_data[clean_name] = True
        registration, created = SeminarRegistration.objects.get_or_create(
            page=page,
            email=registrant["email"].lower(),
            defaults={"form_data": form_data, "user": registrant.get("user")},
        )
        if created:  # spread over the registration period, as real ones would be
            SeminarRegistration.objects.filter(pk=registration.pk).update(
                submit_time=opens + step * number
            )
