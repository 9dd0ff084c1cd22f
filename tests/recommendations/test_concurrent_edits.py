"""Two coordinators updating the same implementation: the second to save never silently
overwrites the first, on the tracker's form, in the admin or through the API.

A form or request made on an older version is refused with what was saved meanwhile and
who saved it, the user's entries kept; saving again from the re-shown form is the
deliberate choice to replace it.
"""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from recommendations.models import Implementation
from recommendations.updates import StaleVersion, apply_update
from tests.accounts import sign_in
from tests.countries.factories import named

from .factories import form_data, impl_of, publish_recommendation, snapshot

pytestmark = pytest.mark.django_db

VERSION_FIELD = re.compile(r'name="version" value="(\d+)"')


@pytest.fixture
def page():
    return publish_recommendation("R-2099-50", countries=("FI", "SE"))


@pytest.fixture
def impl(page):
    return impl_of(page, "FI")


@pytest.fixture(autouse=True)
def named_coordinator(db):
    """Finland's coordinator, by the name the notices show."""
    return named("fi-coordinator", "Aino", "Lehtonen")


@pytest.fixture
def eero(db):
    """A second coordinator of Finland, besides Aino Lehtonen."""
    user = get_user_model().objects.create_user(
        "fi-coordinator-2", first_name="Eero", last_name="Virtanen", password="x"
    )
    user.groups.add(Group.objects.get(name="Finland coordinators"))
    return user


def browser(user):
    """A browser of its own, signed in as ``user`` (a user or a demo username)."""
    if isinstance(user, str):
        user = get_user_model().objects.get(username=user)
    return sign_in(Client(), user)


def update_url(page):
    return f"{page.url}update/fi/"


def admin_url(impl):
    return reverse("tracker_implementations:edit", args=[impl.pk])


def saved_version(html):
    """The part of a refused form's page that shows the version saved meanwhile."""
    return html.split("The saved version", 1)[1].split("What changed since", 1)[0]


AINOS = {"status": "planned", "note": "The ministry adopted a plan.", "summary": "Aino's plan."}
EEROS = {"summary": "Eero's careful summary.", "next_step": "Train the police."}


class TestTrackerForm:
    def test_second_save_is_a_409_naming_who_changed_what(self, page, impl, eero):
        aino, eeros_browser = browser("fi-coordinator"), browser(eero)
        aino_form, eero_form = form_data(impl, **AINOS), form_data(impl, **EEROS)

        assert aino.post(update_url(page), aino_form).status_code == 302
        after_first = snapshot(impl)

        response = eeros_browser.post(update_url(page), eero_form)
        html = response.content.decode()
        assert response.status_code == 409
        assert "Aino Lehtonen saved this country’s follow-up on" in html
        # The saved version, and what she changed.
        saved = saved_version(html)
        assert "Planned" in saved and "Aino&#x27;s plan." in saved and "Eero" not in saved
        assert "What changed since you opened the form" in html
        assert "The ministry adopted a plan." in html
        # His entries are still in the form.
        assert response.context["form"]["summary"].value() == "Eero's careful summary."
        assert response.context["form"]["next_step"].value() == "Train the police."
        assert snapshot(impl) == after_first

    def test_saving_again_from_the_reshown_form_replaces_it(self, page, impl, eero):
        aino, eeros_browser = browser("fi-coordinator"), browser(eero)
        eero_form = form_data(impl, **EEROS)
        aino.post(update_url(page), form_data(impl, **AINOS))
        refused = eeros_browser.post(update_url(page), eero_form)

        (version,) = VERSION_FIELD.findall(refused.content.decode())
        # He keeps her status: his form still says “not started”, a change needing a note.
        eero_form.update(version=version, status="planned")
        assert eeros_browser.post(update_url(page), eero_form).status_code == 302
        impl.refresh_from_db()
        assert impl.summary == "Eero's careful summary." and impl.status == "planned"
        # Nothing is lost: her change is in the history under his.
        assert [u.user_name for u in impl.updates.all()] == ["Eero Virtanen", "Aino Lehtonen"]


