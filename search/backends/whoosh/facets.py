"""Facets: the tokens of the EXTRAS fields per searcher, and facet values back in Python.

What is read here is cached on the searcher (from postings cached per segment), so it is
read once per index version whatever the visitors click.
"""

from collections import Counter

import numpy as np

from .schema import BOOL, DATE, DATETIME, MULTI, STR, TIME, column_text, from_index_value
from .scoring import Scorer, _raw_postings


def token_masks(searcher, name):
    """{token: mask of live docnums} of one EXTRAS field, cached for the searcher's lifetime."""
    cache = searcher.__dict__.setdefault("_hub_token_masks", {})
    masks = cache.get(name)
    if masks is None:
        field = f"x__{name}"
        masks = {}
        if field in searcher.schema:
            size = searcher.doc_count_all()
            live = Scorer(searcher).live()
            for leaf, offset in searcher.leaf_searchers():
                reader = leaf.reader()
                for term in reader.lexicon(field):
                    text = term.decode() if isinstance(term, bytes) else term
                    mask = masks.get(text)
                    if mask is None:
                        mask = masks[text] = np.zeros(size, dtype=bool)
                    ids, _freqs = _raw_postings(reader, field, term)
                    mask[offset + ids] = True
            for mask in masks.values():
                mask &= live
        cache[name] = masks
    return masks


def mask_counts(base, masks, selected):
    """Disjunctive facet counts (``facetcount.disjunctive_counts``) over boolean masks.

    Args:
        base: the mask of matching docnums before any facet is applied.
        masks: {facet: {value: mask of docnums having that value}}.
        selected: {facet: values chosen}.

    Returns:
        ({facet: Counter(value -> count)}, mask of docnums matching every selection).
    """
    chosen = {}
    for name, values in selected.items():
        values = [v for v in values if v]
        if values:
            union = np.zeros(base.shape, dtype=bool)
            for value in values:
                found = masks.get(name, {}).get(value)
                if found is not None:
                    union |= found
            chosen[name] = union
    matched = base.copy()
    for union in chosen.values():
        matched &= union
    counts = {}
    for name, by_value in masks.items():
        scope = base
        others = [union for other, union in chosen.items() if other != name]
        if others:
            scope = base.copy()
            for union in others:
                scope &= union
        counts[name] = Counter(
            {
                value: n
                for value, mask in by_value.items()
                if (n := int(np.count_nonzero(mask & scope)))
            }
        )
    return counts, matched


def facet_converter(model, field, kind):
    """function(index value) -> the value of filter field ``field`` of ``model``."""
    if kind == MULTI:
        related = field.get_field(model).related_model
        return related._meta.pk.to_python
    if kind in (DATE, DATETIME, BOOL, TIME):
        return lambda v: from_index_value(kind, v)
    if kind == STR:
        return column_text
    return lambda v: v
