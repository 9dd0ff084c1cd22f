"""``runserver`` whose static files answer 404, never 500, to a path that leaves them.

Django's development server serves ``/static/`` itself, ahead of the URL configuration,
with a handler that lets the traversal error of ``/static/%2e%2e/admin/`` through as a
server error. This one serves them with ``home.views.static_file``, as ``hub/urls.py``
does under DEBUG (``--nostatic``).
"""

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.contrib.staticfiles.management.commands import runserver

from home.views import static_file


class HubStaticFilesHandler(StaticFilesHandler):
    def serve(self, request):
        return static_file(request, self.file_path(request.path), insecure=True)


class Command(runserver.Command):
    def get_handler(self, *args, **options):
        handler = super().get_handler(*args, **options)
        if isinstance(handler, StaticFilesHandler):
            return HubStaticFilesHandler(handler.application)
        return handler
