import datetime
import json

import factory
from django.utils import timezone

from countries.models import Country
from seminars.models import Person, RegistrationField, SeminarIndexPage, SeminarPage


class SeminarPageFactory(factory.Factory):
    """Builds an unsaved SeminarPage a month from now; ``publish_seminar`` puts it live."""

    class Meta:
        model = SeminarPage

    title = factory.Sequence(lambda n: f"Seminar {n}")
    slug = factory.Sequence(lambda n: f"seminar-{n}")
    intro = "A seminar of the network."
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    start_time = datetime.time(9, 0)
    end_time = datetime.time(16, 0)
    time_zone = "Europe/Stockholm"
    venue = "Folkets hus"
    city = "Stockholm"
    host_country = factory.LazyFunction(lambda: Country.objects.get(code="SE"))
    audience = "public"
    has_registration = True
    registration_opens = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    registration_closes = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=20))


def programme(parts: int, sessions: int, people: list[Person], document=None) -> str:
    """Raw programme data: ``parts`` parts of ``sessions`` sessions, every session with
    all ``people`` as speakers, the first as moderator, and the document as material."""
    materials = [{"type": "document", "value": {"document": document.pk, "title": ""}}]
    return json.dumps(
        [
            {
                "type": "part",
                "value": {
                    "title": f"Part {p + 1}",
                    "date": None,
                    "start": "09:00",
                    "end": "16:00",
                    "streamed": p % 2 == 0,
                    "access": "everyone",
                    "description": "<p>A part.</p>",
                    "sessions": [
                        {
                            "start": "09:00",
                            "end": "10:00",
                            "kind": "presentation",
                            "title": f"Session {p + 1}.{s + 1}",
                            "description": "<p>About it.</p>",
                            "speakers": [person.pk for person in people],
                            "moderator": people[0].pk,
                            "room": "Hall",
                            "materials": materials if document else [],
                        }
                        for s in range(sessions)
                    ],
                },
            }
            for p in range(parts)
        ]
    )


def publish_seminar(*, email_field=True, **fields) -> SeminarPage:
    """Add a seminar under the seminar index (with a name and email form) and publish it."""
    page = SeminarPageFactory.build(**fields)
    page.form_fields.add(
        RegistrationField(sort_order=0, label="Full name", field_type="singleline", required=True)
    )
    if email_field:
        page.form_fields.add(
            RegistrationField(
                sort_order=1, label="Email address", field_type="email", required=True
            )
        )
    index = SeminarIndexPage.objects.get()
    page = index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
