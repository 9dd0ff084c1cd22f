"""Weekly: email each follower the tracker's status changes on what they follow."""

from django.core.management.base import BaseCommand, CommandError

from recommendations.mail import send_digest


class Command(BaseCommand):
    help = (
        "Email each user who follows recommendations or countries the status changes of the "
        "last days on what they follow and may view. Run it weekly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=7, help="How many days back to look (default 7)."
        )

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        sent = send_digest(days=days)
        self.stdout.write(f"Sent {sent} digest email(s) covering the last {days} day(s).")
