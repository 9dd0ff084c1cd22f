"""The permission matrix: every demo role × every space × every page action, driven through
the real Wagtail admin URLs.

A denial must leave the page exactly as it was; the admin answers a denial with a redirect
to /admin/ (signed-in admin users, with a message) or to the admin login (users without
admin access), and with 403 to XHR requests.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core import languages
from countries.spaces import SPACES

# The demo itself is what these tests are about.
pytestmark = pytest.mark.usefixtures("demo_content")

ROLES = [
    "admin",
    "secretariat",
    "fi-coordinator",
    "fi-editor",
    "se-coordinator",
    "se-editor",
    "no-coordinator",
    "dk-coordinator",
    "is-coordinator",
    "fi-ministry",
    "se-ministry",
    "expert-police",
    "expert-ngo",
]
SPACE_CODES = [space.code for space in SPACES] + ["network"]
ACTIONS = [
    "add",
    "edit",
    "submit",
    "approve",
    "publish",
    "unpublish",
    "delete",
    "copy",
    "move",
    "lock",
    "history",
    "revisions",
    "preview",
]
EDITOR_ACTIONS = {"add", "edit", "submit", "copy", "history", "revisions", "preview"}
COORDINATOR_ACTIONS = EDITOR_ACTIONS | {"approve", "publish", "unpublish", "delete", "lock"}
SECRETARIAT_ACTIONS = COORDINATOR_ACTIONS - {"submit", "approve"} | {"move"}


def expected(role, space, action):
    """What the design allows: True, False, or None where the action does not apply.

    - Superusers may do everything; moving a practice to another country is theirs alone.
    - Editors of C draft and submit in C; coordinators of C also approve, publish,
      unpublish, delete and lock in C. Nobody touches another country's space.
    - The secretariat runs the network pages (no moderation workflow there), and may move
      them between network sections.
    - Ministry and expert accounts have no admin access at all.
    """
    if space == "network" and action in {"submit", "approve"}:
        return None  # network pages have no moderation workflow
    if role == "admin":
        return True
    if space == "network":
        return role == "secretariat" and action in SECRETARIAT_ACTIONS
    prefix = space.lower()
    if role == f"{prefix}-coordinator":
        return action in COORDINATOR_ACTIONS
    if role == f"{prefix}-editor":
        return action in EDITOR_ACTIONS
    return False


CASES = [
    pytest.param(role, space, action, id=f"{role}-{space}-{action}")
    for role in ROLES
    for space in SPACE_CODES
    for action in ACTIONS
    if expected(role, space, action) is not None
]


def _subject(space):
    if space == "network":
        return Page.objects.get(url_path="/home/about/").specific
    return Page.objects.get(slug=f"matrix-subject-{space.lower()}").specific


def _destination(space):
    """Where a move would take the subject: another country's space, or another section."""
    if space == "network":
        return Page.objects.get(url_path="/home/principles/")
    other = "SE" if space != "SE" else "FI"
    return Page.objects.get(countrypage__country__code=other)


def _form_data(page, title, **extra):
    if page.specific_class.__name__ == "StandardPage":
        fields = {
            "title": title,
            "slug": page.slug,
            "intro": page.intro,
            "audience": page.audience,
            "body": streamfield([("paragraph", rich_text("<p>Edited.</p>"))]),
            # The editor's tab per language sends each translation's body, empty here.
            **{f"body_{code}": streamfield([]) for code in languages.TRANSLATED},
        }
    else:
        fields = {
            "title": title,
            "slug": page.slug,
            "summary": page.summary,
            "summary_en": page.summary_en,
            "title_en": page.title_en,
            "language": page.language,
            "audience": page.audience,
            "body": streamfield([("paragraph", rich_text("<p>Edited.</p>"))]),
            "resources": streamfield([]),
            "evidence_level": page.evidence_level,
            "start_year": page.start_year or "",
            "ongoing": "on" if page.ongoing else "",
            "end_year": page.end_year or "",
            "related_links": inline_formset([]),
        }
    fields["comments"] = inline_formset([])
    fields.update(extra)
    return nested_form_data(fields)


def _snapshot(page):
    """Everything a permitted action could change about the subject and its space."""
    page = Page.objects.filter(pk=page.pk).first()
    if page is None:
        return None
    specific = page.specific
    latest = page.get_latest_revision()
    return {
        "title": page.title,
        "draft_title": page.draft_title,
        "latest_title": latest.content.get("title") if latest else None,
        "revisions": page.revisions.count(),
        "live": page.live,
        "locked": page.locked,
        "path": page.path,
        "workflow": page.workflow_in_progress,
        "siblings": Page.objects.filter(path__startswith=page.path[:-4]).count(),
        "audience": getattr(specific, "audience", None),
        "log_entries": PageLogEntry.objects.filter(page=page).count(),
        "live_revision": page.live_revision_id,
    }


def _submit_to_workflow(page, user):
    workflow = page.get_workflow()
    assert workflow is not None, "country spaces must have a moderation workflow"
    return workflow.start(page, user)


