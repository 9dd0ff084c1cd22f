"""The thesaurus in the admin: the secretariat edits it, nobody else may."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages

from core.languages import CODES as LANGUAGES
from search.models import ThesaurusConcept
from search.thesaurus import expand

LIST_URL = "/admin/snippets/search/thesaurusconcept/"


def edit_url(concept):
    return f"{LIST_URL}edit/{concept.pk}/"


def form_data(concept, **changes):
    data = {"slug": concept.slug, "note": concept.note}
    data |= {f"terms_{lang}": getattr(concept, f"terms_{lang}") for lang in LANGUAGES}
    return data | changes


@pytest.fixture
def victim(db):
    return ThesaurusConcept.objects.get(slug="victim")


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client, victim):
    for url in (LIST_URL, edit_url(victim)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_secretariat_lists_and_searches_concepts(client_for):
    client = client_for("secretariat")
    body = client.get(LIST_URL).content.decode()
    assert "action-plan" in body  # first by slug, with its English, Finnish, Swedish terms
    assert "action plan, national action plan" in body
    assert "toimintaohjelma" in body and "handlingsplan" in body
    body = client.get(LIST_URL, {"q": "mansal"}).content.decode()
    assert "trafficking-in-human-beings" in body
    assert "forced-labour" not in body
    assert "Thesaurus" in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_secretariat_edits_a_concept_and_search_uses_it(client_for, victim):
    client = client_for("secretariat")
    assert client.get(edit_url(victim)).status_code == 200
    response = client.post(edit_url(victim), form_data(victim, terms_fi="uhri\nasianomistaja"))
    assert response.status_code == 302
    victim.refresh_from_db()
    assert victim.terms("fi") == ["uhri", "asianomistaja"]
    assert expand("asianomistajat")[0].concept == "victim"


@pytest.mark.django_db
def test_the_form_shows_what_is_wrong(client_for, victim):
    response = client_for("secretariat").post(
        edit_url(victim), form_data(victim, terms_sv="offer\n2024")
    )
    assert response.status_code == 200
    assert "“2024” has no letters" in response.content.decode()
    victim.refresh_from_db()
    assert "2024" not in victim.terms_sv


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["fi-coordinator", "fi-editor", "fi-ministry", "expert-ngo"])
def test_others_may_not_see_or_edit_the_thesaurus(client_for, victim, username):
    client = client_for(username)
    before = {f: getattr(victim, f) for f in ("slug", "terms_en", "terms_fi", "note")}
    for response in (
        client.get(LIST_URL),
        client.post(edit_url(victim), form_data(victim, terms_en="changed")),
        client.post(f"{LIST_URL}delete/{victim.pk}/"),
    ):
        assert response.status_code == 302
        location = response["Location"]
        assert location == "/admin/" or location.startswith("/admin/login/"), location
        if location == "/admin/":
            messages = [str(m) for m in get_messages(response.wsgi_request)]
            assert any("permission" in m.lower() for m in messages), messages
    victim.refresh_from_db()
    assert {f: getattr(victim, f) for f in before} == before
    assert "Thesaurus" not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_only_the_secretariat_group_holds_thesaurus_rights():
    rights = Permission.objects.filter(
        content_type__app_label="search", content_type__model="thesaurusconcept"
    )
    assert set(rights.values_list("codename", flat=True)) == {
        "add_thesaurusconcept",
        "change_thesaurusconcept",
        "delete_thesaurusconcept",
        "view_thesaurusconcept",
    }
    holders = Group.objects.filter(permissions__in=rights).distinct()
    assert list(holders.values_list("name", flat=True)) == ["Secretariat"]
    assert Group.objects.get(name="Secretariat").permissions.filter(pk__in=rights).count() == 4
    # A saved search is its owner's alone: no group holds a right over anyone's.
    saved = Permission.objects.filter(content_type__app_label="search").exclude(pk__in=rights)
    assert set(saved.values_list("codename", flat=True)) == {
        "add_savedsearch",
        "change_savedsearch",
        "delete_savedsearch",
        "view_savedsearch",
    }
    assert not Group.objects.filter(permissions__in=saved).exists()
