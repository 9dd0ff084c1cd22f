"""Approval in a country's space, in the hub's words.

A practice written in a space is approved by that country's coordinators before it is
published (``setup_spaces`` gives each space one approval step, held by its coordinators'
group). Wagtail speaks of "moderation", "workflows" and "tasks", and confirms an approval
with "has been updated". Editors and coordinators are not Wagtail's users but the
network's, so here each step is said as the network says it:

- the action menu: "Submit to the Finland coordinators", one publish action for whoever
  may approve (:func:`hub_action_menu`);
- the confirmation after each step: "Submitted to the Finland coordinators for
  approval", "Approved and published", "Changes requested" (:func:`confirm_step`);
- the emails of each step, in the words of ``templates/wagtailadmin/notifications/`` and
  in their recipient's language, built by ``core.mailer`` like every email of the hub
  (:data:`NOTIFIERS`).

Who may submit, approve or publish is not decided here: Wagtail asks the permission
policies and the approval step's groups, which ``countries/permissions.py`` and
``setup_spaces`` set. This module only reads what they allow.
"""

from __future__ import annotations

import logging

from django.contrib import messages as django_messages
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.action_menu import (
    CancelWorkflowMenuItem,
    PublishMenuItem,
    RestartWorkflowMenuItem,
    SubmitForModerationMenuItem,
    WorkflowMenuItem,
)
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.admin.utils import get_user_display_name
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from core import cldr, links
from core.links import absolute_url
from core.mailer import email_language, send_emails, templated_email

from .choices import Role
from .models import Country, SpaceGroup

logger = logging.getLogger("hub.countries")


# -- whose approval --------------------------------------------------------------------
def approving_country(task) -> Country | None:
    """The country whose coordinators hold an approval step, or None for a step of
    another group (or no group)."""
    groups = getattr(getattr(task, "specific", task), "groups", None)
    if groups is None:
        return None
    link = (
        SpaceGroup.objects.filter(group__in=groups.all(), role=Role.COORDINATORS)
        .select_related("country")
        .first()
    )
    return link.country if link else None


def first_task(workflow):
    """The first active step of a workflow (a space's workflow has exactly one)."""
    if workflow is None:
        return None
    step = (
        workflow.workflow_tasks.filter(task__active=True)
        .select_related("task")
        .order_by("sort_order")
        .first()
    )
    return step.task.specific if step else None


def _title(page) -> str:
    return page.get_admin_display_title()


# -- the action menu -------------------------------------------------------------------
def _submit_label(country: Country | None, again: bool) -> str:
    if country is None:
        return _("Submit again for approval") if again else _("Submit for approval")
    if again:
        return _("Submit again to the %(country)s coordinators") % {"country": country.display_name}
    return _("Submit to the %(country)s coordinators") % {"country": country.display_name}


class SubmitForApprovalMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Submit to Finland moderation" (the workflow's name, in English whatever
    the reader's language), said as "Submit to the Finland coordinators"."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page is not None and page.pk else None
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            task = state.current_task_state.task
            again = True
        else:
            workflow_page = page if page is not None and page.pk else context["parent_page"]
            task = first_task(workflow_page.get_workflow())
            again = False
        context["label"] = _submit_label(approving_country(task), again)
        return context


class WithdrawMenuItem(CancelWorkflowMenuItem):
    """Wagtail's "Cancel workflow": the author takes the page back from approval."""

    label = gettext_lazy("Withdraw from approval")


class SubmitAgainMenuItem(RestartWorkflowMenuItem):
    """Wagtail's "Restart workflow": the approval starts again with this version."""

    label = gettext_lazy("Submit this version again for approval")


_REPLACEMENTS = {
    SubmitForModerationMenuItem: SubmitForApprovalMenuItem,
    CancelWorkflowMenuItem: WithdrawMenuItem,
    RestartWorkflowMenuItem: SubmitAgainMenuItem,
}


