"""Facets: the tokens of the EXTRAS fields per searcher, and facet values back in Python.

``facetcount`` does the counting; what is read here is cached on the searcher, so it is
read once per index version whatever the visitors click.
"""

from ..facetcount import to_bits
from .schema import BOOL, DATE, DATETIME, MULTI, STR, TIME, column_text, from_index_value


def token_postings(searcher, name):
    """{token: set of docnums} of one EXTRAS field, cached for the searcher's lifetime."""
    cache = searcher.__dict__.setdefault("_hub_token_postings", {})
    postings = cache.get(name)
    if postings is None:
        reader = searcher.reader()
        field = f"x__{name}"
        postings = {}
        if field in reader.schema:
            for term in reader.lexicon(field):
                text = term.decode() if isinstance(term, bytes) else term
                postings[text] = set(reader.postings(field, term).all_ids())
        cache[name] = postings
    return postings


def token_bitmaps(searcher, name):
    """{token: bitmap of docnums} of one EXTRAS field, cached for the searcher's lifetime."""
    cache = searcher.__dict__.setdefault("_hub_token_bitmaps", {})
    bitmaps = cache.get(name)
    if bitmaps is None:
        postings = token_postings(searcher, name)
        bitmaps = cache[name] = {token: to_bits(ids) for token, ids in postings.items()}
    return bitmaps


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
