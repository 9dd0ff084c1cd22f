import datetime
import json
from zoneinfo import ZoneInfo

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection

from core.models import HubDocument
from countries.models import Country
from practices.models import Organisation
from seminars.models import (
    Person,
    RegistrationField,
    SeminarIndexPage,
    SeminarPage,
    SeminarRecording,
    SeminarRegistration,
)


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


def publish_seminar(*, email_field=True, extra_fields=(), organisers=(), **fields) -> SeminarPage:
    """Add a seminar under the seminar index (with a name and email form) and publish it.

    ``extra_fields`` are more form fields, ``(label, field_type, required, choices)`` rows
    after name and email; ``organisers`` are Organisations.
    """
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
    for order, (label, field_type, required, choices) in enumerate(extra_fields, start=2):
        page.form_fields.add(
            RegistrationField(
                sort_order=order,
                label=label,
                field_type=field_type,
                required=required,
                choices=choices,
            )
        )
    if organisers:
        page.organisers.set(list(organisers))
    index = SeminarIndexPage.objects.get()
    page = index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def past_helsinki_seminar(programme_data, **fields) -> SeminarPage:
    """A short past seminar at /seminars/helsinki-2021/ (18 November 2021, no
    registration) with the given raw programme (``programme``): for tests that need a
    seminar's page, not its whole day (``helsinki_seminar``)."""
    values = {
        "title": "Helsinki 2021",
        "slug": "helsinki-2021",
        "start_date": datetime.date(2021, 11, 18),
        "city": "Helsinki",
        "host_country": Country.objects.get(code="FI"),
        "has_registration": False,
        "registration_opens": None,
        "registration_closes": None,
        "programme": programme_data,
    }
    values.update(fields)
    return publish_seminar(**values)


