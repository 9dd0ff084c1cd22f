"""Fill the hub with demo content and the demo accounts of DESIGN §10.

Idempotent: what exists is kept, what is missing is created. ``--reset`` removes the demo
content and accounts first. Refuses to run unless the settings define SEED_DEMO_PASSWORD,
which only development and test settings do.
"""

import random
from html import escape

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, no_translations
from django.db import transaction
from wagtail.models import Collection, Page, Site
from wagtail.rich_text import RichText

from core.indexing import index_updates
from core.models import HubDocument
from countries.models import Country, CountryContact, CountryIndexPage, CountryPage, Membership
from demo.content import home as demo_data
from demo.content.directory import DIRECTORY_PROFILES
from demo.content.seminars import ORGANISATIONS as SEMINAR_ORGANISATIONS
from demo.seeding.helpers import add_form_fields, link_pages, text_document
from demo.seeding.questions import seed_questions
from demo.seeding.recommendations import seed_recommendations
from demo.seeding.seminars import seed_seminars
from demo.seeding.translations import seed_translations
from home.models import FormField, FormPage, HomePage, HubSettings, StandardPage
from practices.models import (
    Approach,
    FormOfExploitation,
    Organisation,
    PracticeIndexPage,
    PracticePage,
    RelatedPractice,
    Sector,
    TargetGroup,
)
from practices.taxonomy import ensure_terms
from questions.models import Answer, Participant, Question
from recommendations.models import StatusUpdate
from seminars.models import Person

ORGANISATION_KEYWORDS = (
    ("ministry", ("Ministry", "ministeriö", "departement")),
    ("police", ("Police", "Poliisi", "Polis", "Politi")),
    (
        "labour_inspection",
        ("Labour Inspection", "Work Environment", "Working Environment", "Occupational Safety"),
    ),
    ("international", ("IOM", "UNHCR", "OSCE", "Europol", "Council of the Baltic", "Nordic")),
    ("research", ("University", "Institute", "Research", "Yliopisto", "universitet")),
    (
        "ngo",
        (
            "Red Cross",
            "Salvation",
            "Support",
            "NGO",
            "Church",
            "Foundation",
            "Association",
            "Pro-tukipiste",
            "Mission",
            "Rikosuhri",
            "Stigamót",
            "Kvinde",
        ),
    ),
)

#: A demo member's directory profile before their own entry of DIRECTORY_PROFILES: set
#: in full on every run, so seeding again restores the demo's choices.
DIRECTORY_PROFILE_DEFAULTS = {
    "job_title": "",
    "network_role": "",
    "expertise": [],
    "languages": [],
    "work_email": "",
    "work_phone": "",
    "listed": True,
    "show_details": False,
    "show_contact": False,
}

#: The network's own organisations, listed on /organisations/ when created.
NETWORK_ORGANISATIONS = {spec["name"]: spec for spec in SEMINAR_ORGANISATIONS}


def _without_ids(data):
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


def _prep(body):
    """The home page's ``body`` as stored, without its blocks' ids (new on every build), to
    tell whether the demo's body differs from the stored one."""
    field = HomePage._meta.get_field("body")
    return _without_ids(field.stream_block.get_prep_value(field.to_python(body)))


def _organisation_type(name):
    for kind, words in ORGANISATION_KEYWORDS:
        if any(word.lower() in name.lower() for word in words):
            return kind
    return "authority"


