"""The engines' extras: filters and boosts on the EXTRAS tokens (view restrictions,
facets), the same API on every engine that keeps them (Whoosh, PostgreSQL).

The search page calls them when the results offer them: ``filter_extra`` (keep or drop
objects by their tokens), ``boost_extra`` (reorder by their tokens) and, per engine,
``faceted_page`` and ``extra_facets``. This mixin holds what they record; each engine
applies it in its own way.
"""

from modelsearch.backends.base import FilterFieldError


class ExtrasResultsMixin:
    """State and validation of ``filter_extra`` and ``boost_extra`` on a results class."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.timed_out = False
        #: ((name, tokens, exclude), ...) from filter_extra.
        self._extra_filters = ()
        #: ((name, ((token, factor), ...)), ...) from boost_extra.
        self._extra_boosts = ()
        #: Milliseconds the last faceted_page spent counting facets.
        self.facet_ms = 0.0

    def _clone(self):
        new = super()._clone()
        new.timed_out = self.timed_out
        new._extra_filters = self._extra_filters
        new._extra_boosts = self._extra_boosts
        return new

    def _check_extra_name(self, name):
        if name not in self.backend.extra_fields:
            raise FilterFieldError(f"{name!r} is not one of the backend's EXTRA_FIELDS.")

    def filter_extra(self, name, tokens, exclude=False):
        """Keep objects whose EXTRAS ``name`` has any of ``tokens`` (or none, if exclude).

        Args:
            name: a name listed in the backend's EXTRA_FIELDS.
            tokens: the tokens to match.
            exclude: drop the objects that match instead of keeping them.

        Returns:
            A new results object.
        """
        self._check_extra_name(name)
        clone = self._clone()
        clone._extra_filters = (*self._extra_filters, (name, tuple(tokens), exclude))
        return clone

    def boost_extra(self, boosts):
        """Rank by relevance times a factor for the EXTRAS tokens an object has.

        The contract, for every engine that offers it (the search service calls it when
        the results have it): ``boosts`` is ``{name: {token: factor}}`` for names of the
        backend's EXTRA_FIELDS. An object's relevance score is multiplied, for each name,
        by the largest factor among the tokens it has under that name (1 when it has none
        of them). A factor of 0 does not drop an object: it ranks after every object
        whose factors are all positive, in the order of its own score. Boosting changes
        only the order of relevance-ranked results: what matches, the total, the facet
        counts and results ordered by a field stay as they are. Calls accumulate (their
        factors multiply).

        Args:
            boosts: {EXTRAS name: {token: factor >= 0}}.

        Returns:
            A new results object.
        """
        for name, factors in boosts.items():
            self._check_extra_name(name)
            if any(float(factor) < 0 for factor in factors.values()):
                raise ValueError(f"A boost of {name!r} is negative.")
        clone = self._clone()
        frozen = tuple(
            (name, tuple((str(t).replace(" ", "_"), float(f)) for t, f in factors.items()))
            for name, factors in boosts.items()
            if factors
        )
        clone._extra_boosts = (*self._extra_boosts, *frozen)
        return clone
