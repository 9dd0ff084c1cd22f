import pytest
from django.utils import translation

from practices.models import FormOfExploitation
from practices.taxonomy import FORMS, LANGS


@pytest.mark.django_db
def test_every_term_is_named_in_the_six_languages():
    for term in FormOfExploitation.objects.all():
        for lang in LANGS:
            assert getattr(term, f"name_{lang}"), (term.slug, lang)
    assert set(FormOfExploitation.objects.values_list("slug", flat=True)) == set(FORMS)


@pytest.mark.django_db
def test_term_name_follows_the_interface_language():
    term = FormOfExploitation.objects.get(slug="forced-labour")
    with translation.override("fi"):
        assert term.name == "Pakkotyö"
    with translation.override("is"):
        assert str(term) == "Nauðungarvinna"
    with translation.override("de"):
        assert term.name == "Forced labour"


@pytest.mark.django_db
def test_library_shows_terms_in_the_visitors_language(client):
    client.post("/i18n/setlang/", {"language": "sv", "next": "/practices/"})
    assert "Tvångsarbete" in client.get("/practices/").content.decode()


@pytest.mark.django_db
def test_secretariat_edits_taxonomies(client_for):
    term = FormOfExploitation.objects.get(slug="forced-begging")
    url = f"/admin/snippets/practices/formofexploitation/edit/{term.pk}/"
    data = {
        "name_en": "Forced begging",
        "name_fi": "Pakotettu kerjääminen",
        "name_sv": term.name_sv,
        "name_nb": term.name_nb,
        "name_da": term.name_da,
        "name_is": term.name_is,
        "slug": term.slug,
        "sort_order": term.sort_order,
    }
    response = client_for("secretariat").post(url, data)
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.name_fi == "Pakotettu kerjääminen"


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["fi-coordinator", "fi-editor"])
def test_coordinators_and_editors_cannot_edit_taxonomies(client_for, username):
    term = FormOfExploitation.objects.get(slug="forced-begging")
    url = f"/admin/snippets/practices/formofexploitation/edit/{term.pk}/"
    response = client_for(username).post(url, {"name_en": "Changed", "slug": term.slug})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    term.refresh_from_db()
    assert term.name_en == "Forced begging"
