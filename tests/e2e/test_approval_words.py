"""Approval in a country's space, as the editor and the coordinator see it in the page
editor: the hub's words on the buttons and after each step, one publish action for the
coordinator (countries/moderation.py)."""

from wagtail.models import Page

from tests.e2e.conftest import screenshot, sign_in
from tests.e2e.test_journeys import open_footer_menu


def test_submit_and_approve_in_the_hubs_words(new_page, hub_url, db_access):
    practice = Page.objects.get(slug="matrix-subject-fi")
    space = practice.get_parent()
    edit = f"{hub_url}/admin/pages/{practice.pk}/edit/"

    editor = new_page()
    sign_in(editor, hub_url, "fi-editor", "/admin/")
    editor.goto(edit)
    open_footer_menu(editor)
    submit = editor.locator("footer button[name='action-submit']")
    assert submit.inner_text().strip() == "Submit to the Finland coordinators"
    submit.click()
    editor.wait_for_url(f"{hub_url}/admin/pages/{space.pk}/")
    message = editor.locator(".messages").inner_text()
    assert "Submitted to the Finland coordinators for approval: “Matrix subject FI”." in message
    assert "moderation" not in message
    screenshot(editor, "approval-1-editor-submitted")

    coordinator = new_page()
    sign_in(coordinator, hub_url, "fi-coordinator", "/admin/")
    coordinator.goto(edit)
    open_footer_menu(coordinator)
    footer = coordinator.locator("footer")
    assert footer.locator("button[name='action-publish']").count() == 0
    approve = footer.locator(
        "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    )
    assert approve.inner_text().strip() == "Approve and publish"
    screenshot(coordinator, "approval-2-coordinator-menu")
    approve.click()
    coordinator.wait_for_url(f"{hub_url}/admin/pages/{space.pk}/")
    message = coordinator.locator(".messages").inner_text()
    assert "Approved and published: “Matrix subject FI”." in message
    assert "has been updated" not in message
    screenshot(coordinator, "approval-3-coordinator-published")
    assert not Page.objects.get(pk=practice.pk).workflow_in_progress
