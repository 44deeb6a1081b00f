# Evidence Claims KB: the two commands of the README, and a few more.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/evidence_claims
HOST ?= 127.0.0.1:8000

.PHONY: run worker setup test test-sqlite test-postgres lint bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependency list changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

setup: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py create_demo_users

## make run: set everything up and serve the app with the demo corpus on SQLite, with a
## background-task worker (long articles' suggestions) that stops with the server.
run: setup
	@echo "Serving on http://$(HOST)/ with a task worker (Ctrl-C stops both)"
	@$(BIN)/python manage.py db_worker --interval 1 & worker=$$!; \
		trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver $(HOST)

## make worker: only the background-task worker (e.g. beside another server process).
worker: $(VENV)/.installed
	$(BIN)/python manage.py db_worker

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	DEBUG=0 SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-enough-string-for-the-check ALLOWED_HOSTS=example.org \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

test-sqlite: $(VENV)/.installed
	env -u DATABASE_URL $(BIN)/python -m pytest -q -n auto

test-postgres: $(VENV)/.installed
	DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest -q -n auto

## make test: lint, then the whole suite (browser tests included) on SQLite and on PostgreSQL.
test: lint test-sqlite test-postgres

## make bench: benchmarks that print figures (not part of the test suite).
bench: $(VENV)/.installed
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done
