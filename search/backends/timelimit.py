"""A time limit on the SQL of one search, for the backends that search in the database.

The embedded engine stops a search itself (its ``QUERY_TIME_LIMIT``); Wagtail's database backend has
no such limit, and on SQLite its ranking runs one full-text match per candidate row: a
broad query over 10,000 practices took minutes. Inside ``statement_time_limit`` a statement
that runs too long is cancelled by the database and ``TimeLimitExceeded`` is raised.
"""

from __future__ import annotations

import time
from contextlib import contextmanager

from django.db import OperationalError, connection, transaction

#: Seconds one search may spend in SQL (WAGTAILSEARCH_BACKENDS ``QUERY_TIME_LIMIT``).
DEFAULT_LIMIT = 2.0


class TimeLimitExceeded(Exception):
    pass


def _cancelled(error: OperationalError) -> bool:
    cause = error.__cause__
    return "interrupted" in str(error) or type(cause).__name__ == "QueryCanceled"


@contextmanager
def statement_time_limit(seconds: float):
    """Cancel the block's SQL once it has run ``seconds``; raises TimeLimitExceeded.

    SQLite: a progress handler that interrupts the statement. PostgreSQL: a
    ``statement_timeout`` set for a savepoint and set back afterwards. Other databases:
    no limit.
    """
    try:
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            raw = connection.connection
            deadline = time.monotonic() + seconds
            raw.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
            try:
                yield
            finally:
                raw.set_progress_handler(None, 0)
        elif connection.vendor == "postgresql":
            # Set for this transaction only (SET LOCAL): a transaction of its own ends
            # it at commit or rollback. Inside a caller's transaction it is a savepoint,
            # which a rollback after a cancellation undoes; on success it is set back by
            # hand, as a savepoint's release keeps it.
            limit = f"{max(1, int(seconds * 1000))}ms"  # 0 would mean no limit
            nested = connection.in_atomic_block
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    "SELECT current_setting('statement_timeout'), "
                    "set_config('statement_timeout', %s, true)",
                    [limit],
                )
                previous = cursor.fetchone()[0]
                yield
                if nested:
                    cursor.execute("SELECT set_config('statement_timeout', %s, true)", [previous])
        else:
            yield
    except OperationalError as error:
        if _cancelled(error):
            raise TimeLimitExceeded(str(error)) from error
        raise
