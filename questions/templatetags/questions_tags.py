"""Questions and answers on the pages of the layers above: ``{% questions_section page %}``."""

from django import template
from django.utils.safestring import SafeString

from countries.permissions import may_take_part
from questions.models import Participant
from questions.sections import render_section

register = template.Library()


@register.simple_tag(takes_context=True)
def questions_section(context, page):
    """The page's "Questions and answers" section for this reader (never cache it)."""
    return SafeString(render_section(context.get("request"), page))


@register.simple_tag(takes_context=True)
def followed_questions(context):
    """``{% followed_questions as questions %}``: the threads whose emails the reader
    receives, on pages they may still take part in, the latest active first."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return []
    participations = (
        Participant.objects.filter(user=request.user, notify=True, question__page__isnull=False)
        .select_related("question__page")
        .order_by("-question__last_activity_at")
    )
    return [p.question for p in participations if may_take_part(request, p.question.page)]
