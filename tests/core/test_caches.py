"""The registry of cached things (core/caches.py): each registered once, each ended by the
events it names and by no other, every one ended by ``end_all``."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Locale, Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import caches, generations
from core.indexing import index_updates
from tests.home.factories import text_document

pytestmark = pytest.mark.django_db

REGISTERED = caches.registered()
# Everything the hub caches, registered at start by the modules that keep it.
EXPECTED = {
    "page-cache",
    "page-tree",
    "fragments",
    "locale-codes",
    "view-tokens",
    "restrictions",
    "restriction-rows",
    "site-settings",
    "library-labels",
    "library-url",
    "library-counts",
    "facet-labels",
    "page-facets",
    "vocabulary",
    "sites",
    "promotions",
    "document-links",
    "live-types",
    "snippet-text",
    "thesaurus",
}


def _some(label):
    """A stored object of the model ``label`` (specific, for pages), or an unsaved one."""
    model = apps.get_model(label)
    if issubclass(model, Page):
        found = model.objects.filter(depth__gt=2).order_by("path").first()
        return found.specific if found is not None else model()
    return model.objects.order_by("pk").first() or model()


def _signal_delete(instance):
    """Say ``instance`` was deleted, without the search index hearing it: the row stays,
    and an index entry removed here would be missing for the worker's later tests."""
    with index_updates(False, signals=False):
        post_delete.send(type(instance), instance=instance, using="default", origin=instance)


def _fire(event):
    """Make ``event`` happen: a real save where an object exists, else the signal."""
    if event.kind == "content":
        _some("countries.country").save()
    elif event.kind == "saved":
        instance = _some(event.label)
        if instance.pk is not None:
            instance.save()
        else:
            post_save.send(
                type(instance), instance=instance, created=True, raw=False, using="default"
            )
    elif event.kind == "deleted":
        instance = _some(event.label)
        _signal_delete(instance)
    elif event.kind == "relation":
        model = apps.get_model(event.label)
        field = model._meta.get_field(event.field)
        m2m_changed.send(
            field.remote_field.through,
            instance=_some(event.label),
            action="post_add",
            reverse=False,
            model=field.related_model,
            pk_set=set(),
            using="default",
        )
    else:
        page = _some("wagtailcore.page")
        signal = {
            "published": page_published,
            "unpublished": page_unpublished,
            "moved": post_page_move,
        }[event.kind]
        signal.send(
            type(page),
            instance=page,
            revision=None,
            parent_page_before=page.get_parent(),
            parent_page_after=page.get_parent(),
            url_path_before=page.url_path,
            url_path_after=page.url_path,
        )


def _cases():
    for cache in REGISTERED.values():
        if cache.per_object:
            continue  # ended object by object: see below
        for event in sorted(cache.events, key=str):
            yield pytest.param(cache, event, id=f"{cache.name}: {event}")


def test_every_cached_thing_is_registered_at_start():
    assert set(REGISTERED) == EXPECTED


def test_a_name_is_registered_once(monkeypatch):
    monkeypatch.setattr(caches, "_registry", dict(caches._registry))
    with pytest.raises(ValueError, match="registered already"):
        caches.register("facet-labels", ends_on=("countries.country",))
    caches.register("test-once", ends_on=("countries.country",))
    with pytest.raises(ValueError, match="registered already"):
        caches.register("test-once", ends_on=("wagtailcore.site",))


def test_a_cache_must_name_what_ends_it(monkeypatch):
    monkeypatch.setattr(caches, "_registry", dict(caches._registry))
    with pytest.raises(ValueError):
        caches.register("test-never", ends_on=())
    with pytest.raises(ValueError):
        caches.register("test-bad", ends_on=("country",))


def test_every_model_and_field_named_exists(monkeypatch):
    assert caches.check_events() == []
    monkeypatch.setattr(caches, "_registry", dict(caches._registry))
    caches.register("test-typo", ends_on=("countries.contry", "auth.group.members"))
    assert sorted(error.id for error in caches.check_events()) == ["core.E101", "core.E102"]


@pytest.mark.parametrize(("cache", "event"), list(_cases()))
def test_each_cache_is_ended_by_each_of_its_events(cache, event):
    before = cache.generation()
    _fire(event)
    assert cache.generation() != before


@pytest.mark.parametrize("cache", list(REGISTERED.values()), ids=list(REGISTERED))
def test_no_cache_is_ended_by_a_sign_in(cache, users):
    before = cache.generation()
    user = users["fi-coordinator"]
    user.save()  # as a sign-in does (last_login)
    assert cache.generation() == before


UNRELATED_CANDIDATES = ("countries.country", "home.hubsettings", "wagtailcore.locale")


