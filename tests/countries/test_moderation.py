"""Approval in a country's space, in the hub's words (countries/moderation.py): the editor's
buttons, the confirmation after each step, one publish action for whoever approves, and
the emails of each step in their recipient's language.

Every step goes through the admin's own POST, as the page editor's buttons send it.
"""

import re

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from countries.models import CountryPage
from tests.mail_headers import check_hub_email
from tests.practices.factories import practice_edit_data, publish_practice

pytestmark = pytest.mark.django_db

#: Wagtail's own words for these steps, which the hub's replace.
WAGTAIL_WORDS = ("moderation", "workflow", "has been updated", "Moderation", "Workflow")


@pytest.fixture
def practice():
    space = CountryPage.objects.get(country__code="FI")
    return publish_practice(space, title="Shelter network", slug="shelter-network-approval")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def form_data(page, title, **actions):
    """The practice's edit form as the page editor sends it, with the pressed button."""
    return practice_edit_data(page, title, **actions)


def workflow_step(action):
    """What the editor's approval buttons send (Wagtail's footer script fills these)."""
    return {
        "action-workflow-action": "true",
        "workflow-action-name": action,
        "workflow-action-extra-data": "{}",
    }


def confirmations(response) -> list[str]:
    """The messages the next page shows, as text."""
    return [
        " ".join(re.sub(r"<[^>]+>", " ", str(message)).split())
        for message in get_messages(response.wsgi_request)
    ]


def submit(client, page, title="Shelter network, revised"):
    response = client.post(edit_url(page), form_data(page, title, **{"action-submit": "1"}))
    assert response.status_code == 302, response.content[:2000]
    return response


def set_language(username, language):
    from django.contrib.auth import get_user_model

    profile = UserProfile.get_for_user(get_user_model().objects.get(username=username))
    profile.preferred_language = language
    profile.save()


# -- the confirmation after each step --------------------------------------------------
def test_submitting_says_to_whom(client_for, practice):
    editor = client_for("fi-editor")
    response = submit(editor, practice)

    shown = confirmations(response)
    assert len(shown) == 1, shown
    assert shown[0].startswith("Submitted to the Finland coordinators for approval:")
    assert "Shelter network, revised" in shown[0]
    assert not any(word in shown[0] for word in WAGTAIL_WORDS)
    assert Page.objects.get(pk=practice.pk).workflow_in_progress
    # What the editor sees on the page they are sent back to: the hub's words only.
    html = editor.get(response["Location"]).content.decode()
    assert "Submitted to the Finland coordinators for approval" in html
    assert "submitted for moderation" not in html


