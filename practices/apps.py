from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "practices"

    def ready(self):
        from . import library  # noqa: F401 - registers its caches (core.caches)
