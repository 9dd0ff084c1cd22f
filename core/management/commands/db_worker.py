"""``manage.py db_worker``: the hub's task worker (core/worker.py) in place of
django_tasks_db's, with the same options. ``core`` comes before ``django_tasks_db`` in
INSTALLED_APPS, so this command is the one Django runs."""

import os

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from core.worker import HubWorker, periodic_commands


class Command(DatabaseWorkerCommand):
    help = (
        "Run the hub's database task worker: it waits out database outages, takes up the "
        "tasks of dead workers, retries failed tasks and runs WORKER_PERIODIC_COMMANDS."
    )

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        # As django_tasks_db's handle(), which names its own Worker class.
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        try:
            periodic = periodic_commands()
        except ValueError as error:
            raise CommandError(str(error)) from error
        worker = HubWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
            periodic=periodic,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only in the child that runs the worker
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
