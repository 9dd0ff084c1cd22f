"""Daily: remind each country's coordinators of items due soon, overdue or not updated."""

from django.core.management.base import BaseCommand, CommandError

from recommendations.mail import send_reminders


class Command(BaseCommand):
    help = (
        "Email each country's coordinators the open implementations that are due within 60 "
        "days, overdue, or not updated for six months. Run it daily; an item is reminded at "
        "most once per --every days."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=int,
            default=7,
            help="The least number of days between two reminders of the same item (default 7).",
        )

    def handle(self, *args, every, **options):
        if every < 1:
            raise CommandError("--every must be at least 1.")
        summary = send_reminders(every=every)
        self.stdout.write(
            f"Sent {summary.emails} reminder email(s) about {summary.items} item(s) in "
            f"{len(summary.countries)} country(ies): {', '.join(summary.countries) or '-'}."
        )
        if summary.unreachable:
            self.stderr.write(
                "No coordinator with an email address to remind in: "
                + ", ".join(summary.unreachable)
            )
