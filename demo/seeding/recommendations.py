"""Builds the demo tracker of ``demo.content.recommendations`` and the recommendations of
other sources of ``demo.content.recommendation_sources`` (called by ``seed_demo``).

Idempotent: a recommendation whose code exists is left as it is, with its history. The
history is written directly, not through ``apply_update``, which would stamp every entry
with the present moment and email the followers. Recent entries and target dates are
counted from the day the command runs, so the demo keeps items that are due soon or have
not been updated for six months.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from countries.models import Country
from demo.content import recommendation_sources as external
from demo.content import recommendations as data
from practices.models import PracticePage
from recommendations.choices import SETTLED, Status
from recommendations.models import (
    DUE_SOON,
    Implementation,
    RecommendationPage,
    RecommendationSource,
    StatusUpdate,
    TrackerPage,
    display_name,
    legacy_source_key,
)
from seminars.models import SeminarPage


def seed_recommendations(home, users) -> TrackerPage:
    """Create the tracker page and the demo recommendations with every country's history.

    Args:
        home: the HomePage the tracker goes under.
        users: the demo users by username; needs ``secretariat``, and uses
            ``<code>-coordinator`` as the author of a country's updates where it exists.

    Returns:
        The TrackerPage.
    """
    secretariat = users["secretariat"]
    tracker = TrackerPage.objects.first()
    if tracker is None:
        tracker = home.add_child(
            instance=TrackerPage(
                title=data.TRACKER["title"],
                slug=data.TRACKER["slug"],
                intro=data.TRACKER["intro"],
                show_in_menus=True,
                owner=secretariat,
            )
        )
        tracker.save_revision(user=secretariat).publish()
    existing = set(RecommendationPage.objects.values_list("code", flat=True))
    countries = {country.code: country for country in Country.objects.all()}
    seminars = {page.slug: page for page in SeminarPage.objects.select_related("report")}
    practices = {page.slug: page for page in PracticePage.objects.all()}
    today = timezone.localdate()
    sources = _sources(countries)
    for spec in [*data.RECOMMENDATIONS, *external.RECOMMENDATIONS]:
        if spec["code"] in existing:
            continue
        page = _recommendation(tracker, spec, countries, seminars, sources, secretariat)
        for code in spec["countries"]:
            _implementation(page, spec, countries[code], users, practices, today)
    return tracker


def _sources(countries) -> dict[str, RecommendationSource]:
    """The sources of ``demo.content.recommendation_sources``, by key (made once)."""
    sources = {}
    for slug, spec in external.SOURCES.items():
        sources[slug], _created = RecommendationSource.objects.get_or_create(
            slug=slug,
            defaults={
                "kind": spec["kind"],
                "name": spec["name"],
                "body": spec["body"],
                "round": spec["round"],
                "issued": datetime.date.fromisoformat(spec["issued"]),
                "country": countries[spec["country"]] if spec["country"] else None,
                "url": spec["url"],
            },
        )
    return sources


def _network_source(seminar, report, issued) -> RecommendationSource:
    """The network's source for a seminar or report, under the key the source filter used
    before sources existed (as the migration that introduced them made them)."""
    source, _created = RecommendationSource.objects.get_or_create(
        slug=legacy_source_key(seminar.pk if seminar else None, report),
        defaults={"kind": "network", "name": report or seminar.title, "issued": issued},
    )
    return source


def _moment(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _month_end(day: datetime.date) -> datetime.date:
    first_of_next = (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    return first_of_next - datetime.timedelta(days=1)


def _past_day(when, today) -> datetime.date:
    """An ISO date, or a number of days (at least one) before today."""
    if isinstance(when, int):
        if when < 1:
            raise ValueError(f"A report {when} days ago is not in the past.")
        return today - datetime.timedelta(days=when)
    return datetime.date.fromisoformat(when)


def _target_day(target, today) -> datetime.date | None:
    """An ISO date, or a number of days after today: rounded to the end of that month,
    except within the "due soon" window, where rounding could carry an item out of the
    window on some days of the month and empty a coordinator's dashboard panel."""
    if target is None:
        return None
    if isinstance(target, int):
        day = today + datetime.timedelta(days=target)
        return day if datetime.timedelta(days=target) <= DUE_SOON else _month_end(day)
    return datetime.date.fromisoformat(target)


