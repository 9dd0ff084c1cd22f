"""The demo's threads: on a practice, a recommendation and a country space, one for a
country team only, one answer hidden by the secretariat; seeding again adds nothing."""

import pytest
from django.core.management import call_command

from questions.models import Answer, Question

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_content")]


def test_demo_threads_cover_each_kind_of_page_and_a_hidden_answer():
    kinds = {q.page.specific_class.__name__ for q in Question.objects.select_related("page")}
    assert {"PracticePage", "RecommendationPage", "CountryPage"} <= kinds
    hidden = Answer.objects.get(hidden_at__isnull=False)
    assert hidden.hidden_reason and hidden.hidden_by.username == "secretariat"


def test_seeding_again_adds_no_thread():
    before = (Question.objects.count(), Answer.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Question.objects.count(), Answer.objects.count()) == before


def test_the_country_team_thread_is_its_teams_only(client_for):
    question = Question.objects.get(page__slug="follow-the-money-bank-partnership")
    assert client_for("fi-coordinator").get(f"/questions/{question.pk}/").status_code == 200
    assert client_for("se-coordinator").get(f"/questions/{question.pk}/").status_code == 404
