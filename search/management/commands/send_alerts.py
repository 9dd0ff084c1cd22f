"""Daily: email each saved search's new matches to its owner, when due."""

from django.core.management.base import BaseCommand

from search.alerts import send_alerts


class Command(BaseCommand):
    help = (
        "Email the owners of saved searches the new practices, seminars and documents that "
        "match them and that they may view, daily or weekly as each chose. Run it daily."
    )

    def handle(self, *args, **options):
        sent = send_alerts()
        self.stdout.write(f"Sent {sent} saved-search email(s).")
