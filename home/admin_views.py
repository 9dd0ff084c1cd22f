"""The page editor's views for every page type: a save from a form opened on an older
revision is refused, never allowed to replace someone else's revision silently.

Wagtail's editor shows who else has the page open and warns when they save (concurrent
editing notifications), and refuses an autosave made on an older revision; but the form's
own Save draft, Publish or Submit is accepted as sent, so whoever posts last wins. Here
those are refused too: the form comes back with the user's entries, a message naming who
saved and when with a link comparing the versions, and the form's revision fields moved
on to the newest revision, so saving again is a deliberate choice.
"""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.revisions import RevisionsRevertView
from wagtail.models import Page

from core.forms import whole_number


class NewerRevisionCheckMixin:
    """For Wagtail's page EditView and its subclasses: check the revision the form was
    opened on, under a lock on the page row, before any action saves it."""

    def form_valid(self, form):
        with transaction.atomic():
            # Until this save commits, a second save of the page waits here, and then finds
            # this one's revision newer than the one its form was opened on.
            page = Page.objects.select_for_update().get(pk=self.page.pk)
            self.latest_revision = page.get_latest_revision()
            # Wagtail's own test, made again on the revision read under the lock.
            self.__dict__.pop("latest_revision_created_at", None)
            self.__dict__.pop("is_out_of_date", None)
            if self.is_out_of_date:
                return self.refuse_stale_save(form)
            return super().form_valid(form)

    def refuse_stale_save(self, form):
        latest = self.latest_revision
        when = date_format(timezone.localtime(latest.created_at), "DATETIME_FORMAT")
        message = _(
            "%(name)s saved a newer version of this page on %(when)s, after you opened it. "
            "Nothing of yours was saved: your changes are still in the form. Compare the "
            "two versions, then save again if yours should replace it."
        ) % {"name": get_user_display_name(latest.user) or _("Someone"), "when": when}
        if self.expects_json_response:
            return self.json_error_response("invalid_revision", message)
        # The form is shown again on the newest revision: its hidden fields now name it.
        self.page.latest_revision_id = latest.pk
        form.restore_required_fields()
        messages.error(self.request, message, buttons=self.compare_buttons(latest))
        self.has_unsaved_changes = True
        return self.render_to_response(self.get_context_data())

    def compare_buttons(self, latest) -> list:
        """A link to what changed between the revision the form was opened on and the
        newest one, for users who may see revisions."""
        opened = whole_number(
            self.request.POST.get("overwrite_revision_id")
            or self.request.POST.get("loaded_revision_id", "")
        )
        if (
            opened is None
            or opened == latest.pk
            or not self.page_perms.can_view_revisions()
            or not self.real_page_record.revisions.filter(pk=opened).exists()
        ):
            return []
        url = reverse("wagtailadmin_pages:revisions_compare", args=(self.page.pk, opened, "latest"))
        return [messages.button(url, _("Compare versions"), new_window=True)]


class PageEditView(NewerRevisionCheckMixin, EditView):
    pass


class PageRevisionsRevertView(NewerRevisionCheckMixin, RevisionsRevertView):
    pass
