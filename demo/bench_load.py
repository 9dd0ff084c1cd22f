"""Bulk loading of ``bench_search``'s synthetic practices into the page tree.

Saving pages one by one (``add_child``, every save and signal of a real publish) cost
about 13 ms a practice on SQLite: 100,000 practices would take over 20 minutes before a
single search. Here the rows a published practice has are written in bulk, a batch at a
time: the ``wagtailcore_page`` rows with their tree paths (treebeard's materialised
path: the parent's path and a step numbered after its last child), the practice rows,
their taxonomy links and the view restriction their audience stands for
(``countries.permissions.audience_restriction``, as ``sync_view_restriction`` sets it on
a save). No signal is sent: nothing is indexed or queued, and the caches are ended once
at the end. What a real publish adds besides (revisions, log entries, the reference
index) is not written: the benchmark never reads it.

Benchmark use only: it bypasses every ``save()``.
"""

from __future__ import annotations

import datetime
from html import escape

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from core import caches
from countries.permissions import audience_restriction
from practices.models import PracticePage

#: The taxonomy relations of a practice (attributes of SyntheticPractice too).
TAXONOMIES = ("forms", "sectors", "target_groups", "approaches")


class PracticeLoader:
    """Writes synthetic practices (``demo.bench_data.SyntheticPractice``) under the
    country spaces, ``batch`` at a time, each batch in one transaction.

    Args:
        spaces: {country code: CountryPage}.
        terms: {taxonomy attribute: {slug: term}}.
        published_at: the publication time of the newest practice; each next one was
            published a minute earlier.
    """

    def __init__(self, spaces, terms, published_at):
        self.spaces = spaces
        self.terms = terms
        self.published_at = published_at
        self.content_type = ContentType.objects.get_for_model(PracticePage)
        # The step after each space's last child: new children are numbered from there.
        self.next_step = {}
        for code, space in spaces.items():
            last = space.get_last_child()
            self.next_step[code] = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        self.restrictions = {}  # (country code, audience) -> (type, group ids)
        self.loaded = 0

    def load(self, specs) -> int:
        """Write one batch of practices; returns how many."""
        specs = list(specs)
        if not specs:
            return 0
        with transaction.atomic():
            pages = [self._page(spec, self.loaded + i) for i, spec in enumerate(specs)]
            Page.objects.bulk_create(pages)
            if any(page.pk is None for page in pages):  # no RETURNING: read the ids back
                ids = dict(
                    Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk")
                )
                for page in pages:
                    page.pk = page.id = ids[page.path]
            self._practices(specs, pages)
            self._taxonomies(specs, pages)
            self._view_restrictions(specs, pages)
            for code in {spec.country for spec in specs}:
                added = sum(1 for spec in specs if spec.country == code)
                Page.objects.filter(pk=self.spaces[code].pk).update(numchild=F("numchild") + added)
        self.loaded += len(specs)
        return len(specs)

    def finish(self):
        """End every cache (listings, live pages, counts) the bulk writes went past."""
        caches.end_all()

    # -- rows ------------------------------------------------------------------------------
    def _page(self, spec, number) -> Page:
        space = self.spaces[spec.country]
        step = self.next_step[spec.country]
        self.next_step[spec.country] = step + 1
        slug = f"bench-{number:06d}"
        return Page(
            path=Page._get_path(space.path, space.depth + 1, step),
            depth=space.depth + 1,
            numchild=0,
            title=spec.title,
            draft_title=spec.title,
            slug=slug,
            content_type_id=self.content_type.pk,
            live=True,
            has_unpublished_changes=False,
            # One a minute, backwards from ``published_at``: as a real library grows, no
            # two practices share a publication time (the newest-first listing relies on it).
            first_published_at=self.published_at - datetime.timedelta(minutes=number),
            last_published_at=self.published_at - datetime.timedelta(minutes=number),
            url_path=f"{space.url_path}{slug}/",
            locale_id=space.locale_id,
        )

    def _practices(self, specs, pages):
        rows = []
        for spec, page in zip(specs, pages, strict=True):
            body = [("paragraph", RichText(f"<p>{escape(p)}</p>")) for p in spec.paragraphs]
            rows.append(
                PracticePage(
                    page_ptr_id=page.pk,
                    audience=spec.audience,
                    title_en=spec.title_en,
                    summary=spec.summary,
                    summary_en=spec.summary_en,
                    body=body,
                    language=spec.language,
                    start_year=spec.start_year,
                    end_year=spec.end_year,
                    ongoing=spec.end_year is None,
                    evidence_level=spec.evidence_level,
                    country_page_id=self.spaces[spec.country].pk,
                )
            )
        # Only the practice table: the page rows are written above (bulk_create refuses
        # multi-table inheritance).
        fields = PracticePage._meta.local_concrete_fields
        size = max(1, connection.ops.bulk_batch_size(fields, rows))
        for start in range(0, len(rows), size):
            PracticePage._base_manager._insert(rows[start : start + size], fields=fields)

    def _taxonomies(self, specs, pages):
        for kind in TAXONOMIES:
            field = PracticePage._meta.get_field(kind)
            through = field.remote_field.through
            source = field.m2m_field_name() + "_id"
            target = field.m2m_reverse_field_name() + "_id"
            pool = self.terms[kind]
            through.objects.bulk_create(
                through(**{source: page.pk, target: pool[slug].pk})
                for spec, page in zip(specs, pages, strict=True)
                for slug in getattr(spec, kind)
            )

    def _restriction(self, spec, page):
        key = (spec.country, spec.audience)
        if key not in self.restrictions:
            page.audience = spec.audience  # what audience_restriction reads, with the path
            restriction_type, groups = audience_restriction(page)
            self.restrictions[key] = (restriction_type, sorted(group.pk for group in groups))
        return self.restrictions[key]

    def _view_restrictions(self, specs, pages):
        restricted = []
        for spec, page in zip(specs, pages, strict=True):
            restriction_type, group_ids = self._restriction(spec, page)
            if restriction_type is not None:
                restriction = PageViewRestriction(
                    page_id=page.pk, restriction_type=restriction_type
                )
                restricted.append((restriction, group_ids))
        if not restricted:
            return
        objects = [restriction for restriction, _ in restricted]
        PageViewRestriction.objects.bulk_create(objects)
        if any(restriction.pk is None for restriction in objects):
            ids = dict(
                PageViewRestriction.objects.filter(
                    page_id__in=[r.page_id for r in objects]
                ).values_list("page_id", "pk")
            )
            for restriction in objects:
                restriction.pk = restriction.id = ids[restriction.page_id]
        through = PageViewRestriction.groups.through
        through.objects.bulk_create(
            through(pageviewrestriction_id=restriction.pk, group_id=group_id)
            for restriction, group_ids in restricted
            for group_id in group_ids
        )