def hub_action_menu(menu_items: list, request, context: dict) -> None:
    """The page editor's action menu in the hub's words, with one publish action.

    While a page awaits approval, whoever may approve it (Wagtail offers them "Approve",
    which publishes) was also offered "Publish": two buttons for one act, the second
    skipping the record of the approval. "Publish" goes when an approval is offered;
    where no approval is pending (a page outside any space's workflow, or not submitted)
    those who may publish keep it.
    """
    approves = any(
        isinstance(item, WorkflowMenuItem) and item.name == "approve" for item in menu_items
    )
    kept = []
    for item in menu_items:
        if approves and type(item) is PublishMenuItem:
            continue
        if isinstance(item, WorkflowMenuItem) and item.name == "approve":
            item.label = (
                _("Approve and publish")
                if not item.launch_modal
                else _("Approve with a comment and publish")
            )
        elif type(item) in _REPLACEMENTS:
            item = _REPLACEMENTS[type(item)](order=item.order)
        kept.append(item)
    menu_items[:] = kept


# -- the confirmation after each step --------------------------------------------------
def _replace_confirmation(request, text: str, buttons) -> None:
    """Put ``text`` in place of the confirmation Wagtail's page view just gave.

    The view's own confirmation is the last success message queued in this request; its
    text is replaced where it stands (reading the messages would take the earlier ones
    from the storage). Without one, the hub's is added.
    """
    queued = getattr(django_messages.get_messages(request), "_queued_messages", None) or []
    for message in reversed(queued):
        if message.level == django_messages.SUCCESS:
            message.message = messages.render(text, buttons)
            return
    messages.success(request, text, buttons=buttons)


def _edit_button(page):
    return messages.button(reverse("wagtailadmin_pages:edit", args=(page.pk,)), _("Edit"))


def _draft_buttons(page):
    return [
        messages.button(
            reverse("wagtailadmin_pages:view_draft", args=(page.pk,)),
            _("View draft"),
            new_window=True,
        ),
        _edit_button(page),
    ]


def _live_buttons(page):
    buttons = [messages.button(page.url, _("View live"))] if page.url else []
    return buttons + [_edit_button(page)]


def _published_now(page) -> bool:
    """Whether the page's latest version is the live one (not saved as a draft, not
    scheduled for later)."""
    return page.live and not page.has_unpublished_changes and not page.approved_schedule


def _submitted(page, again: bool = False) -> str:
    country = approving_country(page.current_workflow_task)
    values = {"title": _title(page)}
    if country is None:
        if again:
            return _("Submitted again for approval: “%(title)s”.") % values
        return _("Submitted for approval: “%(title)s”.") % values
    values["country"] = country.display_name
    if again:
        return (
            _("Submitted again to the %(country)s coordinators for approval: “%(title)s”.") % values
        )
    return _("Submitted to the %(country)s coordinators for approval: “%(title)s”.") % values


#: The editor's buttons that take a step (Wagtail's names); a plain save is none.
STEP_BUTTONS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
)


