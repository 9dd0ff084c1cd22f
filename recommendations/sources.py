"""Recommendations from every source, and what a mapping between them means.

The rule (docs/ARCHITECTURE.md, "Where each rule lives"): recommendations mapped to each
other (``RecommendationPage.corresponds_to``, stored once and read both ways) ask for the
same thing, so a country's follow-up of one **also answers** each mapped recommendation
that is addressed to the same country and that the reader may view. Each keeps its own
implementation, status and history, written through the one update path
(``updates.apply_update``); the mapping only shows them side by side, both ways, with the
country's status of each, and the progress measure still counts every recommendation once.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from countries.permissions import viewable_pages

from .models import Implementation, RecommendationPage


def visible_mapped(request_or_user, recommendations) -> dict[int, list[RecommendationPage]]:
    """{recommendation id: the recommendations mapped to it, either way, that the user
    may view}, in code order. Two queries, whatever the number of recommendations."""
    ids = [r.pk for r in recommendations]
    if not ids:
        return {}
    through = RecommendationPage.corresponds_to.through
    stored = through.objects.filter(
        Q(from_recommendationpage_id__in=ids) | Q(to_recommendationpage_id__in=ids)
    ).values_list("from_recommendationpage_id", "to_recommendationpage_id")
    # Stored once, read both ways.
    wanted = set(ids)
    pairs = {
        pair
        for from_id, to_id in stored
        for pair in ((from_id, to_id), (to_id, from_id))
        if pair[0] in wanted
    }
    targets = {to for _from, to in pairs}
    visible = {
        page.pk: page
        for page in viewable_pages(
            request_or_user, RecommendationPage.objects.filter(pk__in=targets)
        ).select_related("source")
    }
    mapped = defaultdict(list)
    for from_id, to_id in pairs:
        if to_id in visible and to_id != from_id:
            mapped[from_id].append(visible[to_id])
    for pages in mapped.values():
        pages.sort(key=lambda page: page.code)
    return dict(mapped)


def also_answers(mapped, countries) -> dict[int, list[Implementation]]:
    """{country id: the implementations, in that country, of the ``mapped``
    recommendations (``visible_mapped``'s, for one page) that address the country}: what
    the country's follow-up of the page also answers. Each carries its recommendation."""
    if not mapped:
        return {}
    by_pk = {recommendation.pk: recommendation for recommendation in mapped}
    answers = defaultdict(list)
    implementations = (
        Implementation.objects.targeted()
        .filter(recommendation__in=list(by_pk), country__in=[c.pk for c in countries])
        .select_related("country")
    )
    for impl in implementations:
        impl.recommendation = by_pk[impl.recommendation_id]
        answers[impl.country_id].append(impl)
    for items in answers.values():
        items.sort(key=lambda impl: impl.recommendation.code)
    return dict(answers)


def answered_in(request_or_user, recommendations, country) -> dict[int, list[Implementation]]:
    """{recommendation id: the implementations in ``country`` of the recommendations
    mapped to it (visible, addressed to the country)}: the country page's "also answers"."""
    mapped = visible_mapped(request_or_user, recommendations)
    targets = {page.pk: page for pages in mapped.values() for page in pages}
    if not targets:
        return {}
    implementations = {
        impl.recommendation_id: impl
        for impl in Implementation.objects.targeted().filter(
            recommendation__in=list(targets), country=country
        )
    }
    answers = {}
    for recommendation_id, pages in mapped.items():
        found = []
        for page in pages:
            impl = implementations.get(page.pk)
            if impl is not None:
                impl.recommendation, impl.country = page, country
                found.append(impl)
        if found:
            answers[recommendation_id] = found
    return answers
