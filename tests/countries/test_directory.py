"""The member directory (/members/): members only; each person shows only what they chose
(by default name, organisation and country), and a hidden value never makes them match."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from countries.directory import card
from countries.models import Membership
from tests.countries.factories import account

HIDDEN_EMAIL = "zqx.hidden.mail@arbeidstilsynet.example"
HIDDEN_PHONE = "+47 99 88 77 66"
SHOWN_EMAIL = "ola.shown@arbeidstilsynet.example"
SHOWN_PHONE = "+47 22 33 44 55"


def profile(username, country, *, first, last, **fields):
    user = account(username, country=country, sector=fields.pop("sector", "other"))
    user.first_name, user.last_name = first, last
    user.save()
    Membership.objects.filter(user=user).update(**fields)
    return user


@pytest.fixture
def people(db):
    return {
        "inspector": profile(
            "dir-inspector",
            "NO",
            first="Ola",
            last="Zqxinspektør",
            organisation="Norwegian Labour Inspection Authority",
            job_title="Senior inspector",
            network_role="labour_inspection",
            expertise=["labour_exploitation", "identification"],
            languages=["nb", "en"],
            work_email=SHOWN_EMAIL,
            work_phone=SHOWN_PHONE,
            show_details=True,
            show_contact=True,
        ),
        "quiet": profile(
            "dir-quiet",
            "NO",
            first="Kari",
            last="Zqxstille",
            organisation="Oslo Police District",
            sector="police",
            job_title="Zqxsecrettitle analyst",
            network_role="police_expert",
            expertise=["financial"],
            languages=["nb"],
            work_email=HIDDEN_EMAIL,
            work_phone=HIDDEN_PHONE,
        ),
        "hidden": profile(
            "dir-hidden",
            "DK",
            first="Zqxgone",
            last="Person",
            organisation="Zqxgone organisation",
            listed=False,
            show_details=True,
            show_contact=True,
        ),
        "finn": profile(
            "dir-finn",
            "FI",
            first="Aada",
            last="Zqxvirtanen",
            organisation="Finnish Immigration Service",
            network_role="migration",
            expertise=["child_trafficking"],
            languages=["fi", "sv"],
            show_details=True,
        ),
    }


def names(response):
    """The list of people on the page (not the search box, which repeats the query, nor
    the filters' options)."""
    html = response.content.decode()
    start = html.find('id="directory-results"')
    end = html.find('id="filters"', start)
    assert -1 < start < end
    return html[start:end]


def test_anonymous_is_sent_to_sign_in(people, client_for):
    response = client_for(None).get("/members/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=/members/")


def test_the_page_is_never_cached(people, client_for):
    response = client_for("expert-police").get("/members/")
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_member_sees_the_list(people, client_for):
    response = client_for("expert-police").get("/members/")
    assert response.status_code == 200
    html = names(response)
    assert "Ola Zqxinspektør" in html
    assert "Kari Zqxstille" in html
    assert "Aada Zqxvirtanen" in html


def test_by_default_only_name_organisation_and_country(people, client_for):
    html = names(client_for("expert-police").get("/members/", {"q": "Zqxstille"}))
    assert "Kari Zqxstille" in html
    assert "Oslo Police District" in html
    assert "Norway" in html
    for secret in (HIDDEN_EMAIL, HIDDEN_PHONE, "Zqxsecrettitle", "Police expert"):
        assert secret not in html
    shown = card(Membership.objects.get(user=people["quiet"]))
    assert (shown.email, shown.phone, shown.job_title, shown.role) == ("", "", "", "")
    assert shown.expertise == [] and shown.languages == [] and shown.sector == ""


def test_opted_in_contact_and_details_are_shown(people, client_for):
    html = names(client_for("expert-police").get("/members/", {"q": "Zqxinspektør"}))
    assert SHOWN_EMAIL in html
    assert SHOWN_PHONE in html
    assert "Senior inspector" in html
    assert "Labour inspection contact" in html
    assert "Labour exploitation" in html


def test_contact_falls_back_to_the_account_email_only_when_shown(people):
    Membership.objects.filter(user=people["finn"]).update(show_contact=True)
    shown = card(Membership.objects.get(user=people["finn"]))
    assert shown.email == people["finn"].email


@pytest.mark.parametrize(
    "query",
    [HIDDEN_EMAIL, "zqx.hidden.mail", HIDDEN_PHONE, "99 88 77", "Zqxsecrettitle", "financial"],
)
def test_hidden_values_are_never_matched(people, client_for, query):
    html = names(client_for("expert-police").get("/members/", {"q": query}))
    assert "Zqxstille" not in html


def test_shown_contact_is_not_searched_either(people, client_for):
    html = names(client_for("expert-police").get("/members/", {"q": SHOWN_EMAIL}))
    assert "Zqxinspektør" not in html


def test_search_by_name_organisation_expertise_and_role(people, client_for):
    client = client_for("expert-police")
    for query in ("zqxinspektør", "labour inspection", "Labour exploitation", "Senior"):
        assert "Zqxinspektør" in names(client.get("/members/", {"q": query})), query


def test_the_labour_inspection_contact_in_norway(people, client_for):
    html = names(
        client_for("expert-police").get("/members/", {"country": "no", "role": "labour_inspection"})
    )
    assert "Ola Zqxinspektør" in html
    assert "Zqxstille" not in html
    assert "Zqxvirtanen" not in html


@pytest.mark.parametrize(
    ("params", "found", "absent"),
    [
        ({"country": "FI"}, "Zqxvirtanen", "Zqxinspektør"),
        ({"sector": "other", "q": "Zqx"}, "Zqxinspektør", "Zqxstille"),
        ({"role": "migration"}, "Zqxvirtanen", "Zqxinspektør"),
        ({"language": "sv"}, "Zqxvirtanen", "Zqxinspektør"),
        ({"expertise": "labour_exploitation"}, "Zqxinspektør", "Zqxvirtanen"),
    ],
)
def test_filters(people, client_for, params, found, absent):
    html = names(client_for("expert-police").get("/members/", params))
    assert found in html
    assert absent not in html


@pytest.mark.parametrize(
    "params",
    [
        {"role": "police_expert"},
        {"sector": "police"},
        {"expertise": "financial"},
        {"language": "nb", "q": "Zqxstille"},
    ],
)
def test_filters_never_match_hidden_details(people, client_for, params):
    assert "Zqxstille" not in names(client_for("expert-police").get("/members/", params))


def test_unknown_filter_shows_nothing_and_says_why(people, client_for):
    response = client_for("expert-police").get("/members/", {"role": "astronaut"})
    assert response.status_code == 200
    html = names(response)
    assert "not recognised" in response.content.decode()
    assert "Zqxinspektør" not in html


def test_hidden_member_never_appears(people, client_for):
    client = client_for("expert-police")
    for params in ({}, {"q": "Zqxgone"}, {"country": "DK"}):
        assert "Zqxgone" not in names(client.get("/members/", params))


def test_deactivated_account_never_appears(people, client_for):
    get_user_model().objects.filter(pk=people["finn"].pk).update(is_active=False)
    assert "Zqxvirtanen" not in names(client_for("expert-police").get("/members/"))


def test_directory_not_in_sitemap_or_robots(people, client_for):
    client = client_for(None)
    assert "/members/" not in client.get("/sitemap.xml").content.decode()
    assert "Disallow: /members/" in client.get("/robots.txt").content.decode()


def test_bad_page_number_is_not_an_error(people, client_for):
    response = client_for("expert-police").get("/members/", {"page": "zz"})
    assert response.status_code == 200


# -- the profile page ------------------------------------------------------------------


def test_profile_page_needs_sign_in(people, client_for):
    response = client_for(None).get("/account/directory-profile/")
    assert response.status_code == 302


def test_member_edits_own_profile(people, client):
    client.force_login(people["quiet"])
    response = client.post(
        "/account/directory-profile/",
        {
            "job_title": "Analyst",
            "network_role": "police_expert",
            "expertise": ["financial", "online"],
            "languages": ["nb", "en"],
            "work_email": "kari@politiet.example",
            "work_phone": "+47 11 22 33 44",
            "listed": "on",
            "show_contact": "on",
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=people["quiet"])
    assert membership.expertise == ["financial", "online"]
    assert membership.languages == ["en", "nb"]
    assert membership.show_contact and not membership.show_details
    assert membership.work_email == "kari@politiet.example"


def test_posted_id_cannot_edit_someone_else(people, client):
    client.force_login(people["quiet"])
    other = Membership.objects.get(user=people["inspector"])
    client.post(
        "/account/directory-profile/",
        {
            "id": other.pk,
            "pk": other.pk,
            "user": people["quiet"].pk,
            "job_title": "Hijacked",
            "listed": "on",
        },
    )
    other.refresh_from_db()
    assert other.job_title == "Senior inspector"
    assert Membership.objects.get(user=people["quiet"]).job_title == "Hijacked"
    assert Membership.objects.get(user=people["quiet"]).user_id == people["quiet"].pk


@pytest.mark.parametrize(
    "bad",
    [
        {"work_email": "not an email"},
        {"work_phone": "call me maybe"},
        {"network_role": "astronaut"},
        {"expertise": ["nonsense"]},
        {"languages": ["xx"]},
        {"job_title": "x" * 500},
    ],
)
def test_bad_input_is_a_form_error(people, client, bad):
    client.force_login(people["quiet"])
    response = client.post("/account/directory-profile/", {"listed": "on", **bad})
    assert response.status_code == 400  # shown again with its messages: a client error
    assert "field__error" in response.content.decode()
    assert Membership.objects.get(user=people["quiet"]).work_email == HIDDEN_EMAIL


def test_account_without_profile_is_told_so(db, client):
    user = get_user_model().objects.create_user("dir-nobody", password="x-long-password-1")
    client.force_login(user)
    response = client.get("/account/directory-profile/")
    assert response.status_code == 200
    assert "no member profile" in response.content.decode()
    assert client.post("/account/directory-profile/", {"job_title": "x"}).status_code == 200


def test_menu_links_to_the_directory(people, client_for):
    html = client_for("expert-police").get("/account/").content.decode()
    assert 'href="/members/"' in html
    assert 'href="/account/directory-profile/"' in html


def test_profile_page_previews_what_members_see(people, client):
    client.force_login(people["quiet"])
    html = client.get("/account/directory-profile/").content.decode()
    form = html.index('<form method="post" novalidate')
    preview = html[html.index("directory__preview") : form]
    assert "Kari Zqxstille" in preview and "Oslo Police District" in preview
    assert HIDDEN_EMAIL not in preview and "Zqxsecrettitle" not in preview
    # The form itself holds the member's own values, to change them.
    assert HIDDEN_EMAIL in html[form:]


def test_unlisted_member_is_told_members_do_not_see_them(people, client):
    client.force_login(people["hidden"])
    html = client.get("/account/directory-profile/").content.decode()
    assert "members do not see you at all" in html


#: Surnames as ICU 72 (CLDR's collation) orders them for a reader of each language.
READERS_ORDER = {
    "en": [
        "Aasen",
        "Åberg",
        "Ærø",
        "anker",
        "Ärlig",
        "Ødegaard",
        "Ólafsson",
        "Oslund",
        "Zetterlund",
        "Þórsdóttir",
    ],
    "sv": [
        "Aasen",
        "anker",
        "Ólafsson",
        "Oslund",
        "Þórsdóttir",
        "Zetterlund",
        "Åberg",
        "Ärlig",
        "Ærø",
        "Ødegaard",
    ],
    "fi": [
        "Aasen",
        "anker",
        "Ólafsson",
        "Oslund",
        "Zetterlund",
        "Þórsdóttir",
        "Åberg",
        "Ärlig",
        "Ærø",
        "Ødegaard",
    ],
    "da": [
        "anker",
        "Ólafsson",
        "Oslund",
        "Þórsdóttir",
        "Zetterlund",
        "Ärlig",
        "Ærø",
        "Ødegaard",
        "Åberg",
        "Aasen",
    ],
    "nb": [
        "anker",
        "Ólafsson",
        "Oslund",
        "Þórsdóttir",
        "Zetterlund",
        "Ärlig",
        "Ærø",
        "Ødegaard",
        "Åberg",
        "Aasen",
    ],
    "is": [
        "Aasen",
        "anker",
        "Oslund",
        "Ólafsson",
        "Zetterlund",
        "Þórsdóttir",
        "Ärlig",
        "Ærø",
        "Ødegaard",
        "Åberg",
    ],
}


@pytest.mark.parametrize("language", READERS_ORDER)
def test_people_sorted_in_the_readers_alphabet(db, client_for, language):
    expected = READERS_ORDER[language]
    # Created in the database's binary order, which is the wrong one for every reader.
    for number, surname in enumerate(sorted(expected)):
        profile(f"dir-order-{number}", "SE", first="Kim", last=surname, organisation="Zqxorder")
    client = client_for("expert-police")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = names(client.get("/members/", {"q": "Zqxorder"}))
    found = {surname: html.find(f"Kim {surname}<") for surname in expected}
    assert all(position > 0 for position in found.values()), found
    assert sorted(expected, key=found.get) == expected


@pytest.mark.parametrize("query", ["q=%00", "q=a%00b", "country=%00", "country=f%00", "sector=%00"])
def test_control_characters_give_a_normal_page(people, client_for, query):
    """A NUL never reaches the database (PostgreSQL refuses it in text: a server error
    there): the search drops it, an unknown filter value is said on the page."""
    response = client_for("expert-police").get(f"/members/?{query}")
    assert response.status_code in (200, 400)
    assert "<h1" in response.content.decode()