def confirm_step(request, page) -> None:
    """After a step in the page editor (``after_create_page``, ``after_edit_page``), the
    confirmation in the hub's words.

    What the request asked for is read as Wagtail's view reads it (the same buttons, in
    the same order of precedence), and what happened is read from the page: a publish
    that only saved a draft, or was scheduled, keeps Wagtail's own words.
    """
    post = request.POST
    if request.method != "POST" or not any(post.get(name) for name in STEP_BUTTONS):
        return
    page = Page.objects.get(pk=page.pk).specific
    state = page.current_workflow_state
    title = {"title": _title(page)}

    if post.get("action-publish"):
        if _published_now(page):
            _replace_confirmation(
                request, _("Published: “%(title)s”.") % title, _live_buttons(page)
            )
        return
    if post.get("action-submit"):
        if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
            _replace_confirmation(request, _submitted(page), _draft_buttons(page))
        return
    if post.get("action-restart-workflow"):
        if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
            _replace_confirmation(request, _submitted(page, again=True), _draft_buttons(page))
        return
    if post.get("action-workflow-action"):
        action = post.get("workflow-action-name")
        if action == "approve":
            if _published_now(page):
                text = _("Approved and published: “%(title)s”.") % title
                _replace_confirmation(request, text, _live_buttons(page))
            elif page.approved_schedule:
                text = _("Approved: “%(title)s” will be published on %(date)s.") % {
                    **title,
                    "date": cldr.human_datetime(page.scheduled_revision.approved_go_live_at),
                }
                _replace_confirmation(request, text, [_edit_button(page)])
            elif state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
                text = _("Approved: “%(title)s” goes on to its next approval.") % title
                _replace_confirmation(request, text, [_edit_button(page)])
        elif action == "reject":
            latest = page.workflow_states.order_by("-created_at").first()
            if latest is not None and latest.status == WorkflowState.STATUS_NEEDS_CHANGES:
                requester = latest.requested_by
                values = {**title, "name": get_user_display_name(requester) if requester else ""}
                if requester is None:
                    text = _("Changes requested: “%(title)s” went back to its author.") % title
                elif requester in RejectedNotifier().get_valid_recipients(
                    latest, user=request.user
                ):
                    text = (
                        _(
                            "Changes requested: “%(title)s” went back to %(name)s, who is told "
                            "by email."
                        )
                        % values
                    )
                else:
                    text = _("Changes requested: “%(title)s” went back to %(name)s.") % values
                _replace_confirmation(request, text, [_edit_button(page)])
        return


def _withdrawn(page) -> str:
    page = Page.objects.get(pk=page.pk)
    title = {"title": _title(page)}
    if page.live:
        return _("Withdrawn from approval: “%(title)s”; the published version stays.") % title
    return _("Withdrawn from approval: “%(title)s” is a draft again.") % title


def confirm_withdrawal(request, page) -> None:
    """Before the page editor takes a page back from approval (``before_edit_page``), have
    its confirmation said in the hub's words.

    The author, for whom the page is locked while it awaits approval, is answered by a
    path of Wagtail's view that runs no hook afterwards: it withdraws the page, queues
    "Workflow on page … has been cancelled." and shows the editor again. So the first
    success message queued in this request is written in the hub's words as it is
    queued, on either path.
    """
    storage = getattr(request, "_messages", None)
    withdrawing = request.method == "POST" and request.POST.get("action-cancel-workflow")
    if not withdrawing or storage is None:  # (an empty storage is falsy)
        return
    queue = storage.add

    def add(level, message, extra_tags=""):
        if level == django_messages.SUCCESS:
            storage.add = queue  # once
            latest = page.workflow_states.order_by("-created_at").first()
            # Not withdrawn (someone who may not withdraw it only saved): Wagtail's words.
            if latest is not None and latest.status == WorkflowState.STATUS_CANCELLED:
                message = messages.render(_withdrawn(page), [])
        return queue(level, message, extra_tags)

    storage.add = add


# -- the emails ------------------------------------------------------------------------
def recipient_language(user) -> str:
    """The language to write to a user in: the one they chose for the admin (their
    Wagtail profile), else their country's, else the site's."""
    profile = getattr(user, "wagtail_userprofile", None)
    chosen = getattr(profile, "preferred_language", "") or ""
    # No membership: Django's "does not exist" for a one-to-one is an AttributeError.
    membership = getattr(user, "membership", None)
    country = getattr(membership, "country", None)
    return email_language(chosen or None, email_language(getattr(country, "language", None)))


