"""check_index finds drift between the database and the Whoosh index, and --fix repairs it."""

from io import StringIO

import pytest
from django.core.management import call_command
from modelsearch.backends import get_search_backend
from wagtail.models import Page, PageViewRestriction

from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db


def check(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("check_index", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue() + err.getvalue()


@pytest.fixture
def clean_index():
    call_command("update_index", backend_name="default", stdout=StringIO(), verbosity=0)


def test_a_fresh_index_matches(clean_index):
    code, output = check()
    assert code == 0
    assert "The index matches the database." in output


def test_missing_extra_and_privacy_drift_are_found_and_repaired(clean_index, space, unique):
    index = get_search_backend("default").get_index_for_model(Page)
    page = publish_practice(space, summary=f"Drifting {unique('drift')}.")
    index.delete_pks([page.pk])  # lost write
    index.delete_pks([])
    other = publish_practice(space, summary="Restricted behind the index's back.")
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=other, restriction_type="login")]
    )  # no signal: the index still calls it public
    gone = publish_practice(space, summary="Deleted without the index knowing.")
    Page.objects.filter(pk=gone.pk).delete()  # signals do fire here; put it back in the index
    index.add_items(type(gone), [gone])

    code, output = check()
    assert code == 1
    assert "missing 1, extra 1, stale 1" in output
    assert "run check_index --fix" in output

    code, output = check("--fix")
    assert code == 0
    assert "repaired 3 document(s)" in output
    assert check()[0] == 0
    stored = index.stored_documents()
    assert str(page.pk) in stored and str(gone.pk) not in stored
    assert stored[str(other.pk)]["m_extras"]["view"] == ["login"]


def test_deep_check_finds_stale_content(clean_index, space):
    page = publish_practice(space, summary="Before.")
    type(page).objects.filter(pk=page.pk).update(summary="After, changed without signals.")
    assert check()[0] == 0  # presence and privacy are fine
    code, output = check("--deep")
    assert code == 1 and "stale 1" in output
    assert check("--deep", "--fix")[0] == 0
    assert check("--deep")[0] == 0


def test_database_backend_has_nothing_to_check():
    code, output = check("--backend", "wagtail.search.backends.database")
    assert code == 0 and "nothing to check" in output


def test_missing_index_is_a_clear_error(clean_index, rebuild_after):
    import os

    from django.core.management.base import CommandError

    index = get_search_backend("default").get_index_for_model(Page)
    os.remove(index.link)
    with pytest.raises(CommandError, match="update_index"):
        call_command("check_index", stdout=StringIO())
