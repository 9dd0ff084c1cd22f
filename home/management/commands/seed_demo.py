"""Fill the hub with demo content and the demo accounts of DESIGN §10.

Idempotent: what exists is kept, what is missing is created. ``--reset`` removes the demo
content and accounts first. Refuses to run unless the settings define SEED_DEMO_PASSWORD,
which only development and test settings do.
"""

import random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from countries.models import Country, CountryContact, CountryPage, Membership
from home import demo_data
from home.models import FormField, FormPage, HomePage, HubSettings, StandardPage
from practices.models import PracticeIndexPage, PracticePage


class Command(BaseCommand):
    help = "Create demo content and demo accounts (development only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Delete demo content and accounts first."
        )
        parser.add_argument("--seed", type=int, default=2021, help="Seed for randomness.")

    def handle(self, *args, **options):
        password = getattr(settings, "SEED_DEMO_PASSWORD", None)
        if not password:
            raise CommandError(
                "seed_demo creates accounts with a shared password and only runs with "
                "development settings (SEED_DEMO_PASSWORD is not set)."
            )
        self.random = random.Random(options["seed"])
        call_command("setup_spaces", stdout=self.stdout)
        with transaction.atomic():
            if options["reset"]:
                self._reset()
                call_command("setup_spaces", stdout=self.stdout)
            users = self._users(password)
            home = self._home()
            self._network_pages(home, users["secretariat"])
            self._countries()
            self._practices(home, users)
        # Network sections created above need the secretariat's rights.
        call_command("setup_spaces", stdout=self.stdout)
        self._print_accounts(password)

    # -- reset -------------------------------------------------------------------------
    def _reset(self):
        home = HomePage.objects.first()
        if home is not None:
            for page in PracticePage.objects.all():
                page.delete()
            for page in home.get_children().not_type(PracticeIndexPage, *self._skeleton_types()):
                page.delete()
            for page in PracticeIndexPage.objects.all():
                page.delete()
        CountryContact.objects.all().delete()
        usernames = [row[0] for row in demo_data.DEMO_USERS]
        get_user_model().objects.filter(username__in=usernames).delete()

    def _skeleton_types(self):
        from countries.models import CountryIndexPage

        return (CountryIndexPage,)

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
                },
            )
            users[username] = user
        return users

    # -- pages -------------------------------------------------------------------------
    def _home(self):
        home = HomePage.objects.get()
        home.title = "Nordic THB Coordinators Hub"
        home.intro = demo_data.HOME_INTRO
        home.body = self._stream(demo_data.HOME_BODY)
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
            )
            for order, (label, field_type, required, choices, help_text) in enumerate(
                spec["fields"]
            ):
                form.form_fields.add(
                    FormField(
                        sort_order=order,
                        label=label,
                        field_type=field_type,
                        required=required,
                        choices=choices,
                        help_text=help_text,
                    )
                )
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
        authors = {
            "FI": users["fi-editor"],
            "SE": users["se-editor"],
            "NO": users["no-coordinator"],
            "DK": users["dk-coordinator"],
            "IS": users["is-coordinator"],
        }
        publishers = {
            "FI": users["fi-coordinator"],
            "SE": users["se-coordinator"],
            "NO": users["no-coordinator"],
            "DK": users["dk-coordinator"],
            "IS": users["is-coordinator"],
        }
        for code, slug, title, language, audience, summary, paragraphs in demo_data.PRACTICES:
            space = CountryPage.objects.get(country__code=code)
            if PracticePage.objects.child_of(space).filter(slug=slug).exists():
                continue
            body = [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]
            if self.random.random() < 0.5:
                body.insert(0, ("heading", {"text": "What is done", "size": "h2"}))
            page = space.add_child(
                instance=PracticePage(
                    title=title,
                    slug=slug,
                    language=language,
                    audience=audience,
                    summary=summary,
                    body=body,
                    owner=authors[code],
                )
            )
            page.save_revision(user=authors[code]).publish(user=publishers[code])

    def _print_accounts(self, password):
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Demo accounts:"))
        for row in demo_data.DEMO_USERS:
            username, groups, superuser = row[0], row[4], row[8]
            role = "superuser" if superuser else ", ".join(groups)
            self.stdout.write(f"  {username:<16} {role}")
        self.stdout.write(f"All demo accounts use the password: {password}")