def _recommendation(tracker, spec, countries, seminars, sources, secretariat):
    seminar = seminars.get(spec["seminar"]) if spec["seminar"] else None
    issued = datetime.date.fromisoformat(spec["issued"])
    if "source" in spec:
        source = sources[spec["source"]]
    else:
        source = _network_source(seminar, spec["report"], issued)
    page = RecommendationPage(
        title=spec["title"],
        slug=spec["slug"],
        code=spec["code"],
        theme=spec["theme"],
        audience=spec["audience"],
        text=spec["text"],
        rationale=spec["rationale"],
        source=source,
        source_seminar=seminar,
        source_report=spec["report"],
        source_document=seminar.report if seminar else None,
        issued=issued,
        due=datetime.date.fromisoformat(spec["due"]) if spec["due"] else None,
        owner=secretariat,
        # Shown as published when it was issued, not when the demo was built.
        first_published_at=_moment(issued, 8),
    )
    page.target_countries.set([countries[code] for code in spec["countries"]])
    # Mapped to recommendations seeded before it (stored on this page: its revision).
    page.corresponds_to.set(
        RecommendationPage.objects.filter(code__in=spec.get("corresponds_to", ()))
    )
    # Saving creates an implementation per target country (ensure_implementations).
    page = tracker.add_child(instance=page)
    page.save_revision(user=secretariat).publish()
    return page


def _authority(key: str, country_code: str) -> str:
    if " " in key:  # written out, not a key of AUTHORITIES
        return key
    by_area = data.AUTHORITIES[country_code]
    return by_area.get(key) or by_area["coordination"]


def _implementation(page, spec, country, users, practices, today) -> Implementation:
    try:
        item = spec["implementations"][country.code]
    except KeyError:
        raise ValueError(f"{spec['code']} has no demo history for {country.code}.") from None
    secretariat = users["secretariat"]
    author = users.get(f"{country.code.lower()}-coordinator") or secretariat
    author_name = display_name(author)
    authority = _authority(item.get("authority", spec["authority"]), country.code)
    # The demo's reports are written in English, the network's working language; an item
    # may name another (``"language": "sv"``) for texts written in it.
    language = item.get("language", "en")
    issued = page.issued
    updates, previous, previous_day = [], "", issued
    for position, step in enumerate(item["steps"]):
        when, status = step[0], Status(step[1])
        day = _past_day(when, today)
        if day < previous_day:
            raise ValueError(f"{spec['code']} {country.code}: the history is not in order.")
        if len(step) > 2:
            note = step[2]
        elif status != previous:
            note = spec["notes"][status]
        else:
            raise ValueError(
                f"{spec['code']} {country.code}: a report without a change needs a note."
            )
        if author == secretariat:
            note = (
                f"{note} Reported by the {country.name} contact point and entered by the "
                "secretariat."
            )
        updates.append(
            StatusUpdate(
                created_at=_moment(day, 9 + position),
                user=author,
                user_name=author_name,
                from_status=previous,
                to_status=status,
                note=note,
                language=language,
                # The first report names the responsible authority.
                changes={"responsible_authority": ["", authority]} if position == 0 else {},
            )
        )
        previous, previous_day = status, day

    def fill(text):
        return text.format(authority=authority, country=country.name)

    implementation = page.implementations.get(country=country)
    implementation.status = previous
    implementation.responsible_authority = authority
    implementation.language = language
    implementation.summary = fill(item.get("summary") or spec["summaries"][previous])
    implementation.next_step = fill(item.get("next_step", spec["next_steps"][previous]))
    if previous in SETTLED:
        implementation.target_date = None
    else:
        target = item.get("target", spec["due"])
        if target is None:
            raise ValueError(f"{spec['code']} {country.code}: an open item needs a target date.")
        implementation.target_date = _target_day(target, today)
    implementation.evidence_links = item.get("links", "")
    implementation.created_at = _moment(issued, 8)
    implementation.updated_at = updates[-1].created_at
    implementation.updated_by = author
    implementation.version = len(updates)
    implementation.save()
    implementation.evidence_practices.set([practices[slug] for slug in item.get("practices", [])])
    for update in updates:
        update.implementation = implementation
    StatusUpdate.objects.bulk_create(updates)
    return implementation
