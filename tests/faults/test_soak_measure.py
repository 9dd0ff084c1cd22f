"""How the soak measures a worker's memory (tests/faults/soak.py): the warm-up's end and
the growth it judges. Synthetic samples, no stack."""

from tests.faults.soak import GROWTH_LIMIT_MB, _growth, settled_at


def _samples(values_by_worker, per_sample=250):
    """Samples every 30 s: (requests so far, {role: (pid, MB)}), two web workers sharing
    ``per_sample`` requests between two samples."""
    count = len(next(iter(values_by_worker.values())))
    return [
        (
            index * per_sample,
            {
                f"web worker {n + 1}": (100 + n, values[index])
                for n, values in enumerate(values_by_worker.values())
            },
        )
        for index in range(count)
    ]


def test_the_warm_up_ends_when_memory_has_settled_and_a_plateau_passes():
    tail = [150.0, 150.4, 150.8, 151.2, 151.4]  # the warm-up's tail
    plateau = [151.5, 151.3, 151.6, 151.4, 151.5, 151.3, 151.6, 151.4, 151.5, 151.4, 151.5, 151.4]
    samples = _samples({"a": tail + plateau, "b": [v - 1 for v in tail + plateau]})
    start = settled_at(samples)
    assert 3 <= start <= 6  # after the tail, not at the first sample
    assert _growth(samples[start:], samples[-1][0] - samples[start][0]) == []


def test_a_worker_leaking_at_the_target_s_rate_is_caught_after_it_settles():
    # 0.065 MB per sample of 125 requests each: 5.2 MB per 10,000 of its requests, slow
    # enough to pass for settled (0.195 MB between two spans of three samples).
    leaking = [150 + 0.065 * i for i in range(17)]
    flat = [150.0 + (0.2 if i % 2 else 0) for i in range(17)]
    samples = _samples({"a": leaking, "b": flat})
    start = settled_at(samples)
    assert start == 3
    failures = _growth(samples[start:], samples[-1][0] - samples[start][0])
    assert failures == ["web worker 1 grows 5.2 MB per 10,000 requests"]
    assert GROWTH_LIMIT_MB < 5.2


def test_a_worker_leaking_fast_never_settles_and_the_second_half_judges_it():
    fast = [150 + 0.5 * i for i in range(17)]
    samples = _samples({"a": fast, "b": [150.0] * 17})
    assert settled_at(samples) == len(samples) // 2
    start = settled_at(samples)
    assert _growth(samples[start:], samples[-1][0] - samples[start][0])
