# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper of those.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup lint check messages clean

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
run: setup
	@echo "Site: http://$(HOST):$(PORT)/   Admin: http://$(HOST):$(PORT)/admin/"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## make test: install the test tools and run the whole suite (DATABASE_URL selects PostgreSQL).
test: $(VENV)/.installed-dev messages
	$(BIN)/pytest

## make messages: compile the interface translations (needs GNU gettext's msgfmt).
messages: | $(BIN)/python
	@if command -v msgfmt >/dev/null; then $(BIN)/python manage.py compilemessages --ignore=$(VENV) -v0; \
	else echo "msgfmt not found (apt-get install gettext): using the committed .mo files"; fi

## make lint: what CI checks besides the tests.
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=allsite.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=allsite.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles tmp-test-media
