"""The garbage collector of a production worker (core.runtime)."""

import gc

import pytest

from core.runtime import GC_THRESHOLDS, tune_gc


@pytest.fixture
def restore_gc():
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def test_tune_gc_freezes_what_is_loaded_and_raises_the_young_threshold(restore_gc):
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    tune_gc()
    # Everything loaded (Django, Wagtail, the hub) is out of the collector's walks.
    assert gc.get_freeze_count() > 10_000
    assert gc.get_threshold() == GC_THRESHOLDS
    assert GC_THRESHOLDS[0] > 700  # CPython's default: a young collection every 700


def test_gunicorn_tunes_the_master_before_it_forks(restore_gc):
    from pathlib import Path

    from django.conf import settings

    namespace = {}
    source = Path(settings.BASE_DIR, "hub", "gunicorn.conf.py").read_text()
    exec(compile(source, "gunicorn.conf.py", "exec"), namespace)  # noqa: S102 - our config
    assert namespace["preload_app"] is True
    gc.unfreeze()
    namespace["when_ready"](server=None)
    assert gc.get_threshold() == GC_THRESHOLDS
    assert gc.get_freeze_count() > 0