def seminar_index(home) -> SeminarIndexPage:
    """The seminars (/seminars/): the site's seminar index, made when there is none.

    The secretariat runs it, as when it is created in the admin (whose hook grants the
    rights on a new network section).
    """
    from countries.permissions import grant_network_section

    index = SeminarIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=SeminarIndexPage(title="Seminars", slug="seminars", show_in_menus=True)
        )
        index.save_revision().publish()
    grant_network_section(index)
    return index


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An organisation (organiser of a seminar, employer of a speaker)."""

    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Organisation {n}")
    type = "authority"
    country = factory.LazyFunction(lambda: Country.objects.get(code="SE"))


class PersonFactory(factory.django.DjangoModelFactory):
    """A speaker or moderator, with an organisation in the country given (SE by default)."""

    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Speaker {n}")
    role = "Senior Adviser"
    country = factory.LazyFunction(lambda: Country.objects.get(code="SE"))
    organisation = factory.SubFactory(
        OrganisationFactory, country=factory.SelfAttribute("..country")
    )
    bio = "Works against trafficking in human beings."


def seminar_document(title="Seminar report", text="Summary of the seminar.", collection="Network"):
    """A text document in ``collection`` (the network's, readable by everyone)."""
    document = HubDocument(
        title=title,
        collection=Collection.objects.filter(name=collection).first()
        or Collection.get_first_root_node(),
    )
    document.file.save(
        f"{slugify(title)[:80]}.txt",  # the storage makes the name unique
        ContentFile(f"{title}\n\n{text}\n".encode()),
        save=False,
    )
    document._set_document_file_metadata()
    document.file.close()
    document.save()
    return document


def _session(start, end, kind, title, speakers=(), moderator=None, room="Main hall"):
    return {
        "start": start,
        "end": end,
        "kind": kind,
        "title": title,
        "description": f"<p>{title}.</p>" if speakers else "",
        "speakers": [person.pk for person in speakers],
        "moderator": moderator.pk if moderator else None,
        "room": room,
        "materials": [],
    }


def _part(title, start, end, streamed, access, sessions):
    return {
        "type": "part",
        "value": {
            "title": title,
            "date": None,
            "start": start,
            "end": end,
            "streamed": streamed,
            "access": access,
            "description": f"<p>{title}.</p>",
            "sessions": sessions,
        },
    }


#: The people of the past seminar: (name, role, organisation, country code).
HELSINKI_PEOPLE = [
    ("Hanna Kuusela", "Senior Adviser", "Ministry for Foreign Affairs, Finland", "FI"),
    ("Aino Lehtonen", "National Coordinator", "Ministry of Justice, Finland", "FI"),
    ("Liisa Heikkilä", "Ministerial Adviser", "Ministry of the Interior, Finland", "FI"),
    ("Karin Lindqvist", "National Coordinator", "County Administrative Board of Stockholm", "SE"),
    ("Ingrid Solberg", "National Coordinator", "Ministry of Justice and Public Security", "NO"),
    ("Mette Kjær", "Head of Centre", "Danish Centre against Human Trafficking", "DK"),
]

#: Its registrants: (name, email, organisation, country name).
HELSINKI_REGISTRANTS = [
    (
        "Jenni Laaksonen",
        "jenni.laaksonen@tyosuojelu.example",
        "Finnish Occupational Safety and Health Authority",
        "Finland",
    ),
    ("Emma Sandström", "emma.sandstrom@lansstyrelsen.example", "Länsstyrelsen", "Sweden"),
    ("Nina Halvorsen", "nina.halvorsen@frelsesarmeen.example", "Frelsesarmeen", "Norway"),
]

REGISTRATION_EXTRA_FIELDS = [
    ("Organisation", "singleline", True, ""),
    ("Country", "dropdown", True, "Denmark\nFinland\nIceland\nNorway\nSweden\nOther"),
]


def _people(rows):
    return [
        PersonFactory(
            name=name,
            role=role,
            country=Country.objects.get(code=code),
            organisation=OrganisationFactory(
                name=organisation, type="ministry", country=Country.objects.get(code=code)
            ),
        )
        for name, role, organisation, code in rows
    ]


def _register(page, rows):
    names = {field.label: field.clean_name for field in page.form_fields.all()}
    for name, email, organisation, country in rows:
        SeminarRegistration.objects.create(
            page=page,
            email=email.lower(),
            form_data={
                names["Full name"]: name,
                names["Email address"]: email,
                names["Organisation"]: organisation,
                names["Country"]: country,
            },
        )


def helsinki_seminar() -> SeminarPage:
    """A past seminar with all its outputs (/seminars/helsinki-2021/): "Seminar on Nordic
    best practices against trafficking in human beings", held in Helsinki on 18 November
    2021 from 09:30 to 18:30, with a programme of three parts (I and III streamed), its
    speakers, conclusions, a report published on 21 March 2022, recordings and
    registrations (Jenni Laaksonen's among them), registration closed on 16 November 2021.
    """
    zone = "Europe/Helsinki"
    hanna, aino, liisa, karin, ingrid, mette = _people(HELSINKI_PEOPLE)
    organisers = [
        OrganisationFactory(name=name, type="ministry", country=Country.objects.get(code="FI"))
        for name in (
            "Ministry of Justice, Finland",
            "Ministry of the Interior, Finland",
            "Ministry for Foreign Affairs, Finland",
        )
    ]
    report_title = "Nordic best practices against trafficking in human beings: seminar report"
    parts = [
        _part(
            "Part I: Anti-trafficking work in the EU and the Nordic countries",
            "10:00",
            "12:45",
            True,
            "everyone",
            [
                _session("10:00", "10:15", "opening", "Opening of the seminar", [hanna]),
                _session("10:15", "11:20", "presentation", "A shared picture", [aino], hanna),
                _session("11:20", "11:35", "break", "Coffee break", room=""),
                _session(
                    "11:35",
                    "12:45",
                    "panel",
                    "National coordination",
                    [karin, ingrid, mette],
                    hanna,
                ),
            ],
        ),
        _part(
            "Part II: Workshops on Nordic best practices",
            "12:45",
            "16:45",
            False,
            "invited",
            [
                _session("12:45", "13:45", "break", "Lunch", room="Restaurant"),
                _session(
                    "13:45", "15:45", "workshop", "Workshop 1", [karin, mette], liisa, "Room 1"
                ),
                _session("13:45", "15:45", "workshop", "Workshop 2", [ingrid], aino, "Room 2"),
            ],
        ),
        _part(
            "Part III: Results and conclusions",
            "17:10",
            "18:20",
            True,
            "everyone",
            [
                _session("17:10", "18:05", "presentation", "Reports", [karin, ingrid], hanna),
                _session("18:05", "18:20", "conclusions", "Conclusions of the seminar", [aino]),
            ],
        ),
    ]
    page = publish_seminar(
        title="Seminar on Nordic best practices against trafficking in human beings",
        slug="helsinki-2021",
        intro=(
            "Authorities and civil-society organisations from the Nordic countries met in "
            "Helsinki on 18 November 2021 to share what works against trafficking."
        ),
        start_date=datetime.date(2021, 11, 18),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(18, 30),
        time_zone=zone,
        venue="Helsinki Congress Paasitorni",
        address="Paasivuorenkatu 5 A, 00530 Helsinki",
        city="Helsinki",
        host_country=Country.objects.get(code="FI"),
        context="Part of Finland's Presidency of the Nordic Council of Ministers 2021",
        language="en",
        participants="About 80 invited experts on site; parts I and III streamed.",
        programme=json.dumps(parts),
        conclusions="<p>The Nordic countries need a network of national coordinators.</p>",
        report=seminar_document(report_title, "The seminar recommends a Nordic network."),
        report_published=datetime.date(2022, 3, 21),
        registration_opens=datetime.datetime(2021, 10, 20, 9, 0, tzinfo=ZoneInfo(zone)),
        registration_closes=datetime.datetime(2021, 11, 16, 23, 59, tzinfo=ZoneInfo(zone)),
        capacity=500,
        from_address="hub@nordic-thb.example",
        to_address="secretariat@nordic-thb.example",
        subject="Registration: Seminar on Nordic best practices",
        extra_fields=REGISTRATION_EXTRA_FIELDS,
        organisers=organisers,
    )
    for order, part in enumerate(("Part I", "Part III")):
        SeminarRecording.objects.create(
            page=page,
            sort_order=order,
            title=f"Recording of {part}",
            url=f"https://video.example/nordic-thb/helsinki-2021/{order}",
            audience="registrants",
            available_until=datetime.datetime(2021, 12, 18, 23, 59, tzinfo=ZoneInfo(zone)),
        )
    _register(page, HELSINKI_REGISTRANTS)
    return page


def cross_border_seminar() -> SeminarPage:
    """An upcoming seminar hosted by Norway, in 140 days, registration open:
    "Nordic seminar on cross-border cooperation against trafficking in human beings"."""
    ingrid, erik = _people(
        [
            (
                "Ingrid Solberg",
                "National Coordinator",
                "Ministry of Justice and Public Security",
                "NO",
            ),
            ("Erik Nyström", "Detective Inspector", "Swedish Police Authority", "SE"),
        ]
    )
    parts = [
        _part(
            "Part I: Follow-up of the recommendations and cross-border cases",
            "09:00",
            "12:00",
            True,
            "everyone",
            [
                _session("09:00", "09:15", "opening", "Welcome to Oslo", [ingrid]),
                _session("09:15", "12:00", "panel", "Cross-border cases", [erik], ingrid),
            ],
        ),
    ]
    now = timezone.now()
    return publish_seminar(
        title="Nordic seminar on cross-border cooperation against trafficking in human beings",
        slug="oslo-cross-border-cooperation",
        intro="The Nordic network of national anti-trafficking coordinators meets in Oslo.",
        start_date=timezone.localdate() + datetime.timedelta(days=140),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(16, 30),
        time_zone="Europe/Oslo",
        venue="Oslo Kongressenter",
        city="Oslo",
        host_country=Country.objects.get(code="NO"),
        programme=json.dumps(parts),
        registration_opens=now - datetime.timedelta(days=10),
        registration_closes=now + datetime.timedelta(days=133),
        capacity=120,
        extra_fields=REGISTRATION_EXTRA_FIELDS,
    )