class HubNotifierMixin:
    """Wagtail's notifier, with each email built by ``core.mailer`` (the hub's sender,
    Message-ID and headers) in its recipient's language (:func:`recipient_language`).

    The templates keep Wagtail's names (``wagtailadmin/notifications/<name>.txt`` and
    ``<name>_subject.txt``); the hub's own are found first. The context gains ``country``
    (whose coordinators approve), ``requested_by`` and ``acting`` (who took the step).
    """

    def get_context(self, instance, **kwargs):
        context = super().get_context(instance, **kwargs)
        workflow_state = instance if isinstance(instance, WorkflowState) else None
        task = None
        if isinstance(instance, TaskState):
            workflow_state = instance.workflow_state
            task = instance.task
        elif workflow_state is not None and workflow_state.current_task_state is not None:
            task = workflow_state.current_task_state.task
        requested_by = workflow_state.requested_by if workflow_state else None
        acting = kwargs.get("user")
        context.update(
            country=approving_country(task),
            requester=get_user_display_name(requested_by) if requested_by else "",
            acting=get_user_display_name(acting) if acting else "",
            account_url=absolute_url(reverse("wagtailadmin_account")) + "#tab-notifications",
        )
        page = context.get("page")
        if page is not None:
            # Reread: the step may have published it since the state was loaded.
            page = Page.objects.get(pk=page.pk).specific
            context.update(
                page=page,
                title=_title(page),
                edit_url=absolute_url(reverse("wagtailadmin_pages:edit", args=(page.pk,))),
                page_url=links.page_url(page) if page.live else "",
                published=_published_now(page),
                publish_at=(
                    page.scheduled_revision.approved_go_live_at if page.approved_schedule else None
                ),
            )
            if task is not None:
                context["preview_url"] = absolute_url(
                    reverse("wagtailadmin_pages:workflow_preview", args=(page.pk, task.pk))
                )
        return context

    def send_emails(self, template_set, context, recipients, **kwargs):
        base = template_set["text"].removesuffix(".txt")
        emails = []
        for recipient in recipients:
            language = recipient_language(recipient)
            emails.append(
                templated_email(
                    base, {**context, "user": recipient}, [recipient.email], language=language
                )
            )
        try:
            sent = send_emails(emails)
        except Exception:
            # A mail server that fails must not undo the step: the page is already
            # submitted, approved or sent back.
            logger.exception("The emails of an approval step (%s) were not sent.", base)
            return False
        return sent == len(emails)


class TaskSubmittedNotifier(HubNotifierMixin, GroupApprovalTaskStateSubmissionEmailNotifier):
    """To the coordinators: a page awaits their approval."""


class WorkflowSubmittedNotifier(HubNotifierMixin, WorkflowStateSubmissionEmailNotifier):
    """To superusers (when Wagtail includes them): a page was submitted.

    Not when its first step is a group's approval: the superusers, who may approve any
    step, were just asked for their approval by :class:`TaskSubmittedNotifier`, and a
    second email about the same submission is noise.
    """

    def get_recipient_users(self, workflow_state, **kwargs):
        step = workflow_state.current_task_state
        if step is not None and isinstance(step.task.specific, AbstractGroupApprovalTask):
            return set()
        return super().get_recipient_users(workflow_state, **kwargs)


class ApprovedNotifier(HubNotifierMixin, WorkflowStateApprovalEmailNotifier):
    """To the author: the page was approved (and published)."""


class RejectedNotifier(HubNotifierMixin, WorkflowStateRejectionEmailNotifier):
    """To the author: the coordinators ask for changes."""


#: (signal, sender, Wagtail's dispatch_uid, the hub's notifier)
NOTIFIERS = (
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification",
     TaskSubmittedNotifier()),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification",
     WorkflowSubmittedNotifier()),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification",
     ApprovedNotifier()),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification",
     RejectedNotifier()),
)  # fmt: skip


def connect_notifiers() -> None:
    """Connect the hub's notifiers under Wagtail's own dispatch_uids.

    Called from ``CountriesConfig.ready``, which runs before Wagtail's admin app connects
    its notifiers (``countries`` comes first in ``INSTALLED_APPS``). A signal keeps the
    first receiver connected under a dispatch_uid, so Wagtail's then connect nothing and
    each step sends one email per recipient, the hub's. Any that were connected before
    (a reload) are replaced.
    """
    for signal, sender, uid, notifier in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(notifier, sender=sender, dispatch_uid=uid, weak=False)