def _narrow_caches():
    for cache in REGISTERED.values():
        if caches.CONTENT in cache.events:
            continue  # any content ends it
        other = next(
            label
            for label in UNRELATED_CANDIDATES
            if not caches._labels_of(apps.get_model(label)) & set(cache.labels)
        )
        yield pytest.param(cache, other, id=f"{cache.name}: {other}")


@pytest.mark.parametrize(("cache", "label"), list(_narrow_caches()))
def test_a_cache_is_not_ended_by_the_save_of_a_model_it_does_not_name(cache, label):
    before = cache.generation()
    _fire(caches.Event("saved", label))
    assert cache.generation() == before


def test_end_all_ends_every_cache():
    before = {name: cache.generation() for name, cache in REGISTERED.items()}
    caches.end_all()
    assert all(REGISTERED[name].generation() != gen for name, gen in before.items())


def test_ending_moves_the_generation_now_and_again_on_commit(
    django_capture_on_commit_callbacks,
):
    labels = caches.named("facet-labels")
    first = labels.generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        labels.end()
        second = labels.generation()
        assert second != first
    assert len(callbacks) == 1
    assert labels.generation() not in (first, second)


def test_values_live_until_the_cache_ends():
    sites = caches.named("sites")
    sites.set("/home/", "test-host")
    assert sites.get("test-host") == "/home/"
    assert sites.get_or_set(lambda: "/other/", "test-host") == "/home/"
    _some("wagtailcore.site").save()
    assert sites.get("test-host") is None
    assert sites.get_or_set(lambda: "/other/", "test-host") == "/other/"


def test_a_local_cache_is_kept_in_the_process_and_ended_by_its_events():
    codes = caches.named("locale-codes")
    table = {"test": "xx"}
    codes.set(table)
    assert codes.get() is table  # no copy: kept here, not in the shared cache
    Locale.objects.first().save()
    assert codes.get() is None


@pytest.fixture
def two_documents(db):
    """Two stored documents, for the caches kept document by document."""
    return [
        text_document(f"Cached document {n}", "Finland", f"cached-{n}.txt", f"Text {n}.")
        for n in (1, 2)
    ]


@pytest.mark.parametrize(
    ("cache", "label"),
    [
        pytest.param(cache, label, id=f"{cache.name}: {label}")
        for cache in REGISTERED.values()
        if cache.per_object
        for label in cache.labels
    ],
)
def test_a_per_object_cache_ends_only_the_saved_object_s_entry(cache, label, two_documents):
    model = apps.get_model(label)
    if issubclass(model, Page):
        one, other = (p.specific for p in Page.objects.filter(depth__gt=2).order_by("path")[:2])
    else:
        one, other = model.objects.order_by("pk")[:2]
    for obj in (one, other):
        cache.write(cache.key(*cache.object_parts(obj)), f"text of {obj.pk}")
    generation = cache.generation()
    one.save()
    assert cache.read(cache.key(*cache.object_parts(one))) is None
    assert cache.read(cache.key(*cache.object_parts(other))) == f"text of {other.pk}"
    _signal_delete(other)
    assert cache.read(cache.key(*cache.object_parts(other))) is None
    assert cache.generation() == generation


def test_the_old_generation_functions_still_work():
    """countries.permissions keys by generations.current(name) until it adopts the
    registered caches: the registry ends the same generations."""
    before = generations.current("view-tokens")
    _fire(caches.Event("saved", "wagtailcore.pageviewrestriction"))
    assert generations.current("view-tokens") != before
    assert caches.named("view-tokens").generation() == generations.current("view-tokens")
    generations.bump("page-cache")
    assert caches.named("page-cache").generation() == generations.current("page-cache")


def test_a_user_model_label_is_read_from_settings():
    label = get_user_model()._meta.label_lower
    assert f"{label}.groups" in caches.RIGHTS


def test_an_edited_template_ends_every_cache_under_the_reloader(settings):
    """``make run``: runserver's reloader does not restart for a template, so the pages
    and fragments cached from the old one end when it is edited; Python code restarts the
    server and needs nothing."""
    from pathlib import Path

    from django.utils import autoreload

    template = Path(settings.BASE_DIR) / "practices/templates/practices/organisations.html"
    before = {cache.name: cache.generation() for cache in caches.registered().values()}
    autoreload.file_changed.send(sender=None, file_path=Path(settings.BASE_DIR) / "core/caches.py")
    assert {c.name: c.generation() for c in caches.registered().values()} == before
    results = autoreload.file_changed.send(sender=None, file_path=template)
    after = {cache.name: cache.generation() for cache in caches.registered().values()}
    assert all(after[name] != before[name] for name in before)
    assert not any(result for _receiver, result in results if _receiver is caches._file_changed)
