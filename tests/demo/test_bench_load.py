"""demo.bench_load: practices written in bulk are what publishing them one by one makes,
as far as listings, privacy and the tree can tell."""

from dataclasses import replace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from countries.models import CountryPage
from countries.permissions import audience_restriction, viewable_pages
from demo.bench_data import PracticeGenerator
from demo.bench_load import TAXONOMIES, PracticeLoader
from practices.models import Approach, FormOfExploitation, PracticePage, Sector, TargetGroup
from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db

AUDIENCES = ("public", "members", "country")


def _load(count):
    terms = {
        "forms": {t.slug: t for t in FormOfExploitation.objects.all()},
        "sectors": {t.slug: t for t in Sector.objects.all()},
        "target_groups": {t.slug: t for t in TargetGroup.objects.all()},
        "approaches": {t.slug: t for t in Approach.objects.all()},
    }
    spaces = {page.country.code: page for page in CountryPage.objects.select_related("country")}
    generator = PracticeGenerator(*(terms[kind] for kind in TAXONOMIES), seed=7)
    specs = [
        # Every audience in every space.
        replace(spec, audience=AUDIENCES[i // len(spaces) % len(AUDIENCES)])
        for i, spec in enumerate(generator.practices(count, countries=sorted(spaces)))
    ]
    loader = PracticeLoader(spaces, terms, timezone.now())
    half = count // 2
    assert loader.load(specs[:half]) + loader.load(specs[half:]) == count
    loader.finish()
    return spaces, specs


def test_bulk_practices_sit_in_a_sound_tree_with_their_fields_and_terms():
    spaces, specs = _load(48)

    assert all(not problems for problems in Page.find_problems())
    pages = {p.slug: p for p in PracticePage.objects.filter(slug__startswith="bench-")}
    assert len(pages) == len(specs)
    for number, spec in enumerate(specs):
        page = pages[f"bench-{number:06d}"]
        space = spaces[spec.country]
        assert page.get_parent().pk == space.pk
        assert page.country_page_id == space.pk
        assert page.live and page.url_path == f"{space.url_path}{page.slug}/"
        assert (page.title, page.summary, page.language) == (
            spec.title,
            spec.summary,
            spec.language,
        )
        assert len(page.body) == len(spec.paragraphs)
        for kind in TAXONOMIES:
            assert sorted(getattr(page, kind).values_list("slug", flat=True)) == getattr(spec, kind)
    # A practice published the ordinary way still finds its place after them.
    space = spaces["SE"]
    later = publish_practice(space, title="After the bulk")
    assert later.get_parent().pk == space.pk
    assert all(not problems for problems in Page.find_problems())


def test_bulk_practices_carry_the_restriction_of_their_audience():
    _load(48)

    pages = PracticePage.objects.filter(slug__startswith="bench-")
    for page in pages:
        expected_type, expected_groups = audience_restriction(page)
        own = list(PageViewRestriction.objects.filter(page=page))
        if expected_type is None:
            assert own == []
        else:
            assert [(r.restriction_type, set(r.groups.all())) for r in own] == [
                (expected_type, expected_groups)
            ]
    public = {p.pk for p in pages if p.audience == "public"}
    assert set(viewable_pages(AnonymousUser(), pages).values_list("pk", flat=True)) == public
    coordinator = get_user_model().objects.get(username="se-coordinator")
    seen = set(viewable_pages(coordinator, pages).values_list("pk", flat=True))
    assert {p.pk for p in pages if p.audience == "members"} <= seen
    swedish = {p.pk for p in pages if p.audience == "country" and p.country_code == "SE"}
    assert swedish and swedish <= seen
    others = {p.pk for p in pages if p.audience == "country" and p.country_code != "SE"}
    assert others and not others & seen
