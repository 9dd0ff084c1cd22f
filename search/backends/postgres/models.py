"""The index table: one row per indexed object, written by the backend, read in SQL."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Func, Value


class IndexedDocument(models.Model):
    """What the PostgreSQL backend keeps of one object.

    ``vector`` is the object's searchable text, every field in one weighted vector (the
    object's language's text-search configuration, or a field's own); ``autocomplete``
    the accent-folded words of its autocomplete fields; ``tokens`` the EXTRAS hook's
    values as ``name:value`` (view restrictions and facets), matched with array operators
    on a GIN index instead of joins.
    """

    index = models.CharField(max_length=100)
    object_id = models.CharField(max_length=255)
    #: The primary key when it is an integer: the column the caller's queryset joins on.
    object_pk = models.BigIntegerField(null=True)
    #: Labels of the object's model and its indexed parents (a search on Page finds all).
    content_types = ArrayField(models.CharField(max_length=100))
    language = models.CharField(max_length=8)
    vector = SearchVectorField()
    #: The vector's shortest fields (weights A and B: titles, boosted fields), by which
    #: every match is ranked first (``results.RERANKED``): far smaller than the text, and
    #: kept in the row (storage MAIN, migration 0003), not in the TOAST table, as reading
    #: it from there took as long as ranking it.
    head = models.GeneratedField(
        expression=Func(F("vector"), Value("{a,b}"), function="ts_filter"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    autocomplete = SearchVectorField()
    #: Kept in the row too (storage MAIN, migration 0003): read for every match.
    tokens = ArrayField(models.TextField(), default=list)
    #: The value of the object's one ``kind`` and ``language`` EXTRAS token, null when it
    #: has none or several (``results.SCALAR_EXTRAS``): the search page boosts every
    #: match by them, and a column is read far faster than the array searched. Computed
    #: by the database from the tokens (``search_extra_value``, migration 0005).
    extra_kind = models.GeneratedField(
        expression=Func(F("tokens"), Value("kind"), function="search_extra_value"),
        output_field=models.TextField(),
        db_persist=True,
    )
    extra_language = models.GeneratedField(
        expression=Func(F("tokens"), Value("language"), function="search_extra_value"),
        output_field=models.TextField(),
        db_persist=True,
    )
    #: When the row was written (a rebuild deletes the rows it did not write).
    updated = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["index", "object_id"], name="search_pg_object")
        ]
        indexes = [
            # The content types with the vector: a search of a small model (documents,
            # recordings) reads its few rows, not every page matching the words (each
            # of which a phrase would read again); a search of pages reads the vector's
            # entries alone. Apart, the planner read every page through the first.
            GinIndex(fields=["content_types", "vector"], name="search_pg_types_vector"),
            GinIndex(fields=["autocomplete"], name="search_pg_autocomplete"),
            GinIndex(fields=["tokens"], name="search_pg_tokens"),
            models.Index(fields=["index", "object_pk"], name="search_pg_pk"),
        ]

    def __str__(self):
        return f"{self.index} {self.object_id}"
