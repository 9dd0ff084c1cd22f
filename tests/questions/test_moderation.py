"""The secretariat moderates the threads in the admin: hides a post with a reason, shows it
again, each logged, nothing ever deleted; the report lists, filters and exports every
question and answer. No one else may (403)."""

import csv
import io

import pytest
from wagtail.models import ModelLogEntry

from countries.models import CountryPage
from questions.models import Answer, Question
from tests.accounts import sign_in
from tests.practices.factories import publish_practice
from tests.questions.factories import answer_to, question_on
from tests.recommendations.factories import publish_recommendation

pytestmark = pytest.mark.django_db

HIDDEN_WORD = "zqxhiddenanswerword"


@pytest.fixture
def thread(users):
    finland = CountryPage.objects.get(country__code="FI")
    practice = publish_practice(finland, title="Open", slug="open-mod", audience="public")
    question = question_on(practice, users["fi-coordinator"], title="Which hotline?")
    answer = answer_to(question, users["expert-police"], body=f"Call Anna {HIDDEN_WORD}")
    return question, answer


@pytest.fixture
def admin_client(client):
    def signed_in(user):
        client.logout()
        return sign_in(client, user)

    return signed_in


@pytest.mark.parametrize("username", ["fi-coordinator", "expert-police", "se-ministry"])
def test_others_may_not_moderate_or_read_the_report(thread, users, admin_client, username):
    question, answer = thread
    client = admin_client(users[username])
    for url in (
        "/admin/reports/questions/",
        "/admin/reports/questions/?export=csv",
        f"/admin/questions/answer/{answer.pk}/hide/",
        f"/admin/questions/question/{question.pk}/show/",
    ):
        assert client.get(url).status_code in (302, 403), url
    response = client.post(f"/admin/questions/answer/{answer.pk}/hide/", {"reason": "Mine"})
    assert response.status_code in (302, 403)
    if response.status_code == 302:  # sent to sign in to the admin, which they may not use
        assert response["Location"].startswith("/admin/login/")
    answer.refresh_from_db()
    assert not answer.hidden
    assert not ModelLogEntry.objects.filter(action__startswith="questions.").exists()


def test_a_member_with_admin_access_gets_403(thread, users, admin_client):
    """A country coordinator uses the admin, but not this."""
    _question, answer = thread
    client = admin_client(users["fi-coordinator"])
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/reports/questions/").status_code == 403
    assert client.get("/admin/reports/questions/?export=csv").status_code == 403
    assert client.get(f"/admin/questions/answer/{answer.pk}/hide/").status_code == 403
    response = client.post(f"/admin/questions/answer/{answer.pk}/hide/", {"reason": "x"})
    assert response.status_code == 403
    answer.refresh_from_db()
    assert not answer.hidden
    assert "/admin/reports/questions/" not in client.get("/admin/").content.decode()


@pytest.mark.parametrize("username", ["secretariat", "admin"])
def test_hide_needs_a_reason_then_hides_and_logs(thread, users, admin_client, username):
    question, answer = thread
    client = admin_client(users[username])
    url = f"/admin/questions/answer/{answer.pk}/hide/"
    assert client.get(url).status_code == 200
    refused = client.post(url, {"reason": "  "})
    assert refused.status_code == 400
    assert "Give the reason for hiding it." in refused.content.decode()
    answer.refresh_from_db()
    assert not answer.hidden
    response = client.post(url, {"reason": "Names a person"})
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.hidden and answer.hidden_reason == "Names a person"
    assert answer.hidden_by == users[username]
    entry = ModelLogEntry.objects.get(action="questions.hide")
    assert entry.object_id == str(answer.pk) and entry.user == users[username]
    assert entry.data["reason"] == "Names a person"

    shown = client.post(f"/admin/questions/answer/{answer.pk}/show/")
    assert shown.status_code == 302
    answer.refresh_from_db()
    assert not answer.hidden
    assert ModelLogEntry.objects.filter(action="questions.show").count() == 1
    assert Answer.objects.filter(pk=answer.pk).exists() and Question.objects.filter(pk=question.pk)


def test_hidden_text_is_for_the_secretariat_only(thread, users, client_for):
    question, answer = thread
    answer.hide(users["secretariat"], "Names a person")
    member = client_for("fi-coordinator").get(f"/questions/{question.pk}/").content.decode()
    assert HIDDEN_WORD not in member
    assert "Hidden by the secretariat:" in member and "Names a person" in member
    secretariat = client_for("secretariat").get(f"/questions/{question.pk}/").content.decode()
    assert HIDDEN_WORD in secretariat
    assert "Hidden text, shown to the secretariat only" in secretariat
    assert f"/admin/questions/answer/{answer.pk}/show/" in secretariat


def test_nothing_can_be_deleted(thread, users, admin_client):
    question, answer = thread
    client = admin_client(users["admin"])
    for url in (
        f"/admin/questions/answer/{answer.pk}/delete/",
        f"/admin/questions/question/{question.pk}/delete/",
        f"/admin/snippets/questions/question/delete/{question.pk}/",
    ):
        assert client.post(url).status_code == 404
    for user in users.values():
        assert not any(
            user.has_perm(f"questions.delete_{model}") and not user.is_superuser
            for model in ("question", "answer", "participant")
        )
    from django.contrib.auth.models import Permission

    assert (
        not Permission.objects.filter(content_type__app_label="questions")
        .exclude(codename__startswith="view_")
        .exists()
    )
    with pytest.raises(Exception, match="protected"):
        question.delete()
    assert Answer.objects.filter(pk=answer.pk).exists()


def test_report_lists_filters_and_exports(thread, users, admin_client):
    question, answer = thread
    recommendation = publish_recommendation("R-2026-92")
    other = question_on(recommendation, users["se-coordinator"], title="On the tracker zqxrec")
    answer.hide(users["secretariat"], "Names a person")
    client = admin_client(users["secretariat"])

    listing = client.get("/admin/reports/questions/").content.decode()
    assert "Which hotline?" in listing and "zqxrec" in listing
    assert "Finland" in listing and "Hidden: Names a person" in listing

    finland = client.get("/admin/reports/questions/", {"country": "FI"}).content.decode()
    assert "Which hotline?" in finland and "zqxrec" not in finland
    hidden = client.get("/admin/reports/questions/", {"state": "hidden"}).content.decode()
    assert "Which hotline?" in hidden and "zqxrec" not in hidden
    shown = client.get("/admin/reports/questions/", {"state": "shown"}).content.decode()
    assert "Which hotline?" not in shown and "zqxrec" in shown
    page_type = str(recommendation.content_type_id)
    by_type = client.get("/admin/reports/questions/", {"page_type": page_type}).content.decode()
    assert "zqxrec" in by_type and "Which hotline?" not in by_type

    export = client.get("/admin/reports/questions/", {"export": "csv"})
    assert export.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    by_kind = {(row["Kind"], row["ID"]): row for row in rows}
    assert by_kind[("Question", str(question.pk))]["Answers"] == "1"
    assert by_kind[("Answer", str(answer.pk))]["State"] == "Hidden: Names a person"
    assert by_kind[("Question", str(other.pk))]["Country"] == ""
    xlsx = client.get("/admin/reports/questions/", {"export": "xlsx"})
    assert xlsx.status_code == 200


def test_report_is_in_the_reports_menu_for_the_secretariat(thread, users, admin_client):
    body = admin_client(users["secretariat"]).get("/admin/").content.decode()
    assert "/admin/reports/questions/" in body
