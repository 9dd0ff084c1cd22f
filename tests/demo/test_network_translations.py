"""The demo's network pages read in each of the hub's languages.

In Finnish, Swedish, Norwegian, Danish and Icelandic the home page, about, join, the
accessibility statement, the seminars and the tracker show their seeded translations
(demo/content/network_translations.py), and so does the menu, with nothing of them
marked English.
"""

import html
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command

from core import languages
from demo.content.network_translations import TRANSLATIONS
from tests.accounts import sign_in

pytestmark = [pytest.mark.usefixtures("demo_content"), pytest.mark.django_db]

#: URL → the key of its translations.
PAGES = {
    "/": "home",
    "/about/": "about",
    "/join/": "join",
    "/accessibility/": "accessibility",
    "/seminars/": "seminars",
    "/recommendations/": "recommendations",
}
#: The menu an anonymous reader sees, by URL → key.
MENU = {
    "/practices/": "practices",
    "/countries/": "countries",
    "/seminars/": "seminars",
    "/recommendations/": "recommendations",
    "/about/": "about",
    "/join/": "join",
}


def text(markup):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def render(client, url, code):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.html["lang"] == code
    return soup


def lang_of(element):
    for node in (element, *element.parents):
        lang = node.get("lang") if hasattr(node, "get") else None
        if lang is not None:
            return lang
    return None


@pytest.mark.parametrize("code", languages.TRANSLATED)
@pytest.mark.parametrize("url", PAGES)
def test_network_page_in_each_language(client, url, code):
    translation = TRANSLATIONS[code][PAGES[url]]
    soup = render(client, url, code)
    main = soup.find("main")

    heading = main.find("h1")
    assert heading.get_text(strip=True) == translation["title"]
    assert lang_of(heading) == code
    lead = main.find(class_="lead")
    assert " ".join(lead.get_text().split()) == text(translation["intro"])
    assert lang_of(lead) == code
    assert soup.title.get_text().startswith(translation["title"])
    for part in (heading, lead, *main.find_all(class_="stream")):
        assert not part.find(lang="en"), url


@pytest.mark.parametrize("code", languages.TRANSLATED)
def test_menu_and_footer_in_each_language(client, code):
    soup = render(client, "/about/", code)
    nav = soup.find("nav", class_="site-nav")
    for url, key in MENU.items():
        link = nav.find("a", href=url)
        assert (link.get_text(), link["lang"]) == (TRANSLATIONS[code][key]["title"], code)
    assert not nav.find(lang="en")
    tagline = soup.find("footer").find("p", lang=True)
    assert (tagline["lang"], tagline.get_text()) == (code, TRANSLATIONS[code]["footer"])


@pytest.mark.parametrize("code", languages.TRANSLATED)
def test_accessibility_statement_body_in_each_language(client, code):
    body = TRANSLATIONS[code]["accessibility"]["body"]
    stream = render(client, "/accessibility/", code).find("main").find(class_="stream")
    headings = [value["text"] for kind, value in body if kind == "heading"]
    assert [h.get_text(strip=True) for h in stream.find_all("h2")] == headings
    assert lang_of(stream) == code


@pytest.mark.parametrize("code", languages.TRANSLATED)
def test_join_form_fields_in_each_language(client, code):
    soup = render(client, "/join/", code)
    fields = TRANSLATIONS[code]["join"]["fields"]
    form = soup.find("main").find("form")
    name = form.find("input", attrs={"name": "full_name"})
    assert (
        form.find("label", attrs={"for": name["id"]}).get_text().startswith(fields["Full name"][0])
    )
    country = form.find("select", attrs={"name": "country"})
    options = [(o["value"], o.get_text()) for o in country.find_all("option")][1:]
    assert options[0] == ("Denmark", fields["Country"][2].split("\n")[0])
    assert not form.find(lang="en")


def test_seeding_again_keeps_the_translations_the_secretariat_edited():
    from home.models import StandardPage

    about = StandardPage.objects.get(slug="about")
    about.title_fi = "Verkostosta"
    about.save_revision().publish()
    call_command("seed_demo", verbosity=0)
    assert StandardPage.objects.get(slug="about").title_fi == "Verkostosta"


@pytest.mark.parametrize("code", languages.TRANSLATED)
def test_translated_network_pages_link_the_parts_of_the_hub_they_mention(client, code):
    """The translations link what the English text links (issue 25)."""
    about = render(client, "/about/", code).find(class_="stream")
    hrefs = [a["href"] for a in about.find_all("a", href=True)]
    for href in ("/practices/", "/countries/", "/recommendations/", "/seminars/"):
        assert href in hrefs, (code, href)
    privacy = render(client, "/privacy/", code).find(class_="stream")
    assert privacy.find("a", href="/join/"), code


def test_no_network_page_shows_a_page_link_marker(client):
    """The demo's ``<a page>`` markers are resolved before any page is published (read
    by the secretariat, who sees the members' pages too)."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    from home.models import HomePage

    sign_in(client, get_user_model().objects.get(username="secretariat"))
    home = HomePage.objects.get()
    urls = ["/", *(page.url for page in Page.objects.child_of(home).live())]
    for code in languages.CODES:
        for url in urls:
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
            response = client.get(url)
            assert response.status_code == 200, url
            assert 'page="' not in response.content.decode(), (code, url)
