"""Demo content, the seeding that builds it (``manage.py seed_demo``) and the benchmarks
(``manage.py bench_search``, ``manage.py bench_http``).

The top layer of the hub: it may import every app; no production app imports it.
"""
