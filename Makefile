# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper of those.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

LINT := lint-ruff lint-format lint-django lint-migrations lint-catalogue

.PHONY: run test setup lint $(LINT) messages chromium bench backup restore clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Re-install only when a requirements file changes.
$(VENV)/.installed-runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed-runtime

setup: $(VENV)/.installed-runtime
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_admin

## make run: set up (venv, install, migrate, demo content, admin account) and serve on SQLite.
## make run HOST=… PORT=…: serve elsewhere; links in emails follow (WAGTAILADMIN_BASE_URL, unless set).
run: setup
	@echo "Site: http://$(HOST):$(PORT)/   Admin: http://$(HOST):$(PORT)/admin/"
	WAGTAILADMIN_BASE_URL="$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)}" $(BIN)/python manage.py runserver $(HOST):$(PORT)

## make test: install the test tools and run the whole suite (DATABASE_URL selects PostgreSQL), in
## TEST_WORKERS processes (pytest-xdist; default: one per CPU), each file in one of them so that a module's
## servers start once. Each worker has its own test database, Redis database and media folder.
TEST_WORKERS ?= auto
test: $(VENV)/.installed-dev messages chromium
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

# The browser tests drive Debian's Chromium (Playwright's own download does not work here). Installed when
# missing and apt-get is usable; otherwise those tests are skipped and say why.
chromium:
	@if [ ! -x "$${CHROMIUM_PATH:-/usr/bin/chromium}" ] && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi

## make messages: compile the interface translations (needs GNU gettext's msgfmt).
messages: | $(BIN)/python
	@if command -v msgfmt >/dev/null; then $(BIN)/python manage.py compilemessages --ignore=$(VENV) -v0; \
	else echo "msgfmt not found (apt-get install gettext): using the committed .mo files"; fi

## make lint: what CI checks besides the tests. The pre-commit hooks (.pre-commit-config.yaml) run these
## same targets, one hook each, so the list lives here only.
lint: $(LINT)

lint-ruff: $(VENV)/.installed-dev
	$(BIN)/ruff check .

lint-format: $(VENV)/.installed-dev
	$(BIN)/ruff format --check .

lint-django: $(VENV)/.installed-dev
	DJANGO_SETTINGS_MODULE=allsite.settings.test $(BIN)/python manage.py check

lint-migrations: $(VENV)/.installed-dev
	DJANGO_SETTINGS_MODULE=allsite.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# Needs GNU gettext's xgettext; without it the check is skipped and says so, except in CI (CI=true).
lint-catalogue: $(VENV)/.installed-dev
	@if command -v xgettext >/dev/null || [ "$$CI" = true ]; then \
		DJANGO_SETTINGS_MODULE=allsite.settings.test $(BIN)/python manage.py check_catalogue; \
	else echo "xgettext not found (apt-get install gettext): the Spanish catalogue is not checked"; fi

## make bench: load test under gunicorn + PostgreSQL + Redis (needs wrk; not part of make test). bench/run.py
bench: $(VENV)/.installed-dev
	$(BIN)/python bench/run.py

## make backup: the database and media in one archive under backups/ (pg_dump on PostgreSQL).
backup: | $(BIN)/python
	$(BIN)/python manage.py backup

## make restore FILE=backups/allsite-….tar.gz: replace the database and media with the archive's.
restore: | $(BIN)/python
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/allsite-YYYYmmdd-HHMMSS.tar.gz"; exit 2; }
	$(BIN)/python manage.py restore "$(FILE)"

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles tmp-test-media
