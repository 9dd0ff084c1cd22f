"""Rebuilds: the cheaper writer writes what Whoosh's own writes, documents are built the
same with the batch shortcuts, and single-tier numeric filters still find the right pages."""

import hashlib

import pytest
from django.contrib.auth.models import Group
from modelsearch.backends import get_search_backend
from whoosh import fields, index
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.writing import SegmentWriter

from countries import permissions
from practices.models import Organisation, PracticePage
from search.backends import analysis
from search.backends.whoosh import scoring
from search.backends.whoosh.documents import build_document
from search.backends.whoosh.rebuild import RebuildWriter, rebuild_writer
from tests.practices.factories import publish_practice

WORDS = ["victim", "shelter", "labour", "referral", "permit", "police", "border", "child"]


def _schema():
    """The kinds of field the backend uses."""
    return fields.Schema(
        m_pk=fields.ID(stored=True, unique=True, sortable=True),
        m_ct=fields.KEYWORD(lowercase=False, scorable=False),
        m_sig=fields.STORED(),
        s__body=fields.TEXT(analyzer=SpaceSeparatedTokenizer(), phrase=True),
        a__title=fields.TEXT(analyzer=SpaceSeparatedTokenizer(), phrase=False),
        f__id=fields.NUMERIC(int, bits=64, signed=True, sortable=True, shift_step=16),
        f__live=fields.NUMERIC(int, bits=64, signed=True, sortable=True, shift_step=0),
        f__audience=fields.ID(sortable=True),
    )


def _documents(count):
    for i in range(count):
        body = " ".join(WORDS[(i * k + k) % len(WORDS)] for k in range(2 + i % 13))
        doc = {
            "m_pk": str(i),
            "m_ct": "page practice" if i % 3 else "page",
            "m_sig": {"n": i},
            "s__body": body,
            "a__title": " ".join(WORDS[(i + k) % len(WORDS)] for k in range(1 + i % 4)),
            "f__id": i * 7919,
            "f__live": i % 2,
        }
        if i % 5:
            doc["f__audience"] = "public" if i % 4 else "members"
        if i % 17 == 0:
            doc["s__body"] = ""  # an empty text field
        yield doc


def _segment_files(directory):
    """{(doc count, sub-file name without the segment id): digest} of every segment."""
    ix = index.open_dir(str(directory))
    found = {}
    for segment in ix._read_toc().segments:
        assert type(segment.codec()).__module__ == "whoosh.codec.whoosh3"  # nothing of ours
        files = segment.open_compound_file(ix.storage)
        for name in files.list():
            data = files.open_file(name).read()
            key = (segment.doc_count_all(), name.replace(segment.segment_id(), "*"))
            found[key] = hashlib.sha256(data).hexdigest()
    return found


def _write(directory, writer_factory, documents):
    directory.mkdir()
    ix = index.create_in(str(directory), _schema())
    writer = writer_factory(ix)
    for doc in documents:
        writer.add_document(**doc)
    writer.commit(merge=False)
    return ix


def test_rebuild_writer_writes_the_bytes_whoosh_writes(tmp_path):
    docs = list(_documents(700))
    _write(tmp_path / "whoosh", lambda ix: SegmentWriter(ix), docs)
    _write(tmp_path / "ours", lambda ix: rebuild_writer(ix, procs=1), docs)

    expected = _segment_files(tmp_path / "whoosh")
    assert expected == _segment_files(tmp_path / "ours")
    assert any(name.endswith(".pst") for _, name in expected)


def test_rebuild_writer_spilling_to_disk_writes_the_same_bytes(tmp_path):
    docs = list(_documents(400))
    _write(tmp_path / "whoosh", lambda ix: SegmentWriter(ix), docs)
    # A pool of 0 MB is sorted to a run on disk after every field.
    _write(tmp_path / "ours", lambda ix: rebuild_writer(ix, procs=1, limitmb=0), docs)

    assert _segment_files(tmp_path / "whoosh") == _segment_files(tmp_path / "ours")


def _scores_by_pk(searcher, query):
    scores = scoring.Scorer(searcher).scores(query)
    return {searcher.stored_fields(d)["m_pk"]: score for d, score in scores.items()}


def test_parallel_rebuild_scores_like_one_whoosh_segment(tmp_path):
    scoring.clear_caches()
    docs = list(_documents(900))
    whoosh_ix = _write(tmp_path / "whoosh", lambda ix: SegmentWriter(ix), docs)
    ours_ix = _write(tmp_path / "ours", lambda ix: rebuild_writer(ix, procs=2), docs)
    from whoosh import query as wq

    queries = [
        wq.Or([wq.Term("s__body", "victim"), wq.Term("a__title", "shelter", boost=2.0)]),
        wq.And([wq.Term("s__body", "police"), wq.Term("m_ct", "practice")]),
        wq.Sequence([wq.Term("s__body", "labour"), wq.Term("s__body", "referral")]),
    ]
    with whoosh_ix.searcher() as expected, ours_ix.searcher() as got:
        assert len(got.leaf_searchers()) == 2
        for query in queries:
            want = _scores_by_pk(expected, query)
            have = _scores_by_pk(got, query)
            assert want and set(want) == set(have)
            for pk, score in want.items():
                assert have[pk] == pytest.approx(score, rel=1e-6)


