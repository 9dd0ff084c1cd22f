"""What the benchmark commands share: percentiles and scratch PostgreSQL databases.

``bench_search`` and ``bench_http`` each name their scratch databases with a prefix of
their own, and drop only databases whose name has it.
"""

import math
import secrets
from urllib.parse import unquote, urlsplit, urlunsplit

from django.core.management.base import CommandError


def percentile(values, p: float) -> float:
    """The p-th percentile (0–100) by linear interpolation between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    rank = (len(ordered) - 1) * p / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _postgres_url(url: str, name: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        raise CommandError(f"--postgres takes a postgres:// URL, not {parts.scheme or url!r}.")
    return urlunsplit(parts._replace(path=f"/{name}"))


def _connect(url: str):
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(
        dbname=parts.path[1:],
        user=unquote(parts.username or ""),
        password=unquote(parts.password or "") or None,
        host=parts.hostname,
        port=parts.port,
        autocommit=True,
    )


def create_postgres_database(url: str, prefix: str) -> str:
    """A new, empty database named ``<prefix><random>`` on the server at ``url``; its URL."""
    name = f"{prefix}{secrets.token_hex(4)}"
    try:
        with _connect(_postgres_url(url, "postgres")) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
    except Exception as error:  # noqa: BLE001 - any connection failure, said plainly
        raise CommandError(f"Could not create a scratch database on {url}: {error}") from error
    return _postgres_url(url, name)


def drop_postgres_database(url: str, prefix: str) -> None:
    """Drop the database of ``url`` if its name starts with ``prefix``, else nothing."""
    name = urlsplit(url).path[1:]
    if not name.startswith(prefix):  # never anything the caller did not create
        return
    with _connect(_postgres_url(url, "postgres")) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
