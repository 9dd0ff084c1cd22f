"""Status badges of the tracker: the status as text, with an icon and a colour that only
repeat it."""

import math

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core import cldr

from ..choices import STATUS_WEIGHT, Status, status_label
from ..progress import definition

register = template.Library()


def _pie(fraction: float) -> str:
    """SVG shapes of a 16×16 icon filled to ``fraction`` (a quarter, a half…)."""
    if fraction >= 1:
        return '<circle cx="8" cy="8" r="6" fill="currentColor"/>'
    if fraction <= 0:
        return ""
    angle = 2 * math.pi * fraction
    x, y = 8 + 6 * math.sin(angle), 8 - 6 * math.cos(angle)
    large = 1 if fraction > 0.5 else 0
    return f'<path d="M8 8 L8 2 A6 6 0 {large} 1 {x:.2f} {y:.2f} Z" fill="currentColor"/>'


def status_icon_svg(status: str) -> str:
    if status == Status.NOT_APPLICABLE:
        inner = '<path d="M4 8 H12" stroke="currentColor" stroke-width="2"/>'
        ring = (
            '<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" '
            'stroke-dasharray="2 2"/>'
        )
    else:
        inner = _pie(STATUS_WEIGHT.get(status, 0))
        ring = (
            '<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.5"/>'
        )
    return (
        '<svg class="status__icon" viewBox="0 0 16 16" width="16" height="16" '
        f'aria-hidden="true" focusable="false">{ring}{inner}</svg>'
    )


@register.simple_tag
def status_badge(status, label_prefix=""):
    """``<span class="status status--planned">◔ Planned</span>``: text first for readers."""
    return format_html(
        '<span class="status status--{}">{}<span class="status__label">{}{}</span></span>',
        status,
        # Built only from constants and numbers: nothing to escape.
        mark_safe(status_icon_svg(status)),  # noqa: S308
        label_prefix,
        status_label(status),
    )


@register.simple_tag
def status_icon(status):
    return mark_safe(status_icon_svg(status))  # noqa: S308


@register.filter
def get_country_url(urls, code):
    """``country_urls|get_country_url:code``: a country's tracker page."""
    return urls.get(code, "")


@register.inclusion_tag("recommendations/includes/progress_definition.html")
def progress_definition():
    """The one definition of progress (``progress.definition``), on the pages."""
    return {"paragraphs": definition()}


@register.filter
def compact_date(value):
    """``impl.updated_at|compact_date``: a date where space is short (``core.cldr``)."""
    return cldr.compact_date(value) if value else ""
