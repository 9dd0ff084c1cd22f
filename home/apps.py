from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save, pre_save

        from . import security
        from .templatetags import site_tags  # noqa: F401 - registers its cache

        user_model = get_user_model()
        pre_save.connect(security.note_deactivation, sender=user_model, dispatch_uid="hub-deact")
        post_save.connect(
            security.end_sessions_of_deactivated, sender=user_model, dispatch_uid="hub-deact"
        )
