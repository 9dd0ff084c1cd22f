"""Every absolute link the hub gives out starts with BASE_URL, whatever host a request
came by: exports, feeds, calendar files, emails, the API and (through the Site record
that setup_spaces keeps equal to it) the sitemap."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.checks import run_checks
from django.core.management import call_command
from icalendar import Calendar
from wagtail.models import Page, Site

from core.links import absolute_url, base_url
from practices.models import PracticeIndexPage
from recommendations.choices import Status
from recommendations.updates import apply_update
from tests.recommendations.factories import impl_of, publish_recommendation, tracker_page
from tests.seminars.factories import publish_seminar

BASE = "https://hub.example.org"
#: The address of a member's account (expert-ngo's), to reset its password by.
MEMBER_ADDRESS = "sofia.virtanen@victimsupport.example"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def hub_at(db, settings):
    """BASE_URL set to a host no request uses, as hub/settings/base.py sets it (Wagtail's
    two settings follow it there)."""
    settings.BASE_URL = BASE
    settings.WAGTAILADMIN_BASE_URL = BASE
    settings.WAGTAILAPI_BASE_URL = BASE
    return BASE


@pytest.fixture
def content(db):
    """What the feeds and calendar files list: seminars, and a recommendation to Finland
    whose status Finland has changed (the library has the base's practices)."""
    publish_seminar(title="Nordic seminar on labour exploitation")
    publish_seminar(title="Nordic seminar on victim support")
    recommendation = publish_recommendation("R-2095-01", countries=("FI", "SE"))
    apply_update(
        impl_of(recommendation, "FI"),
        get_user_model().objects.get(username="fi-coordinator"),
        {"status": Status.PLANNED},
        note="Planned for next year.",
    )


@pytest.fixture
def member_address(db):
    get_user_model().objects.filter(username="expert-ngo").update(email=MEMBER_ADDRESS)
    return MEMBER_ADDRESS


def on_base(url):
    return url.startswith(f"{BASE}/")


def default_site():
    return Site.objects.get(is_default_site=True)


def test_seeding_left_the_default_site_on_base_url(db, settings):
    assert default_site().root_url == base_url() == settings.BASE_URL.rstrip("/")


def test_setup_spaces_sets_the_default_site_from_base_url(hub_at):
    call_command("setup_spaces", verbosity=0)
    site = default_site()
    assert (site.hostname, site.port, site.root_url) == ("hub.example.org", 443, BASE)
    assert not [m for m in run_checks(databases=["default"]) if m.id.startswith("core.")]


def test_a_default_site_elsewhere_than_base_url_is_a_warning(hub_at):
    ids = {message.id for message in run_checks(databases=["default"])}
    assert "core.W003" in ids  # the seeded site is still on the earlier BASE_URL
    assert "core.W003" not in {m.id for m in run_checks()}  # plain check reads no database


def test_wagtail_settings_that_differ_from_base_url_are_a_warning(hub_at, settings):
    settings.WAGTAILAPI_BASE_URL = "http://localhost"
    assert "core.W002" in {message.id for message in run_checks()}
    settings.BASE_URL = "hub.example.org"
    assert "core.E001" in {message.id for message in run_checks()}


def test_sitemap_lists_its_pages_on_base_url(hub_at, client):
    call_command("setup_spaces", verbosity=0)
    response = client.get("/sitemap.xml", HTTP_HOST="localhost")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - the hub's own response, in a test
    locations = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert locations and all(on_base(url) for url in locations), locations[:3]
    assert f"{BASE}/practices/" in locations
    robots = client.get("/robots.txt", HTTP_HOST="localhost").content.decode()
    assert f"Sitemap: {BASE}/sitemap.xml" in robots


def test_sitemap_leaves_out_the_pages_of_another_site(hub_at, client):
    call_command("setup_spaces", verbosity=0)
    other_home = Page.get_first_root_node().add_child(
        instance=Page(title="Another site", slug="another-site")
    )
    other_home.add_child(instance=Page(title="Elsewhere", slug="elsewhere"))
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)  # noqa: S314 - the hub's own response, in a test
    locations = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert f"{BASE}/" in locations and all(on_base(url) for url in locations)
    assert not [url for url in locations if "elsewhere" in url or "other.example" in url]


def test_pages_api_links_are_on_base_url(hub_at, client):
    call_command("setup_spaces", verbosity=0)
    response = client.get("/api/v2/pages/", {"type": "practices.PracticePage"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert items
    for item in items:
        assert on_base(item["meta"]["html_url"]) and on_base(item["meta"]["detail_url"])
    detail = client.get(f"/api/v2/pages/{items[0]['id']}/").json()
    assert on_base(detail["meta"]["html_url"]) and on_base(detail["meta"]["detail_url"])


def test_library_exports_link_to_base_url(hub_at, client):
    index = PracticeIndexPage.objects.get()
    text = client.get(f"{index.url}export/csv/").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and all(on_base(row["url"]) for row in rows)
    results = json.loads(client.get(f"{index.url}export/json/").content)["results"]
    assert results and all(on_base(result["url"]) for result in results)


def test_tracker_exports_and_api_link_to_base_url(hub_at, client):
    publish_recommendation("R-2096-01", countries=("FI",))
    tracker = tracker_page()
    text = client.get(f"{tracker.url}export/csv/").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and all(on_base(row["url"]) for row in rows)
    results = json.loads(client.get(f"{tracker.url}export/json/").content)["results"]
    assert results and all(on_base(result["url"]) for result in results)
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(f"{tracker.url}export/xlsx/").content))
    header = [cell.value for cell in next(sheet.active.iter_rows(max_row=1))]
    column = header.index("Address")
    urls = [row[column] for row in sheet.active.iter_rows(min_row=2, values_only=True)]
    assert urls and all(on_base(url) for url in urls)

    items = client.get("/api/v2/implementations/").json()["items"]
    assert items
    for item in items:
        assert on_base(item["meta"]["html_url"]) and on_base(item["meta"]["detail_url"])


def test_feeds_link_to_base_url(hub_at, client, content):
    for path in ("/practices/feed/", "/seminars/feed/", f"{tracker_page().url}countries/fi/feed/"):
        response = client.get(path, HTTP_HOST="localhost")
        root = ET.fromstring(response.content)  # noqa: S314 - the hub's own response, in a test
        links = [link.get("href") for link in root.iter(f"{ATOM}link")]
        ids = [element.text for element in root.iter(f"{ATOM}id")]
        assert len(links) > 2 and all(on_base(url) for url in links + ids), (path, links, ids)


def test_calendar_files_link_to_base_url(client, hub_at, content):
    calendar = Calendar.from_ical(client.get("/seminars/calendar/").content)
    urls = [str(event["URL"]) for event in calendar.walk("VEVENT")]
    assert urls and all(on_base(url) for url in urls)


def test_password_reset_link_is_on_base_url(hub_at, client, member_address):
    client.post("/account/password-reset/", {"email": member_address})
    link = re.search(r"\S+/account/reset/\S+/", mail.outbox[0].body).group(0)
    assert on_base(link), link


def test_absolute_url_keeps_to_the_hub_host(settings):
    settings.BASE_URL = f"{BASE}/"
    assert absolute_url("/practices/?q=x#y") == f"{BASE}/practices/?q=x#y"
    assert absolute_url("//evil.example/x") == f"{BASE}/evil.example/x"
    assert absolute_url(None) == f"{BASE}/"
    assert absolute_url("https://other.example/page/") == "https://other.example/page/"
