"""Disjunctive facet counting: the rule, on sets (the database fallback; the Whoosh backend
counts the same way on masks, ``whoosh.facets.mask_counts``).

Within one facet the selected values are alternatives (OR); across facets they narrow
(AND). Each facet's counts therefore ignore its own selection, so a visitor can see what
choosing another value of the same facet would give.
"""

from collections import Counter


def disjunctive_counts(base, postings, selected):
    """Count facet values over a set of matches.

    Args:
        base: the set of matching ids before any facet is applied.
        postings: {facet: {value: set of ids having that value}}.
        selected: {facet: values chosen}; facets with no value chosen may be absent.

    Returns:
        ({facet: Counter(value -> count)}, set of ids matching every selection).
    """
    chosen = {}
    for name, values in selected.items():
        values = [v for v in values if v]
        if values:
            by_value = postings.get(name, {})
            chosen[name] = set().union(*(by_value.get(v, set()) for v in values))
    matched = base.intersection(*chosen.values()) if chosen else set(base)
    counts = {}
    for name, by_value in postings.items():
        others = [ids for other, ids in chosen.items() if other != name]
        scope = base.intersection(*others) if others else base
        counts[name] = Counter(
            {value: n for value, ids in by_value.items() if (n := len(ids & scope))}
        )
    return counts, matched