class Command(BaseCommand):
    help = "Create demo content and demo accounts (development only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Delete demo content and accounts first."
        )
        parser.add_argument("--seed", type=int, default=2021, help="Seed for randomness.")

    # Everything seeded is stored text: always in the source language, whatever
    # language the caller has active.
    @no_translations
    def handle(self, *args, **options):
        password = getattr(settings, "SEED_DEMO_PASSWORD", None)
        if not password:
            raise CommandError(
                "seed_demo creates accounts with a shared password and only runs with "
                "development settings (SEED_DEMO_PASSWORD is not set)."
            )
        self.random = random.Random(options["seed"])
        call_command("setup_spaces", stdout=self.stdout)
        # Index nothing while seeding (a Whoosh commit per save cost three quarters of
        # the time): one rebuild below indexes it all.
        with index_updates(False, signals=False), transaction.atomic():
            if options["reset"]:
                self._reset()
                call_command("setup_spaces", stdout=self.stdout)
            users = self._users(password)
            home = self._home()
            self._network_pages(home, users["secretariat"])
            self._countries()
            self._practices(home, users)
            seed_seminars(home, users)
            seed_recommendations(home, users)
            seed_translations(home, users["secretariat"])
            seed_questions(users)
        # Network sections created above need the secretariat's rights.
        call_command("setup_spaces", stdout=self.stdout)
        # Read what is not read yet: documents seeded before text extraction existed, or
        # queued for a task worker that is not running (new ones were read on commit).
        call_command("extract_document_text", stdout=self.stdout, verbosity=options["verbosity"])
        # One compact index that matches the database exactly.
        call_command("update_index", stdout=self.stdout, verbosity=0)
        self._print_accounts(password)

    # -- reset -------------------------------------------------------------------------
    def _reset(self):
        # The tracker's history is append-only everywhere in the hub, so its queryset
        # refuses delete(); a reset wipes demo data only, and must remove it first, or
        # it would protect the implementations (and their pages) from deletion.
        StatusUpdate.objects.all()._raw_delete(StatusUpdate.objects.db)
        # Threads are never deleted on the site either; the demo's go with its pages.
        Participant.objects.all().delete()
        Answer.objects.all().delete()
        Question.objects.all().delete()
        home = HomePage.objects.first()
        if home is not None:
            for page in PracticePage.objects.all():
                page.delete()
            for page in home.get_children().not_type(PracticeIndexPage, CountryIndexPage):
                page.delete()
            for page in PracticeIndexPage.objects.all():
                page.delete()
        CountryContact.objects.all().delete()
        HubDocument.objects.filter(title__startswith="Evaluation: ").delete()
        Person.objects.all().delete()
        Organisation.objects.all().delete()
        usernames = [row[0] for row in demo_data.DEMO_USERS]
        get_user_model().objects.filter(username__in=usernames).delete()

    # -- accounts ----------------------------------------------------------------------
    def _users(self, password):
        User = get_user_model()
        users = {}
        for (
            username,
            first,
            last,
            email,
            groups,
            code,
            organisation,
            sector,
            superuser,
        ) in demo_data.DEMO_USERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(username=username)
                user.set_password(password)
            user.first_name, user.last_name, user.email = first, last, email
            user.is_superuser = user.is_staff = superuser
            user.save()
            user.groups.set(Group.objects.filter(name__in=groups))
            Membership.objects.update_or_create(
                user=user,
                defaults={
                    "country": Country.objects.filter(code=code).first() if code else None,
                    "organisation": organisation,
                    "sector": sector,
                    **DIRECTORY_PROFILE_DEFAULTS,
                    **DIRECTORY_PROFILES.get(username, {}),
                },
            )
            users[username] = user
        return users

    # -- pages -------------------------------------------------------------------------
    def _home(self):
        home = HomePage.objects.get()
        # Its mentions of pages seeded later stay markers, for seed_translations to link.
        body = self._stream(
            [
                (kind, link_pages(value, home, keep_missing=True) if kind == "paragraph" else value)
                for kind, value in demo_data.HOME_BODY
            ]
        )
        content = ("Nordic THB Coordinators Hub", demo_data.HOME_INTRO, _prep(body))
        # Republished only when the demo's home page differs from what is live: a second
        # run adds no revision.
        if (home.title, home.intro, _prep(home.body)) != content or home.has_unpublished_changes:
            home.title, home.intro = content[:2]
            home.body = body
            home.save_revision().publish()
        site = Site.objects.get(is_default_site=True)
        hub_settings = HubSettings.for_site(site)
        hub_settings.secretariat_email = "secretariat@nordic-thb.example"
        hub_settings.save()
        return home

    def _stream(self, items):
        stream = []
        for block_type, value in items:
            if block_type == "paragraph":
                value = RichText(value)
            stream.append((block_type, value))
        return stream

    def _network_pages(self, home, secretariat):
        index = PracticeIndexPage.objects.first()
        if index is None:
            index = home.add_child(
                instance=PracticeIndexPage(
                    title="Best practices",
                    slug="practices",
                    show_in_menus=True,
                    intro="<p>Practices against trafficking in human beings from every "
                    "Nordic country, in the language they were written in, with an English "
                    "summary.</p>",
                )
            )
            index.save_revision(user=secretariat).publish()
        for spec in demo_data.NETWORK_PAGES:
            if Page.objects.child_of(home).filter(slug=spec["slug"]).exists():
                continue
            page = home.add_child(
                instance=StandardPage(
                    title=spec["title"],
                    slug=spec["slug"],
                    intro=spec["intro"],
                    audience=spec["audience"],
                    body=self._stream(spec["body"]),
                    show_in_menus=spec["slug"] in ("about", "members-handbook"),
                    owner=secretariat,
                )
            )
            page.save_revision(user=secretariat).publish()

        spec = demo_data.JOIN_FORM
        if not Page.objects.child_of(home).filter(slug=spec["slug"]).exists():
            form = FormPage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                thank_you_text=spec["thank_you_text"],
                to_address="secretariat@nordic-thb.example",
                from_address="hub@nordic-thb.example",
                subject="New application to join the network",
                show_in_menus=True,
                owner=secretariat,
                privacy_page=Page.objects.child_of(home).filter(slug=spec["privacy"]).first(),
            )
            add_form_fields(form, FormField, spec["fields"])
            form = home.add_child(instance=form)
            form.save_revision(user=secretariat).publish()

    def _countries(self):
        for code, content in demo_data.COUNTRY_CONTENT.items():
            page = CountryPage.objects.get(country__code=code)
            if page.contacts.exists():
                continue
            page.intro = content["intro"]
            page.structures = self._stream([("paragraph", content["structures"])])
            for order, (name, role, organisation, email, phone) in enumerate(content["contacts"]):
                page.contacts.add(
                    CountryContact(
                        sort_order=order,
                        name=name,
                        role=role,
                        organisation=organisation,
                        email=email,
                        phone=phone,
                    )
                )
            page.save_revision().publish()

    def _practices(self, home, users):
        from demo.content.practices import PRACTICES

        ensure_terms()
        authors, publishers = {}, {}
        for code in ("DK", "FI", "IS", "NO", "SE", "AX", "FO", "GL"):
            coordinator = users.get(f"{code.lower()}-coordinator", users["admin"])
            authors[code] = users.get(f"{code.lower()}-editor", coordinator)
            publishers[code] = coordinator
        spaces = {page.country.code: page for page in CountryPage.objects.select_related("country")}
        countries = {country.code: country for country in Country.objects.all()}
        terms = {
            "forms": {t.slug: t for t in FormOfExploitation.objects.all()},
            "target_groups": {t.slug: t for t in TargetGroup.objects.all()},
            "sectors": {t.slug: t for t in Sector.objects.all()},
            "approaches": {t.slug: t for t in Approach.objects.all()},
        }
        created = {}
        for spec in PRACTICES:
            space = spaces[spec["country"]]
            existing = PracticePage.objects.child_of(space).filter(slug=spec["slug"]).first()
            if existing is not None:
                existing = created[spec["slug"]] = existing.specific
                if spec["title_en"] and not existing.title_en:
                    self._add_english_title(existing, spec, authors, publishers)
                continue
            page = PracticePage(
                title=spec["title"],
                title_en=spec["title_en"],
                slug=spec["slug"],
                language=spec["language"],
                audience=spec["audience"],
                summary=spec["summary"],
                summary_en=spec["summary_en"],
                body=self._practice_body(spec["body"]),
                start_year=spec["start_year"],
                end_year=spec["end_year"],
                ongoing=spec["ongoing"],
                evidence_level=spec["evidence_level"],
                contact_name=spec["contact"]["name"],
                contact_role=spec["contact"]["role"],
                contact_email=spec["contact"]["email"],
                owner=authors[spec["country"]],
                live=False,
            )
            if spec["evidence_level"] == "evaluated":
                page.evaluation_document = self._evaluation(spec, space)
            for field_name, pool in terms.items():
                getattr(page, field_name).set([pool[slug] for slug in spec[field_name]])
            page.organisations.set(
                [
                    self._organisation(name, countries[spec["country"]])
                    for name in spec["organisations"]
                ]
            )
            page.other_countries.set([countries[code] for code in spec["other_countries"]])
            page.tags.set(spec["tags"])
            created[spec["slug"]] = space.add_child(instance=page)
        # Links to related practices need every page to exist; each page is then
        # published once, with its links.
        for spec in PRACTICES:
            page = created[spec["slug"]]
            if page.live:
                continue
            if not page.related_links.exists():
                for order, slug in enumerate(spec["related"]):
                    page.related_links.add(
                        RelatedPractice(sort_order=order, practice=created[slug])
                    )
            page.save_revision(user=authors[spec["country"]]).publish(
                user=publishers[spec["country"]]
            )

    @staticmethod
    def _add_english_title(page, spec, authors, publishers):
        """A practice seeded before practices had an English title gets the demo's,
        unless someone has a draft of it under way."""
        if not page.live or page.has_unpublished_changes:
            return
        page.title_en = spec["title_en"]
        page.save_revision(user=authors[spec["country"]]).publish(user=publishers[spec["country"]])

    def _practice_body(self, paragraphs):
        body = [("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in paragraphs]
        if len(paragraphs) > 2 and self.random.random() < 0.5:
            body.insert(1, ("heading", {"text": "How it works", "size": "h2"}))
        return body

    def _organisation(self, name, country):
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            # One of the network's own (demo.content.seminars): as described there.
            network = NETWORK_ORGANISATIONS.get(name)
            if network:
                country = Country.objects.filter(code=network["country"]).first()
            organisation = Organisation.objects.create(
                name=name,
                type=network["type"] if network else _organisation_type(name),
                country=country,
                website=network.get("website", "") if network else "",
                listed_publicly=network is not None,
            )
        return organisation

    def _evaluation(self, spec, space):
        title = f"Evaluation: {spec['title']}"[:250]
        return text_document(
            title,
            Collection.objects.get(name=space.country.name),
            f"evaluation-{spec['slug']}.txt",
            f"{title}\n\nAn external evaluation of the practice, with its method, "
            "results and recommendations. (Demo document.)\n",
        )

    def _print_accounts(self, password):
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Demo accounts:"))
        for row in demo_data.DEMO_USERS:
            username, groups, superuser = row[0], row[4], row[8]
            role = "superuser" if superuser else ", ".join(groups)
            self.stdout.write(f"  {username:<16} {role}")
        self.stdout.write(f"All demo accounts use the password: {password}")
