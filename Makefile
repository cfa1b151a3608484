# Two commands do all set-up on a fresh machine:  make run  and  make test  (see README).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
FLASK  := $(BIN)/flask --app wsgi
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: run worker test bench install install-test frontend translations messages lint clean

# `make run` serves with gunicorn: no debugger, no tracebacks. Flask's debugger runs code typed into a 500 page,
# so it is only started when asked for (DEBUG=1) and never on an address other than the loopback.
DEBUG ?=
WORKERS ?= 2

run: install ## Serve http://127.0.0.1:5000 with the demo data and the background worker (DEBUG=1: Flask's debugger, loopback only)
	$(FLASK) db upgrade
	$(FLASK) load-demo --if-empty
ifneq ($(DEBUG),)
	@case "$(HOST)" in 127.*|localhost|::1) ;; *) echo "DEBUG=1 serves the debugger: only on 127.0.0.1, not $(HOST)" >&2; exit 2;; esac
	$(FLASK) worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(FLASK) run --debug --host $(HOST) --port $(PORT)
else
	$(FLASK) worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  FLASK_SESSION_COOKIE_SECURE=$(if $(filter 127.% localhost,$(HOST)),false,true) \
	  $(BIN)/gunicorn --workers $(WORKERS) --bind $(HOST):$(PORT) --access-logfile - wsgi:app
endif

worker: install ## Only the background worker (certificate zips), e.g. beside another server
	$(FLASK) worker

# The suite runs in parallel, a worker per core (pytest-xdist), each test file whole in one worker: module fixtures
# are built once and a file's tests keep their order. TEST_WORKERS=0 runs it in this process.
TEST_WORKERS ?= auto
PARALLEL     := -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

test: install-test ## Run the whole suite on SQLite, and again on PostgreSQL when TEST_DATABASE_URL is set
	env -u TEST_DATABASE_URL $(BIN)/python -m pytest $(PARALLEL) $(PYTEST_ARGS)
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
	  echo "== again on PostgreSQL ($$TEST_DATABASE_URL)"; \
	  $(BIN)/python -m pytest $(PARALLEL) $(PYTEST_ARGS); \
	fi

# BENCH_POSTGRES_URL (a database whose name contains "bench"): the region dashboard is also timed on PostgreSQL,
# against SQLite's, in the same run (issue 13's PostgreSQL row).
BENCH_POSTGRES_URL ?=

bench: install ## Time the main pages on the national-scale data set (generated once into bench-results/)
	$(BIN)/python bench/bench.py $(if $(BENCH_POSTGRES_URL),--compare-postgres $(BENCH_POSTGRES_URL)) $(BENCH_ARGS)

install: $(VENV)/.installed frontend translations
install-test: $(VENV)/.installed-test frontend translations

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

frontend: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

translations: ## Compile the Kazakh and Russian catalogues
	$(BIN)/pybabel compile -d webapp/translations

messages: ## Extract UI strings and merge them into the catalogues (then translate the new ones)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o webapp/translations/messages.pot .
	$(BIN)/pybabel update -i webapp/translations/messages.pot -d webapp/translations --no-fuzzy-matching

lint:
	$(BIN)/ruff check webapp tests bench wsgi.py

clean:
	rm -rf $(VENV) node_modules