def test_the_write_is_refused_even_when_the_read_missed_the_other_save(
    impl, eero, users, monkeypatch
):
    """Where a database cannot lock the row, the version check must still hold at the
    write itself: the UPDATE only applies to the version that was read."""
    read_before_the_other_save = Implementation.objects.get(pk=impl.pk)
    apply_update(impl, users["fi-coordinator"], {"summary": "Aino's plan."}, version=0)

    class StaleRead:
        def select_related(self, *fields):
            return self

        def get(self, **lookup):
            return read_before_the_other_save

    monkeypatch.setattr(Implementation.objects, "select_for_update", StaleRead)
    with pytest.raises(StaleVersion) as refused:
        apply_update(impl, eero, {"summary": "Eero's careful summary."}, version=0)
    assert refused.value.current.summary == "Aino's plan."
    monkeypatch.undo()
    stored = Implementation.objects.get(pk=impl.pk)
    assert (stored.summary, stored.version, stored.updates.count()) == ("Aino's plan.", 1, 1)


class TestAdminForm:
    def test_second_save_is_refused_showing_the_change_and_keeping_the_entries(self, impl, eero):
        eero_form = form_data(impl, **EEROS)
        assert (
            browser("fi-coordinator").post(admin_url(impl), form_data(impl, **AINOS)).status_code
            == 302
        )
        after_first = snapshot(impl)

        response = browser(eero).post(admin_url(impl), eero_form)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Aino Lehtonen saved a change to this implementation on" in html
        assert "Nothing of yours was saved" in html
        saved = saved_version(html)
        assert "Aino&#x27;s plan." in saved and "Eero" not in saved
        assert response.context["implementation"].status == "planned"
        assert "What changed since you opened the form" in html
        assert "The ministry adopted a plan." in html
        form = response.context["form"]
        assert form["summary"].value() == "Eero's careful summary."
        # The form now stands on her version: saving it again is his deliberate choice.
        assert form["version"].value() == "1"
        assert snapshot(impl) == after_first

    def test_saving_again_from_the_reshown_form_replaces_it(self, impl, eero):
        eeros_browser = browser(eero)
        eero_form = form_data(impl, **EEROS)
        browser("fi-coordinator").post(admin_url(impl), form_data(impl, **AINOS))
        refused = eeros_browser.post(admin_url(impl), eero_form)
        assert refused.status_code == 200

        eero_form.update(version=refused.context["form"]["version"].value(), status="planned")
        assert eeros_browser.post(admin_url(impl), eero_form).status_code == 302
        impl.refresh_from_db()
        assert impl.summary == "Eero's careful summary." and impl.version == 2


class TestAPI:
    def patch(self, client, impl, body):
        return client.patch(
            f"/api/v2/implementations/{impl.pk}/",
            data=json.dumps(body),
            content_type="application/json",
        )

    def test_second_patch_is_a_409_with_the_saved_version_and_its_author(self, impl, eero):
        aino, eeros_browser = browser("fi-coordinator"), browser(eero)
        assert self.patch(aino, impl, {**AINOS, "version": 0}).status_code == 200
        after_first = snapshot(impl)

        # He sends the status he read: a conflict, not a status change without a note.
        response = self.patch(eeros_browser, impl, {**EEROS, "status": "not_started", "version": 0})
        assert response.status_code == 409
        body = response.json()
        assert body["current_version"] == 1
        assert body["current"]["summary"] == "Aino's plan."
        assert body["current"]["updated_by"] == "Aino Lehtonen"
        assert snapshot(impl) == after_first

        again = self.patch(eeros_browser, impl, {**EEROS, "version": body["current_version"]})
        assert again.status_code == 200
        assert again.json()["summary"] == "Eero's careful summary."