def test_a_cancelled_parallel_rebuild_ends_its_workers(tmp_path):
    ix = index.create_in(str(tmp_path), _schema())
    writer = RebuildWriter(ix, procs=2)
    for doc in _documents(250):  # enough for both workers to start
        writer.add_document(**doc)
    tasks = list(writer.tasks)
    assert tasks and all(task.daemon for task in tasks)

    writer.cancel()

    assert not any(task.is_alive() for task in tasks)


def test_a_cancelled_rebuild_ends_workers_that_ignore_sigterm(tmp_path, monkeypatch):
    import signal

    from search.backends.whoosh import rebuild

    monkeypatch.setattr(rebuild, "CANCEL_GRACE_S", 0.5)
    ix = index.create_in(str(tmp_path), _schema())
    previous = signal.signal(signal.SIGTERM, lambda *args: None)  # inherited by the fork
    try:
        writer = RebuildWriter(ix, procs=2)
        for doc in _documents(250):
            writer.add_document(**doc)
    finally:
        signal.signal(signal.SIGTERM, previous)
    tasks = list(writer.tasks)

    writer.cancel()

    assert tasks and not any(task.is_alive() for task in tasks)


# --- Documents and filters through the backend ----------------------------------------------


def _whoosh():
    return get_search_backend("default")


@pytest.mark.django_db
def test_batch_documents_equal_documents_built_one_by_one(space, unique):
    organisation = Organisation.objects.create(name=f"Shelter network {unique('org')}")
    pages = []
    for n in range(3):
        page = publish_practice(
            space,
            summary=f"Outreach {unique('doc')} {n}.",
            forms=["forced-labour", "sexual-exploitation"],
            sectors=["police"],
        )
        page.organisations.add(organisation)
        page.tags.add("outreach", f"tag{n}")
        page.save()
        pages.append(page)
    index = _whoosh().get_index_for_model(PracticePage)
    hook = _whoosh().extras_hook
    pks = [p.pk for p in pages]
    prefetched = list(PracticePage.get_indexed_objects().filter(pk__in=pks).order_by("pk"))
    memo = {}
    batch = [build_document(index.spec, obj, hook, memo) for obj in prefetched]
    one_by_one = [
        build_document(index.spec, PracticePage.objects.get(pk=pk), hook) for pk in sorted(pks)
    ]

    assert memo, "the taxonomy terms were memoised"
    assert batch == one_by_one
    assert batch[0]["s__sectors__name_en"] == analysis.stem("police", "en")
    assert batch[0]["s__organisations__name"].startswith("shelter network")


@pytest.mark.django_db
def test_single_tier_numbers_still_filter_and_range(space, unique):
    marker = unique("tier")
    years = {2011: None, 2015: None, 2019: None}
    for year in years:
        years[year] = publish_practice(space, summary=f"Tiers {marker}.", start_year=year).pk
    spec = _whoosh().get_index_for_model(PracticePage).spec
    assert spec.fields["f__start_year"].shift_step == 0
    assert spec.fields["f__live"].shift_step == 0
    assert spec.fields["f__id"].shift_step == 16

    def found(**lookups):
        queryset = PracticePage.objects.filter(**lookups)
        return {p.pk for p in _whoosh().search(marker, queryset)}

    assert found(start_year=2015) == {years[2015]}
    assert found(start_year__in=[2011, 2019]) == {years[2011], years[2019]}
    assert found(start_year__range=(2012, 2019)) == {years[2015], years[2019]}
    assert found(start_year__gt=2011) == {years[2015], years[2019]}
    assert found(start_year__lte=2015) == {years[2011], years[2015]}
    assert found(start_year__lt=2011) == set()
    assert found(live=True) == set(years.values())
    assert found(live=False) == set()
    counts = _whoosh().search(marker, PracticePage.objects.all()).facet("start_year")
    assert dict(counts) == {2011: 1, 2015: 1, 2019: 1}


@pytest.mark.django_db
def test_view_tokens_by_path_names_every_restriction(space):
    from wagtail.models import PageViewRestriction

    first, second = (publish_practice(space, summary="Restricted.") for _ in range(2))
    groups = [Group.objects.create(name=f"Tokens {n}") for n in range(2)]
    login = PageViewRestriction.objects.create(page=first, restriction_type="login")
    by_groups = PageViewRestriction.objects.create(page=second, restriction_type="groups")
    by_groups.groups.set(groups)
    empty = PageViewRestriction.objects.create(page=second, restriction_type="groups")

    tokens = permissions.view_tokens_by_path()

    assert tokens[first.path] == {permissions.restriction_token(login)}
    assert tokens[second.path] == {
        permissions.restriction_token(by_groups),
        permissions.restriction_token(empty),
    }
    assert permissions.restriction_token(empty) == "groups:none"
