"""The seminar page read on a phone (issue 25): a seminar that is over leads with its
outputs, a contents list leads to every section, the speakers and past sessions fold by
part, names are separated by "; ", and the hub's other parts it mentions are links."""

import pytest
from bs4 import BeautifulSoup

from seminars.models import SeminarPage
from tests.recommendations.factories import publish_recommendation, tracker_page

from .factories import cross_border_seminar, helsinki_seminar

pytestmark = pytest.mark.django_db


@pytest.fixture
def past(db):
    return helsinki_seminar()


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_a_past_seminar_shows_its_outputs_before_its_facts_programme_and_speakers(client, past):
    html = client.get(past.url).content.decode()
    outputs = html.index('id="outputs"')
    assert outputs < html.index('id="facts-title"')
    assert outputs < html.index('id="programme"')
    assert outputs < html.index('id="speakers"')
    # The report is the first link of the outputs.
    soup = BeautifulSoup(html, "html.parser")
    first = soup.find(id="outputs").find("a", href=True)
    assert first.get_text() == past.report.title


def test_a_coming_seminar_shows_its_registration_and_facts_first(client):
    upcoming = cross_border_seminar()
    html = client.get(upcoming.url).content.decode()
    assert html.index('id="registration"') < html.index('id="facts-title"')
    assert html.index('id="facts-title"') < html.index('id="programme"')
    assert 'class="programme-part__sessions"' not in html  # its programme is read in full


@pytest.mark.parametrize("which", ["past", "upcoming"])
def test_the_contents_list_leads_to_sections_on_the_page(client, past, which):
    seminar = past if which == "past" else cross_border_seminar()
    soup = soup_of(client, seminar.url)
    nav = soup.find("nav", class_="page-contents")
    assert nav is not None
    assert nav.find(id=nav["aria-labelledby"]) is not None
    targets = [link["href"] for link in nav.find_all("a")]
    assert {"#facts-title", "#programme", "#speakers"} <= set(targets)
    for target in targets:
        assert target.startswith("#")
        assert len(soup.find_all(id=target[1:])) == 1, target
    # The programme's parts, each by its title.
    parts = [f"#part-{part.id}" for part in seminar.programme]
    assert parts
    assert set(parts) <= set(targets)
    if which == "past":
        assert targets[0] == "#outputs"


def test_the_speakers_are_folded_by_part_with_their_count(client, past):
    soup = soup_of(client, past.url)
    speakers = soup.find(id="speakers")
    groups = speakers.find_all("details")
    titles = [part.value["title"] for part in past.programme]
    assert [group.summary.find("span").get_text() for group in groups] == titles
    counts = [len(group.find_all(class_="person-card")) for group in groups]
    # Part I: Hanna, Aino, Karin, Ingrid, Mette; Part II: Karin, Mette, Liisa, Ingrid,
    # Aino; Part III: Karin, Ingrid, Hanna, Aino. Each once per part.
    assert counts == [5, 5, 4]
    for group, count in zip(groups, counts, strict=True):
        assert not group.has_attr("open")  # folded until opened
        assert f"({count} people)" in group.summary.get_text()
    assert "Mette Kjær" in groups[1].get_text()
    assert "Mette Kjær" not in groups[2].get_text()


def test_the_sessions_of_a_past_seminar_fold_under_their_part(client, past):
    soup = soup_of(client, past.url)
    parts = soup.find_all(class_="programme-part")
    assert len(parts) == 3
    for part in parts:
        folded = part.find("details", class_="programme-part__sessions")
        assert folded is not None and not folded.has_attr("open")
        assert folded.find(class_="session") is not None
    assert parts[0].find("summary").get_text() == "4 sessions"


def test_people_by_part_lists_each_person_once_per_part(past):
    groups = SeminarPage.objects.get(pk=past.pk).people_by_part()
    assert [[person.name for person in people] for _part, people in groups][2] == [
        "Karin Lindqvist",
        "Ingrid Solberg",
        "Hanna Kuusela",
        "Aino Lehtonen",
    ]


def test_speakers_of_a_session_are_separated_by_a_semicolon_and_a_space(client, past):
    soup = soup_of(client, past.url)
    panel = next(
        session
        for session in soup.find_all(class_="session")
        if session.find(class_="session__title").get_text() == "National coordination"
    )
    speakers = panel.find(class_="session__people").get_text()
    assert "Finland); Ingrid Solberg" not in speakers  # Karin comes from Sweden
    assert "Stockholm, Sweden); Ingrid Solberg (National Coordinator" in speakers
    assert speakers.count("; ") == 2
    assert " ;" not in speakers
    assert ";" not in speakers.replace("; ", "")


def test_the_recommendation_tracker_is_a_link_filtered_to_the_seminar(client, past):
    recommendation = publish_recommendation(
        "R-2022-01", source_seminar=past, source_report="", title="A Nordic network"
    )
    soup = soup_of(client, past.url)
    section = soup.find(id="recommendations")
    link = section.find("a", string="recommendation tracker")
    assert link is not None
    assert link["href"] == f"{tracker_page().url}?source={recommendation.source_key}"
    # The link's filter is one the tracker understands: it shows the recommendation.
    tracker = client.get(link["href"])
    assert tracker.status_code == 200
    assert "A Nordic network" in tracker.content.decode()
    # And the contents list leads there.
    assert soup.find("nav", class_="page-contents").find("a", href="#recommendations")


def test_without_recommendations_there_is_no_tracker_sentence(client, past):
    html = client.get(past.url).content.decode()
    assert 'id="recommendations"' not in html
    assert "recommendation tracker" not in html
