"""List the accounts the yearly access review asks about (``home/onboarding.py``): active
accounts not seen for a year, and invited accounts never signed in after 30 days, that no
superuser confirmed within the year.

    manage.py access_review          # prints them, one a line
    manage.py access_review --mail   # and mails the list to every active superuser

Superusers then confirm or deactivate each in the admin (Reports, Access review). The
production worker runs it with ``--mail`` every 30 days (``WORKER_PERIODIC_COMMANDS``);
it mails nothing when nobody is to be reviewed.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.urls import reverse

from core.links import absolute_url
from core.mailer import send_emails, templated_email
from home import onboarding


class Command(BaseCommand):
    help = "List accounts not seen for a year (or invited and never signed in) to review."

    def add_arguments(self, parser):
        parser.add_argument(
            "--mail", action="store_true", help="Mail the list to every active superuser."
        )

    def handle(self, *args, **options):
        accounts = list(onboarding.stale_accounts())
        for user in accounts:
            seen = user.last_login.date().isoformat() if user.last_login else "never"
            self.stdout.write(f"{user.get_username()}\t{user.email}\tlast sign-in: {seen}")
        if options["verbosity"] >= 1:
            self.stdout.write(f"{len(accounts)} account(s) to review.")
        if options["mail"] and accounts:
            superusers = get_user_model().objects.filter(is_active=True, is_superuser=True)
            context = {
                "accounts": accounts,
                "link": absolute_url(reverse("home_access_review")),
            }
            send_emails(
                [
                    templated_email(
                        "onboarding/access_review", context, [admin.email], language="en"
                    )
                    for admin in superusers
                    if admin.email
                ]
            )
