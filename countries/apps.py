from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountriesConfig(AppConfig):
    name = "countries"
    verbose_name = _("country spaces")

    def ready(self):
        from django.core.signals import request_finished, request_started
        from wagtail.permissions import register_permission_policy

        from core import access

        from . import moderation, permissions
        from .models import Country, Membership, SpaceGroup
        from .permissions import SuperuserOnlyPermissionPolicy

        # The foundation asks its questions of access through core.access.
        access.provide(permissions)

        # Rights asked of a user (Wagtail's permission policies) are kept for one request.
        request_started.connect(permissions.start_request_memo, dispatch_uid="hub-rights-start")
        request_finished.connect(permissions.end_request_memo, dispatch_uid="hub-rights-end")

        # Spaces and people are managed by superusers only, whatever a group is granted.
        for model in (Country, Membership, SpaceGroup):
            register_permission_policy(model, SuperuserOnlyPermissionPolicy(model))

        # Approval emails in the hub's words and their recipient's language, instead of
        # Wagtail's (connected under Wagtail's own dispatch_uids: see the function).
        moderation.connect_notifiers()
