"""Threads for tests: a question on a page, answers, written as their authors would."""

from django.utils import timezone

from questions.models import Answer, Participant, Question, display_name


def question_on(page, author, title="How do you reach seasonal workers?", body="", **fields):
    """A question on ``page`` by ``author``, who takes part in it."""
    question = Question.objects.create(
        page=page,
        page_title=page.title,
        author=author,
        author_name=display_name(author),
        title=title,
        body=body or "We would like to hear how others reach them before the season.",
        language=fields.pop("language", "en"),
        **fields,
    )
    Participant.objects.get_or_create(question=question, user=author)
    return question


def answer_to(question, author, body="We visit the farms with the labour inspectors.", **fields):
    """An answer in ``question`` by ``author``, who takes part in the thread."""
    answer = Answer.objects.create(
        question=question,
        author=author,
        author_name=display_name(author),
        body=body,
        language=fields.pop("language", "en"),
        **fields,
    )
    Question.objects.filter(pk=question.pk).update(last_activity_at=timezone.now())
    Participant.objects.get_or_create(question=question, user=author)
    return answer
