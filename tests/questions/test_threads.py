"""The threads on the site: who may read, ask, answer and follow; bad input; the section
on practice, recommendation and country pages."""

import pytest
from django.core import mail

from countries.models import CountryPage
from questions.models import Answer, Participant, Question
from tests.practices.factories import publish_practice
from tests.questions.factories import answer_to, question_on
from tests.recommendations.factories import publish_recommendation

pytestmark = pytest.mark.django_db

TEAM_WORD = "zqxthreadteamword"
PUBLIC_WORD = "zqxthreadpublicword"


@pytest.fixture
def finland():
    return CountryPage.objects.get(country__code="FI")


@pytest.fixture
def team_practice(finland):
    """A practice only Finland's team may view."""
    return publish_practice(finland, title="Team practice", slug="team-q", audience="country")


@pytest.fixture
def public_practice(finland):
    return publish_practice(finland, title="Open practice", slug="open-q", audience="public")


@pytest.fixture
def team_thread(team_practice, users):
    question = question_on(
        team_practice, users["fi-coordinator"], title=f"Team question {TEAM_WORD}"
    )
    answer_to(question, users["fi-editor"], body=f"Team answer {TEAM_WORD}")
    return question


# -- the section on the pages ----------------------------------------------------------


def test_member_sees_threads_and_form_on_a_practice(public_practice, users, client_for):
    question_on(public_practice, users["fi-coordinator"], title=f"Open question {PUBLIC_WORD}")
    body = client_for("expert-police").get(public_practice.url).content.decode()
    assert "Questions and answers" in body
    assert PUBLIC_WORD in body
    assert f'action="/questions/ask/{public_practice.pk}/"' in body


def test_anonymous_gets_only_a_sign_in_sentence(public_practice, users, client_for):
    question_on(public_practice, users["fi-coordinator"], title=f"Open question {PUBLIC_WORD}")
    body = client_for(None).get(public_practice.url).content.decode()
    assert "Sign in to read them" in body
    assert PUBLIC_WORD not in body
    assert "/questions/ask/" not in body
    assert "1 answer" not in body and "0 answers" not in body


def test_section_on_a_recommendation_and_a_country_space(finland, users, client_for):
    recommendation = publish_recommendation("R-2026-91")
    question_on(recommendation, users["se-coordinator"], title="On the recommendation zqxrec")
    question_on(finland, users["fi-coordinator"], title="On the space zqxspace")
    client = client_for("fi-coordinator")
    assert "zqxrec" in client.get(recommendation.url).content.decode()
    assert "zqxspace" in client.get(finland.url).content.decode()


def test_hidden_question_shows_the_reason_in_the_list(public_practice, users, client_for):
    question = question_on(public_practice, users["fi-coordinator"], title=f"Gone {PUBLIC_WORD}")
    question.hide(users["secretariat"], "Names a victim")
    body = client_for("expert-police").get(public_practice.url).content.decode()
    assert "Hidden by the secretariat:" in body and "Names a victim" in body
    assert PUBLIC_WORD not in body


# -- a country team's thread never reaches another country ------------------------------


@pytest.mark.parametrize("username", ["se-coordinator", "expert-ngo", "no-coordinator"])
def test_team_thread_is_not_found_by_other_countries(team_thread, username, client_for):
    client = client_for(username)
    before = (Answer.objects.count(), Participant.objects.count(), Question.objects.count())
    pk = team_thread.pk
    page_id = team_thread.page_id
    for response in (
        client.get(f"/questions/{pk}/"),
        client.get(f"/questions/ask/{page_id}/"),
        client.post(f"/questions/ask/{page_id}/", {"title": "Mine", "body": "Let me in"}),
        client.post(f"/questions/{pk}/answer/", {"body": "Let me in"}),
        client.post(f"/questions/{pk}/follow/", {"follow": "1"}),
    ):
        assert response.status_code == 404
        assert TEAM_WORD not in response.content.decode()
    assert before == (Answer.objects.count(), Participant.objects.count(), Question.objects.count())


@pytest.mark.parametrize("url", ["/", "/practices/", "/countries/finland/", "/members/"])
def test_team_thread_is_in_no_page_of_another_country(team_thread, client_for, url):
    body = client_for("se-coordinator").get(url).content.decode()
    assert TEAM_WORD not in body
    assert f"/questions/{team_thread.pk}/" not in body


def test_team_thread_is_shown_to_its_team(team_thread, client_for):
    response = client_for("fi-ministry").get(f"/questions/{team_thread.pk}/")
    assert response.status_code == 200
    assert TEAM_WORD in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=" + PUBLIC_WORD,
        "/search/?q=" + TEAM_WORD,
        "/api/v2/pages/?search=" + PUBLIC_WORD,
        "/api/v2/pages/?search=" + TEAM_WORD,
        "/practices/feed/",
        "/sitemap.xml",
    ],
)
def test_question_text_is_not_in_search_api_or_feeds(public_practice, users, client_for, url):
    """The search page repeats its query: each post holds both words, the URL names one,
    so the other one found in the answer means a post leaked."""
    words = f"{PUBLIC_WORD} {TEAM_WORD}"
    question = question_on(public_practice, users["fi-coordinator"], title=words, body=words)
    answer_to(question, users["expert-police"], body=words)
    for who in (None, "fi-coordinator"):
        body = client_for(who).get(url).content.decode()
        assert PUBLIC_WORD not in body or TEAM_WORD not in body
        assert f"/questions/{question.pk}/" not in body


@pytest.mark.parametrize("suffix", ["", "answer/", "follow/"])
def test_anonymous_is_sent_to_sign_in(team_thread, client, suffix):
    url = f"/questions/{team_thread.pk}/{suffix}"
    response = client.post(url, {"body": "x"}) if suffix else client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")
    assert Answer.objects.filter(question=team_thread).count() == 1


