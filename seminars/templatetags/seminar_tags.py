"""What other pages show of the seminars (the home page's next seminars)."""

from django import template

from seminars.listing import upcoming_seminars

register = template.Library()


@register.simple_tag(takes_context=True)
def next_seminars(context, count=2):
    """``{% next_seminars 2 as seminars %}``: the soonest seminars the visitor may view."""
    return list(upcoming_seminars(context["request"])[:count])
