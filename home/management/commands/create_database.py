"""``manage.py create_database``: create the PostgreSQL database DATABASE_URL names, if it
does not exist yet (for ``make serve-prod`` and first installs). SQLite needs nothing: its
file appears on the first migrate."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from psycopg import sql


class Command(BaseCommand):
    help = "Create the PostgreSQL database named in DATABASE_URL if it is missing."

    def handle(self, *args, **options):
        config = settings.DATABASES["default"]
        if config["ENGINE"] != "django.db.backends.postgresql":
            self.stdout.write("Not PostgreSQL: nothing to create.")
            return
        import psycopg

        params = {
            "dbname": "postgres",
            "user": config.get("USER") or None,
            "password": config.get("PASSWORD") or None,
            "host": config.get("HOST") or None,
            "port": config.get("PORT") or None,
        }
        name = config["NAME"]
        try:
            with psycopg.connect(autocommit=True, **params) as connection:
                exists = connection.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [name]
                ).fetchone()
                if exists:
                    self.stdout.write(f"Database {name} exists.")
                    return
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        except psycopg.Error as error:
            raise CommandError(f"Could not create database {name}: {error}") from error
        self.stdout.write(f"Created database {name}.")