def test_anonymous_ask_is_sent_to_sign_in(public_practice, client):
    response = client.get(f"/questions/ask/{public_practice.pk}/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


# -- asking, answering, following ------------------------------------------------------


def test_ask_then_answer_then_emails(public_practice, users, client_for):
    client = client_for("expert-police")
    response = client.post(
        f"/questions/ask/{public_practice.pk}/",
        {"title": "Who trains the inspectors?", "body": "We need a trainer in spring."},
    )
    question = Question.objects.get(title="Who trains the inspectors?")
    assert response.status_code == 302 and response["Location"] == f"/questions/{question.pk}/"
    assert question.author == users["expert-police"] and question.language == "en"
    assert question.page_title == public_practice.title
    assert Participant.objects.filter(question=question, user=users["expert-police"]).exists()
    page = client.get(response["Location"])
    assert "Who trains the inspectors?" in page.content.decode()
    assert "Your question is asked." in page.content.decode()

    mail.outbox.clear()
    client = client_for("fi-coordinator")
    with_commit = client.post(f"/questions/{question.pk}/answer/", {"body": "Our police academy."})
    assert with_commit.status_code == 302
    assert Answer.objects.get(question=question).body == "Our police academy."


def test_page_owner_takes_part_when_a_question_is_asked(finland, users, client_for):
    practice = publish_practice(finland, title="Owned", slug="owned-q", audience="public")
    practice.owner = users["fi-editor"]
    practice.save(update_fields=["owner"])
    client_for("expert-police").post(
        f"/questions/ask/{practice.pk}/", {"title": "To the owner", "body": "A question."}
    )
    question = Question.objects.get(title="To the owner")
    assert Participant.objects.filter(question=question, user=users["fi-editor"]).exists()


def test_follow_and_stop(public_practice, users, client_for):
    question = question_on(public_practice, users["fi-coordinator"])
    client = client_for("expert-police")
    assert "Follow this question" in client.get(f"/questions/{question.pk}/").content.decode()
    client.post(f"/questions/{question.pk}/follow/", {"follow": "1"})
    participant = Participant.objects.get(question=question, user=users["expert-police"])
    assert participant.notify
    assert (
        "Stop emails for this question" in client.get(f"/questions/{question.pk}/").content.decode()
    )
    client.post(f"/questions/{question.pk}/follow/", {"follow": "0"})
    participant.refresh_from_db()
    assert not participant.notify


def test_hidden_question_takes_no_answer(public_practice, users, client_for):
    question = question_on(public_practice, users["fi-coordinator"])
    question.hide(users["secretariat"], "Off topic")
    response = client_for("expert-police").post(
        f"/questions/{question.pk}/answer/", {"body": "Still answering"}
    )
    assert response.status_code == 409
    assert "it takes no new answers" in response.content.decode()
    assert "Still answering" in response.content.decode()
    assert not Answer.objects.filter(question=question).exists()


# -- bad input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "body": "Kept text zqxkept"}, "Enter a title for your question."),
        ({"title": "Kept title zqxkept", "body": "   "}, "Enter your question."),
        ({"title": "x" * 201, "body": "Kept text zqxkept"}, "Ensure this value has at most 200"),
        ({"title": "Kept title zqxkept", "body": "y" * 5001}, "Ensure this value has at most 5000"),
    ],
)
def test_ask_refuses_bad_input_and_keeps_it(public_practice, client_for, data, message):
    response = client_for("expert-police").post(f"/questions/ask/{public_practice.pk}/", data)
    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    assert 'id="error-summary"' in body and "autofocus" in body
    if "zqxkept" in str(data):
        assert "zqxkept" in body
    assert not Question.objects.filter(page=public_practice).exists()


def test_answer_refuses_empty_and_too_long(public_practice, users, client_for):
    question = question_on(public_practice, users["fi-coordinator"])
    client = client_for("expert-police")
    empty = client.post(f"/questions/{question.pk}/answer/", {"body": ""})
    assert empty.status_code == 400 and "Enter your answer." in empty.content.decode()
    long = client.post(f"/questions/{question.pk}/answer/", {"body": "z" * 5001})
    assert long.status_code == 400 and "z" * 5001 in long.content.decode()
    assert not Answer.objects.filter(question=question).exists()


@pytest.mark.parametrize(
    "url", ["/questions/999999/", "/questions/ask/999999/", "/questions/999999/answer/"]
)
def test_unknown_ids_are_not_found(client_for, url):
    client = client_for("admin")
    response = client.post(url, {"body": "x"}) if url.endswith("answer/") else client.get(url)
    assert response.status_code == 404


def test_a_page_that_takes_no_questions_is_not_found(client_for):
    from home.models import HomePage

    home = HomePage.objects.get()
    assert client_for("admin").get(f"/questions/ask/{home.pk}/").status_code == 404


@pytest.mark.parametrize("suffix", ["answer/", "follow/"])
def test_post_only_views_refuse_get(public_practice, users, client_for, suffix):
    question = question_on(public_practice, users["fi-coordinator"])
    response = client_for("expert-police").get(f"/questions/{question.pk}/{suffix}")
    assert response.status_code == 405


def test_what_you_follow_lists_the_threads_still_open_to_the_reader(
    public_practice, team_thread, users, client_for
):
    mine = question_on(public_practice, users["expert-police"], title="Mine zqxfollowed")
    Participant.objects.create(question=team_thread, user=users["expert-police"])
    body = client_for("expert-police").get("/account/following/").content.decode()
    assert "zqxfollowed" in body and f"/questions/{mine.pk}/follow/" in body
    # Followed before losing access (an expert may not view Finland's team pages).
    assert TEAM_WORD not in body