def _perform(client, action, page, space, users):
    """Drive one action through the admin; returns the response."""
    title = f"Changed by matrix {action}"
    if action == "add":
        if space == "network":
            url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", page.pk))
            data = nested_form_data(
                {
                    "title": title,
                    "slug": "matrix-new",
                    "intro": "",
                    "audience": "public",
                    "body": streamfield([]),
                    **{f"body_{code}": streamfield([]) for code in languages.TRANSLATED},
                    "comments": inline_formset([]),
                }
            )
        else:
            parent = page.get_parent()
            url = reverse("wagtailadmin_pages:add", args=("practices", "practicepage", parent.pk))
            data = nested_form_data(
                {
                    "title": title,
                    "slug": "matrix-new",
                    "summary": "New practice.",
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
        return client.post(url, data)
    if action == "edit":
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        return client.post(url, _form_data(page, title))
    if action == "submit":
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        return client.post(url, _form_data(page, title, **{"action-submit": "Submit"}))
    if action == "publish":
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        return client.post(url, _form_data(page, title, **{"action-publish": "Publish"}))
    if action == "approve":
        task_state = page.current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
        )
        return client.post(url, {"comment": "Approved by the matrix"})
    if action == "unpublish":
        return client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    if action == "delete":
        return client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
    if action == "copy":
        return client.post(
            reverse("wagtailadmin_pages:copy", args=(page.pk,)),
            {
                "new_title": title,
                "new_slug": "matrix-copy",
                # Network pages are copied into another section: the home page itself is
                # the superusers' (new top-level sections are a structural change).
                "new_parent_page": (
                    _destination(space).pk if space == "network" else page.get_parent().pk
                ),
                "copy_subpages": False,
                "publish_copies": False,
                "alias": False,
            },
        )
    if action == "move":
        destination = _destination(space)
        return client.post(
            reverse("wagtailadmin_pages:move_confirm", args=(page.pk, destination.pk))
        )
    if action == "lock":
        return client.post(reverse("wagtailadmin_pages:lock", args=(page.pk,)))
    if action == "history":
        return client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    if action == "revisions":
        revision = page.get_latest_revision()
        return client.get(reverse("wagtailadmin_pages:revisions_view", args=(page.pk, revision.pk)))
    if action == "preview":
        url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
        response = client.post(url, _form_data(page, title))
        if response.status_code != 200:
            return response
        return client.get(url)
    raise AssertionError(action)


def _assert_allowed(action, response, page, before, space):
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 302:
        assert not response["Location"].startswith("/admin/login/")
    after = _snapshot(page)
    if action == "add":
        assert Page.objects.filter(title="Changed by matrix add", slug="matrix-new").exists()
    elif action == "edit":
        assert after["latest_title"] == "Changed by matrix edit"
        assert after["title"] == before["title"], "a draft must not change the live page"
    elif action == "submit":
        assert after["workflow"] is True
    elif action == "approve":
        assert after["title"] == before["title"]
        assert Page.objects.get(pk=page.pk).workflow_in_progress is False
        assert Page.objects.get(pk=page.pk).live is True
    elif action == "publish":
        assert after["title"] == "Changed by matrix publish"
    elif action == "unpublish":
        assert after["live"] is False
    elif action == "delete":
        assert after is None
    elif action == "copy":
        assert Page.objects.filter(slug="matrix-copy", title="Changed by matrix copy").exists()
    elif action == "move":
        assert after["path"] != before["path"]
        assert Page.objects.get(pk=page.pk).get_parent().pk == _destination(space).pk
    elif action == "lock":
        assert after["locked"] is True
    elif action in ("history", "revisions", "preview"):
        assert response.status_code == 200
        if action == "preview":
            assert "Changed by matrix preview" in response.content.decode()


LIVE_FIELDS = ("title", "live", "live_revision", "path", "locked", "audience")


def _assert_denied(response, page, before, role, space, action):
    after = _snapshot(page)
    if action == "publish" and expected(role, space, "edit"):
        # Wagtail saves a publish request from someone who may only edit as a draft (the
        # editor keeps their work); what must not change is the live page.
        assert response.status_code == 302
        assert {k: after[k] for k in LIVE_FIELDS} == {k: before[k] for k in LIVE_FIELDS}
        assert after["latest_title"] == "Changed by matrix publish"
        return
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        location = response["Location"]
        assert location == "/admin/" or location.startswith("/admin/login/"), location
        if location == "/admin/":
            messages = [str(m) for m in get_messages(response.wsgi_request)]
            assert any("permission" in m.lower() for m in messages), messages
    assert after == before, "a denied action changed the page"
    assert not Page.objects.filter(slug__in=["matrix-new", "matrix-copy"]).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "space", "action"), CASES)
def test_permission_matrix(role, space, action, client_for, users):
    page = _subject(space)
    if action == "approve":
        # Approval acts on a pending task: submit first, then take the snapshot.
        _submit_to_workflow(page, users["admin"])
    client = client_for(role)
    before = _snapshot(page)
    response = _perform(client, action, page, space, users)
    if expected(role, space, action):
        _assert_allowed(action, response, page, before, space)
    else:
        _assert_denied(response, page, before, role, space, action)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["fi-editor", "se-coordinator", "fi-ministry"])
def test_denied_xhr_answers_403(role, client_for):
    """XHR requests are told 403, not redirected, and nothing changes."""
    page = _subject("NO")
    before = _snapshot(page)
    response = client_for(role).post(
        reverse("wagtailadmin_pages:lock", args=(page.pk,)),
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code in (403, 302)
    if role != "fi-ministry":
        assert response.status_code == 403
    assert _snapshot(page) == before


@pytest.mark.django_db
def test_every_space_has_its_own_moderation_workflow():
    for space in SPACES:
        page = Page.objects.get(countrypage__country__code=space.code)
        workflow = page.get_workflow()
        assert workflow.name == f"{space.name} moderation"
        approvers = [g.name for g in workflow.tasks.get().specific.groups.all()]
        assert approvers == [f"{space.name} coordinators"]
    assert not Workflow.objects.filter(active=True, workflow_pages__page__depth=1).exists()