def test_a_new_practice_submitted_on_creation_says_to_whom(client_for):
    space = CountryPage.objects.get(country__code="FI")
    editor = client_for("fi-editor")
    add_url = reverse("wagtailadmin_pages:add", args=("practices", "practicepage", space.pk))
    assert "Submit to the Finland coordinators" in editor.get(add_url).content.decode()
    data = nested_form_data(
        {
            "title": "Peer support groups",
            "slug": "peer-support-groups",
            "summary": "Peer support for victims.",
            "language": "en",
            "audience": "public",
            "body": streamfield([]),
            "resources": streamfield([]),
            "evidence_level": "emerging",
            "ongoing": "on",
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    response = editor.post(add_url, {**data, "action-submit": "1"})
    assert response.status_code == 302, response.content[:2000]

    page = Page.objects.get(slug="peer-support-groups")
    assert page.workflow_in_progress and not page.live
    assert confirmations(response) == [
        "Submitted to the Finland coordinators for approval: “Peer support groups”. View draft Edit"
    ]


def test_submitting_in_finnish_names_the_space_in_finnish(client_for, practice):
    set_language("fi-editor", "fi")
    response = submit(client_for("fi-editor"), practice)
    with translation.override("fi"):
        expected = translation.gettext(
            "Submitted to the %(country)s coordinators for approval: “%(title)s”."
        ) % {"country": "Suomi", "title": "Shelter network, revised"}
        buttons = f"{translation.gettext('View draft')} {translation.gettext('Edit')}"
    assert confirmations(response) == [f"{expected} {buttons}"]


def test_approving_says_published(client_for, practice):
    submit(client_for("fi-editor"), practice)
    coordinator = client_for("fi-coordinator")
    response = coordinator.post(
        edit_url(practice),
        form_data(practice, "Shelter network, revised", **workflow_step("approve")),
    )
    assert response.status_code == 302

    shown = confirmations(response)
    assert shown == ["Approved and published: “Shelter network, revised”. View live Edit"]
    page = Page.objects.get(pk=practice.pk)
    assert page.live and page.title == "Shelter network, revised"
    assert not page.workflow_in_progress


def test_requesting_changes_says_who_gets_it_back(client_for, practice, users):
    editor = users["fi-editor"]
    editor.first_name, editor.last_name = "Mikko", "Saarinen"
    editor.save()
    submit(client_for("fi-editor"), practice)
    response = client_for("fi-coordinator").post(
        edit_url(practice),
        form_data(practice, "Shelter network, revised", **workflow_step("reject")),
    )
    assert response.status_code == 302

    shown = confirmations(response)
    assert shown == [
        "Changes requested: “Shelter network, revised” went back to Mikko Saarinen, who is "
        "told by email. Edit"
    ]
    state = Page.objects.get(pk=practice.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert Page.objects.get(pk=practice.pk).title == "Shelter network"


def test_requesting_changes_of_ones_own_submission_promises_no_email(client_for, practice):
    """A coordinator who sent back what they submitted themselves is sent no email."""
    submit(client_for("fi-coordinator"), practice)
    response = client_for("fi-coordinator").post(
        edit_url(practice),
        form_data(practice, "Shelter network, revised", **workflow_step("reject")),
    )
    [shown] = confirmations(response)
    assert shown.startswith("Changes requested: “Shelter network, revised” went back to ")
    assert "email" not in shown


def test_submitting_again_after_changes_says_to_whom(client_for, practice):
    submit(client_for("fi-editor"), practice)
    client_for("fi-coordinator").post(
        edit_url(practice),
        form_data(practice, "Shelter network, revised", **workflow_step("reject")),
    )
    _names, _steps, text = footer_actions(client_for("fi-editor"), practice)
    assert "Submit again to the Finland coordinators" in text
    response = submit(client_for("fi-editor"), practice, title="Shelter network, again")
    assert confirmations(response)[0].startswith(
        "Submitted to the Finland coordinators for approval: “Shelter network, again”."
    )


def test_publishing_says_published(client_for, practice):
    """A superuser outside any pending approval publishes directly, and is told so."""
    response = client_for("admin").post(
        edit_url(practice), form_data(practice, "Shelter network 2", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    assert confirmations(response) == ["Published: “Shelter network 2”. View live Edit"]
    assert Page.objects.get(pk=practice.pk).title == "Shelter network 2"


def test_publish_refused_to_an_editor_keeps_wagtails_words(client_for, practice):
    """An editor's "publish" is saved as a draft: saying "Published" would be a lie."""
    response = client_for("fi-editor").post(
        edit_url(practice), form_data(practice, "Editor's try", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    assert not any("Published" in text for text in confirmations(response))
    assert Page.objects.get(pk=practice.pk).title == "Shelter network"


def test_a_plain_save_keeps_its_confirmation(client_for, practice):
    response = client_for("fi-editor").post(edit_url(practice), form_data(practice, "A draft"))
    assert response.status_code == 302
    assert len(confirmations(response)) == 1


def test_the_author_withdrawing_is_told_so(client_for, practice):
    """The page is locked for its author while it awaits approval: Wagtail's view answers
    with the editor again, not a redirect."""
    editor = client_for("fi-editor")
    submit(editor, practice)
    response = editor.post(
        edit_url(practice),
        form_data(practice, "Shelter network, revised", **{"action-cancel-workflow": "1"}),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Withdrawn from approval: “Shelter network, revised”; the published version stays." in (
        html
    )
    assert "has been cancelled" not in html
    assert not Page.objects.get(pk=practice.pk).workflow_in_progress


def test_a_coordinator_withdrawing_is_told_so(client_for, practice):
    """A coordinator takes a submission back from approval."""
    submit(client_for("fi-editor"), practice)
    response = client_for("fi-coordinator").post(
        edit_url(practice),
        form_data(practice, "Shelter network, revised", **{"action-cancel-workflow": "1"}),
    )
    assert response.status_code == 302
    assert confirmations(response) == [
        "Withdrawn from approval: “Shelter network, revised”; the published version stays."
    ]
    assert not Page.objects.get(pk=practice.pk).workflow_in_progress


def test_a_withdrawal_refused_keeps_wagtails_words(client_for, practice):
    """Someone who may not withdraw the submission (another country's coordinator may
    not even edit; a colleague editor of the author's may edit, not withdraw) only
    saves: the confirmation must not say it was withdrawn."""
    from tests.countries.factories import account

    account("fi-editor-2", groups=("Finland editors",), country="FI")
    submit(client_for("fi-editor"), practice)
    response = client_for("fi-editor-2").post(
        edit_url(practice),
        form_data(practice, "Shelter network, revised", **{"action-cancel-workflow": "1"}),
    )
    assert Page.objects.get(pk=practice.pk).workflow_in_progress
    assert not any("Withdrawn" in text for text in confirmations(response))


# -- the action menu -------------------------------------------------------------------
def footer_actions(client, page) -> tuple[list[str], list[str], str]:
    """(the buttons' names, the approval buttons' actions, the footer's text)."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    footer = html[html.index('<footer class="footer') :]
    footer = footer[: footer.index("</footer>")]
    names = re.findall(r'<button[^>]*\bname="(action-[a-z-]+)"', footer)
    steps = re.findall(r'data-workflow-action-name="([a-z]+)"', footer)
    return names, steps, " ".join(re.sub(r"<[^>]+>", " ", footer).split())


def test_the_editor_submits_to_the_coordinators(client_for, practice):
    names, _steps, text = footer_actions(client_for("fi-editor"), practice)
    assert "action-submit" in names
    assert "Submit to the Finland coordinators" in text
    assert "moderation" not in text.lower()


def test_a_coordinator_has_one_publish_action_on_a_page_awaiting_approval(client_for, practice):
    submit(client_for("fi-editor"), practice)
    names, steps, text = footer_actions(client_for("fi-coordinator"), practice)

    assert "action-publish" not in names
    assert set(steps) == {"approve", "reject"}
    # Both approval buttons are the one act (one asks for a comment first).
    assert "Approve and publish" in text
    assert "Approve with a comment and publish" in text
    assert "Request changes" in text
    assert "workflow" not in text.lower()


def test_a_coordinator_publishes_directly_when_nothing_awaits_approval(client_for, practice):
    names, steps, _text = footer_actions(client_for("fi-coordinator"), practice)
    assert "action-publish" in names
    assert steps == []


def test_a_superuser_still_publishes(client_for, practice):
    names, _steps, _text = footer_actions(client_for("admin"), practice)
    assert "action-publish" in names
    # A network page, where no approval applies: the secretariat publishes it.
    library = Page.objects.get(url_path="/home/practices/")
    names, _steps, _text = footer_actions(client_for("secretariat"), library)
    assert "action-publish" in names
    assert "action-submit" not in names


# -- the emails ------------------------------------------------------------------------
def mails_to(username, users):
    address = users[username].email
    return [message for message in mail.outbox if address in message.to]


def test_the_coordinators_are_asked_in_their_language(client_for, practice, users):
    set_language("fi-coordinator", "fi")
    mail.outbox.clear()
    submit(client_for("fi-editor"), practice)

    [message] = mails_to("fi-coordinator", users)
    parsed = check_hub_email(message, unsubscribe=False)
    assert parsed["Content-Language"] == "fi"
    with translation.override("fi"):
        subject = translation.gettext("For your approval: “%(title)s”") % {
            "title": "Shelter network, revised"
        }
        line = translation.gettext(
            "%(requester)s submitted “%(title)s” to the %(country)s coordinators for approval."
        ) % {"requester": "fi-editor", "title": "Shelter network, revised", "country": "Suomi"}
    assert message.subject == subject
    body = message.body
    words = re.sub(r"https?://\S+", "", body)
    # The name of the space as Finnish writes it (CLDR), in the sentence of the Finnish
    # catalogue: the whole email is rendered in Finnish.
    assert "Suomi" in body and "Finland" not in body
    requester = users["fi-editor"].get_full_name() or "fi-editor"
    assert line.replace("fi-editor", requester) in body
    for word in ("moderation stage", "workflow", "moderation", "Workflow"):
        assert word not in words and word not in message.subject
    assert f"/admin/pages/{practice.pk}/edit/" in body
    task = Page.objects.get(pk=practice.pk).current_workflow_task
    preview = reverse("wagtailadmin_pages:workflow_preview", args=(practice.pk, task.pk))
    assert preview in body


def test_a_coordinator_without_a_chosen_language_is_written_in_their_countrys(
    client_for, practice, users
):
    UserProfile.objects.filter(user__username="fi-coordinator").update(preferred_language="")
    mail.outbox.clear()
    submit(client_for("fi-editor"), practice)

    [message] = mails_to("fi-coordinator", users)
    assert message.extra_headers["Content-Language"] == "fi"
    assert "Suomi" in message.body
    # The administrator, of no country, reads English: one email, asking for an approval
    # (superusers may approve any step), not a second one about the same submission.
    [to_admin] = mails_to("admin", users)
    assert to_admin.extra_headers["Content-Language"] == "en"
    assert to_admin.subject == "For your approval: “Shelter network, revised”"
    assert "to the Finland coordinators for approval" in to_admin.body
    # Wagtail's own notifiers are not connected as well: one email per recipient and step.
    assert len(mails_to("fi-coordinator", users)) == 1
    assert not any("moderation" in re.sub(r"https?://\S+", "", m.body) for m in mail.outbox)


def test_the_author_is_told_of_the_approval_and_of_changes_requested(client_for, practice, users):
    set_language("fi-editor", "sv")
    submit(client_for("fi-editor"), practice)
    mail.outbox.clear()
    client_for("fi-coordinator").post(
        edit_url(practice),
        form_data(practice, "Shelter network, revised", **workflow_step("reject")),
    )
    [rejected] = mails_to("fi-editor", users)
    check_hub_email(rejected, unsubscribe=False)
    assert rejected.extra_headers["Content-Language"] == "sv"
    with translation.override("sv"):
        assert rejected.subject == translation.gettext("Changes requested: “%(title)s”") % {
            "title": "Shelter network, revised"
        }
    assert f"/admin/pages/{practice.pk}/edit/" in rejected.body

    submit(client_for("fi-editor"), practice)
    mail.outbox.clear()
    client_for("fi-coordinator").post(
        edit_url(practice),
        form_data(practice, "Shelter network, revised", **workflow_step("approve")),
    )
    [approved] = mails_to("fi-editor", users)
    with translation.override("sv"):
        assert approved.subject == translation.gettext("Published: “%(title)s”") % {
            "title": "Shelter network, revised"
        }
    assert Page.objects.get(pk=practice.pk).url.rstrip("/").split("/")[-1] in approved.body
    for body in (approved.body, rejected.body):
        words = re.sub(r"https?://\S+", "", body).lower()
        assert "moderation" not in words and "workflow" not in words
