# The one interface to the hub: every command a newcomer or CI needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Two workers: this machine (and CI's) has two cores.
PYTEST_WORKERS ?= 2

.PHONY: install messages run serve-prod test test-browser test-html test-faults soak conformance bench bench-growth lint format check clean

# Compiled translations are built from the .po files, never kept in git.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

install: $(STAMP) $(MO_FILES)

locale/%.mo: locale/%.po
	command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	msgfmt --check -o $@ $<

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# After changing a translatable string: extract, translate the new entries, then install.
messages: $(STAMP)
	$(PY) manage.py makemessages -a --add-location=file

var:
	mkdir -p var

run: install var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Serving the hub on http://$(HOST):$(PORT)/ (admin at /admin/). Ctrl-C stops it."
	$(PY) manage.py runserver $(HOST):$(PORT)

# The scale-out configuration against this machine's PostgreSQL and Redis: production
# settings, the database search backend, a django-tasks worker, gunicorn on port 8001.
serve-prod: install
	bin/serve-prod

# pytest exits 5 when it collected no test: that is a failure here, never a pass.
test: install
	$(PY) -m pytest -n $(PYTEST_WORKERS) -m "not browser and not html and not faults"; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$rc

test-browser: install
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	$(PY) -m pip install --quiet "playwright>=1.48,<2" "axe-playwright-python>=0.1.4,<1"
	$(PY) -m pytest -m browser tests/e2e; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no browser tests" >&2; exit 1; fi; exit $$rc

# The Nu Html Checker (vnu.jar, from npm) on every page type in every language, and the
# check that no English is left in the Nordic languages' pages. The checker runs on
# the machine's Java: --ignore-scripts skips the package's download of a Java of its own.
VNU_VERSION := 26.9.27
VNU_JAR := $(VENV)/vnu-$(VNU_VERSION)/node_modules/vnu-jar/build/dist/vnu.jar

$(VNU_JAR):
	command -v npm >/dev/null || (apt-get update -qq && apt-get install -y -qq npm)
	npm install --no-save --ignore-scripts --prefix $(VENV)/vnu-$(VNU_VERSION) vnu-jar@$(VNU_VERSION)

test-html: install $(VNU_JAR)
	command -v java >/dev/null || (apt-get update -qq && apt-get install -y -qq default-jre-headless)
	VNU_JAR=$(abspath $(VNU_JAR)) $(PY) -m pytest -m html; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no HTML tests" >&2; exit 1; fi; exit $$rc

# The production configuration (bin/serve-prod: PostgreSQL, Redis, the tasks worker,
# gunicorn) on a PostgreSQL cluster and a Redis of its own, on spare ports, faulted one
# fault at a time: Redis stopped and hung, the database stopped, the worker stalled and
# killed mid-task, a gunicorn worker killed (tests/faults). A few minutes.
FAULT_TOOLS := command -v redis-server >/dev/null || (apt-get update -qq && apt-get install -y -qq redis-server)
test-faults: install
	$(FAULT_TOOLS)
	$(PY) -m pytest -m faults tests/faults; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no fault tests" >&2; exit 1; fi; exit $$rc

# The same stack under 8 clients and a coordinator publishing every 4 s for SOAK_SECONDS
# (600): status counts, p50/p95 per page, publishes found, memory growth per worker.
soak: install
	$(FAULT_TOOLS)
	$(PY) -m tests.faults.soak

# modelsearch's own backend suite against the Whoosh backend, and on PostgreSQL (set
# DATABASE_URL to a postgres:// URL) against the PostgreSQL backend too; every test must
# pass. The runner and its fixture are in tests/conformance.
conformance: install
	$(PY) -m tests.conformance search.backends.whoosh
	case "$${DATABASE_URL:-}" in postgres*) $(PY) -m tests.conformance search.backends.postgres;; esac

# Search timings on a scratch PostgreSQL database of 10,000 synthetic practices (never the
# dev data), for each backend of BENCH_BACKENDS: Whoosh (embedded) and the PostgreSQL
# backend (search.backends.postgres). Each prints a line for an anonymous visitor and one
# for members (index_rate, query p50/p95, facets, timeouts, publish_visible_ms), then the
# library page for members and publish_overhead_ms. Then pages per second of the scale-out
# configuration (gunicorn, PostgreSQL, Redis) with the page cache on and off, beside a
# trivial endpoint, and each page's SQL queries. Run it on an otherwise idle machine.
BENCH_POSTGRES ?= postgres://postgres@127.0.0.1:5432/postgres
BENCH_REDIS ?= redis://127.0.0.1:6379/1
BENCH_BACKENDS ?= whoosh,postgres
BENCH_SIZES ?= 1000 10000 100000
bench: install
	DJANGO_SETTINGS_MODULE=hub.settings.dev $(PY) manage.py bench_search --docs 10000 --backends $(BENCH_BACKENDS) --postgres $(BENCH_POSTGRES)
	DJANGO_SETTINGS_MODULE=hub.settings.dev $(PY) manage.py bench_http --postgres $(BENCH_POSTGRES) --redis $(BENCH_REDIS)

# The same search timings at each size of BENCH_SIZES (1,000, 10,000 and 100,000
# practices), one scratch database each: how the figures grow. 100,000 takes an hour or more.
bench-growth: install
	for docs in $(BENCH_SIZES); do \
		DJANGO_SETTINGS_MODULE=hub.settings.dev $(PY) manage.py bench_search --docs $$docs \
			--backends $(BENCH_BACKENDS) --postgres $(BENCH_POSTGRES) || exit 1; \
	done

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install var
	DJANGO_SETTINGS_MODULE=hub.settings.dev $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=hub.settings.dev $(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var
