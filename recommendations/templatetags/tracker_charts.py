"""{% status_chart totals %} and {% progress_chart series %}: the tracker's SVG charts."""

from django import template

from recommendations import charts

register = template.Library()


@register.simple_tag
def status_chart(totals, title=None):
    """The status-per-country SVG of ``Matrix.totals()``."""
    return charts.status_chart(totals, title=title)


@register.simple_tag
def progress_chart(series, title=None):
    """The progress-over-time SVG of ``charts.progress_series(...)``."""
    return charts.progress_chart(series, title=title)
