"""Network pages in six languages through translated fields (core/translation.py).

A reader whose interface is Swedish reads the Swedish title, intro and body of a network
page, the menu and the footer in Swedish; where the secretariat has not translated a
field yet, the English text stands in, marked ``lang="en"``. The secretariat edits the
translations in a tab per language.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from wagtail.models import Site
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core import languages
from home.models import FormField, HubSettings, StandardPage
from tests.home.factories import join_form, network_page

pytestmark = pytest.mark.django_db

#: A page of the network in English and translated, as the secretariat would write it.
PARTNERS = {
    "en": ("Our partners", "Who works with the network.", "The partners meet yearly."),
    "fi": ("Kumppanimme", "Kuka tekee yhteistyötä verkoston kanssa.", "Kumppanit tapaavat."),
    "sv": ("Våra partner", "Vilka som samarbetar med nätverket.", "Partnerna träffas årligen."),
    "nb": ("Våre partnere", "Hvem som samarbeider med nettverket.", "Partnerne møtes årlig."),
    "da": ("Vores partnere", "Hvem der samarbejder med netværket.", "Partnerne mødes årligt."),
    "is": ("Samstarfsaðilar", "Hverjir starfa með tengslanetinu.", "Samstarfsaðilar hittast."),
}


def partners_page(*codes, **fields):
    """The partners page, in the menu, translated into ``codes`` only."""
    title, intro, body = PARTNERS["en"]
    values = {
        "title": title,
        "slug": "partners",
        "intro": intro,
        "body": [("paragraph", RichText(f"<p>{body}</p>"))],
        "show_in_menus": True,
    }
    for code in codes:
        title, intro, body = PARTNERS[code]
        values[f"title_{code}"] = title
        values[f"intro_{code}"] = intro
        values[f"body_{code}"] = [("paragraph", RichText(f"<p>{body}</p>"))]
    values.update(fields)
    return network_page(**values)


def render(client, url, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url)
    assert response.status_code in (200, 400), url
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    # The interface keeps its language; only content says its own.
    assert soup.html["lang"] == language
    return soup


def lang_of(element):
    for node in (element, *element.parents):
        lang = node.get("lang") if hasattr(node, "get") else None
        if lang is not None:
            return lang
    return None


def menu_link(soup, href):
    return soup.find("nav", class_="site-nav").find("a", href=href)


@pytest.mark.parametrize("code", languages.TRANSLATED)
def test_a_translated_page_reads_in_the_readers_language(client, code):
    partners_page(*languages.TRANSLATED)
    title, intro, body = PARTNERS[code]

    soup = render(client, "/partners/", code)

    article = soup.find("main").find("article")
    assert article.find("h1").get_text() == title
    assert article.find(class_="lead").get_text() == intro
    assert article.find(class_="stream").get_text(strip=True) == body
    for part in (article.find("h1"), article.find(class_="lead"), article.find(class_="stream")):
        assert lang_of(part) == code
    assert not article.find(lang="en")
    assert soup.title.get_text().startswith(f"{title} – ")
    link = menu_link(soup, "/partners/")
    assert (link.get_text(), link["lang"]) == (title, code)
    current = soup.find("nav", class_="breadcrumbs").find("a", attrs={"aria-current": "page"})
    assert (current.get_text(), current["lang"]) == (title, code)


def test_english_stands_in_for_a_missing_translation_marked_english(client):
    # Translated into Finnish, but only its title; not into Swedish at all.
    partners_page(intro_fi="", body_fi=[], title_fi="Kumppanimme")

    soup = render(client, "/partners/", "fi")
    article = soup.find("main").find("article")
    assert (article.find("h1").get_text(), lang_of(article.find("h1"))) == ("Kumppanimme", "fi")
    assert lang_of(article.find(class_="lead")) == "en"
    assert article.find(class_="lead").get_text() == PARTNERS["en"][1]
    assert lang_of(article.find(class_="stream")) == "en"

    soup = render(client, "/partners/", "sv")
    assert soup.find("main").find("h1").get_text() == "Our partners"
    assert lang_of(soup.find("main").find("h1")) == "en"
    link = menu_link(soup, "/partners/")
    assert (link.get_text(), link["lang"]) == ("Our partners", "en")


def test_english_reader_reads_the_english_fields(client):
    partners_page(*languages.TRANSLATED)
    soup = render(client, "/partners/", "en")
    assert soup.find("main").find("h1").get_text() == "Our partners"
    assert lang_of(soup.find("main").find("h1")) == "en"


def test_footer_text_in_the_readers_language_or_marked_english(client):
    hub_settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    hub_settings.footer_text = "The Nordic network of national anti-trafficking coordinators."
    hub_settings.footer_text_sv = "Nordiskt nätverk för nationella samordnare mot människohandel."
    hub_settings.save()

    tagline = render(client, "/", "sv").find("footer").find("p", lang=True)
    assert (tagline["lang"], tagline.get_text()) == (
        "sv",
        "Nordiskt nätverk för nationella samordnare mot människohandel.",
    )
    tagline = render(client, "/", "fi").find("footer").find("p", lang=True)
    assert (tagline["lang"], tagline.get_text()) == (
        "en",
        "The Nordic network of national anti-trafficking coordinators.",
    )


def test_join_form_labels_and_choices_are_translated_not_the_stored_keys(client):
    form = join_form()
    FormField.objects.filter(page=form, label="Full name").update(label_fi="Koko nimi")
    FormField.objects.filter(page=form, label="Sector").update(
        label_fi="Sektori", choices_fi="Poliisi\nKansalaisjärjestö\nMinisteriö\nTutkimus\nMuu"
    )
    FormPage = type(form)
    FormPage.objects.filter(pk=form.pk).update(title_fi="Liity verkostoon")

    soup = render(client, "/join/", "fi")
    assert soup.find("main").find("h1").get_text() == "Liity verkostoon"
    name = soup.find("input", attrs={"name": "full_name"})
    assert soup.find("label", attrs={"for": name["id"]}).get_text().startswith("Koko nimi")
    sector = soup.find("select", attrs={"name": "sector"})
    assert [(o["value"], o.get_text()) for o in sector.find_all("option")][1:3] == [
        ("Police", "Poliisi"),
        ("NGO", "Kansalaisjärjestö"),
    ]
    # Not translated yet: the English label, marked.
    email = soup.find("input", attrs={"name": "email_address"})
    label = soup.find("label", attrs={"for": email["id"]})
    assert (label.find("span")["lang"], label.find("span").get_text()) == ("en", "Email address")


def test_join_form_choices_without_a_translation_are_marked_english(client):
    form = join_form()
    FormField.objects.filter(page=form, label="Sector").update(
        choices_fi="Poliisi\nKansalaisjärjestö\nMinisteriö\nTutkimus\nMuu"
    )
    # A translation that lists fewer choices than the English cannot be paired: not used.
    FormField.objects.filter(page=form, label="I apply for").update(choices_fi="Jäsenyys")

    def options(soup, name):
        return [
            (o.get("value"), o.get_text(strip=True), o.get("lang"))
            for o in soup.select(f'[name="{name}"]')[0].find_all("option")
        ]

    soup = render(client, "/join/", "fi")
    sector = options(soup, "sector")
    assert sector[0] == ("", "Valitse…", None)  # the interface's own word, not marked
    assert sector[1] == ("Police", "Poliisi", None)
    country = options(soup, "country")
    assert country[1:] == [
        (name, name, "en")
        for name in ("Denmark", "Finland", "Iceland", "Norway", "Sweden", "Other")
    ]
    radios = soup.select('input[name="i_apply_for"]')
    labels = [soup.find("label", attrs={"for": radio["id"]}) for radio in radios]
    assert [(label.span.get_text(), label.span.get("lang")) for label in labels] == [
        ("Network membership", "en"),
        ("The mailing list only", "en"),
    ]

    # Read in English, nothing needs marking.
    soup = render(client, "/join/", "en")
    assert {lang for *_rest, lang in options(soup, "country")} == {None}
    assert not soup.select('label[for^="id_i_apply_for"] [lang]')


def test_secretariat_saves_translations_in_the_editor(client_for):
    page = partners_page()
    client = client_for("admin")
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))

    editor = client.get(edit_url).content.decode()
    for code in languages.TRANSLATED:
        assert languages.OWN_NAMES[code] in editor  # a tab per language, named in it
        assert f'name="title_{code}"' in editor

    opened = dict(
        re.findall(
            r'name="(loaded_revision_id|loaded_revision_created_at)" value="([^"]*)"', editor
        )
    )
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "body": streamfield([("paragraph", rich_text("<p>The partners meet yearly.</p>"))]),
        "audience": page.audience,
        "comments": {
            "TOTAL_FORMS": 0,
            "INITIAL_FORMS": 0,
            "MIN_NUM_FORMS": 0,
            "MAX_NUM_FORMS": 1000,
        },
    }
    for code in languages.TRANSLATED:
        data[f"body_{code}"] = streamfield([])
    data["title_da"] = "Vores partnere"
    data["intro_da"] = "Hvem der samarbejder med netværket."
    data["body_da"] = streamfield([("paragraph", rich_text("<p>Partnerne mødes årligt.</p>"))])
    response = client.post(
        edit_url, {**nested_form_data(data), **opened, "action-publish": "publish"}, follow=True
    )

    assert response.status_code == 200
    assert response.redirect_chain, "the page was not saved"
    saved = StandardPage.objects.get(pk=page.pk)
    assert saved.title_da == "Vores partnere"
    assert saved.translated("intro", "da").value == "Hvem der samarbejder med netværket."
    assert saved.title == "Our partners"  # the English title and the slug are untouched
    assert saved.slug == "partners"
    assert render(client, "/partners/", "da").find("main").find("h1").get_text() == (
        "Vores partnere"
    )


def test_a_search_in_finnish_finds_the_finnish_page(client):
    partners_page("fi")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    response = client.get("/search/", {"q": "kumppanimme"})
    assert response.status_code == 200
    assert 'href="/partners/"' in response.content.decode()
