# Werkplaats: `make run` sets everything up and serves the demo; `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed

export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: run test install migrate demo serve lint check messages worker bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# The demo records e-mails in an outbox in the database; a worker started next to the server sends
# them (to the console, unless EMAIL_BACKEND says otherwise), and a sweep retries failed ones and
# releases tasks of a worker that died. Both stop with the server.
run: export DEBUG ?= true
run: export TASKS_BACKEND ?= django_tasks_db.DatabaseBackend
# Links in e-mails and printed hints follow the address the server listens on (make run PORT=8301).
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Serving Werkplaats on http://$(HOST):$(PORT)/ (stop with Ctrl-C)"
	$(BIN)/python manage.py db_worker --no-reload --interval 2 --verbosity 0 & worker=$$!; \
	$(BIN)/python manage.py deliver_notifications --loop --interval 10 --verbosity 0 & sweep=$$!; \
	trap 'kill $$worker $$sweep 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .

check: export SECRET_KEY ?= werkplaats-check-only
check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: install
	DEBUG=true $(BIN)/python manage.py makemessages -l nl -l en --ignore '$(VENV)/*' --ignore 'bench/*'
	DEBUG=true $(BIN)/python manage.py compilemessages --ignore '$(VENV)'

worker: export DEBUG ?= true
worker: export TASKS_BACKEND ?= django_tasks_db.DatabaseBackend
worker: install
	$(BIN)/python manage.py deliver_notifications --loop --verbosity 0 & sweep=$$!; \
	trap 'kill $$sweep 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py db_worker

bench: install
	$(BIN)/python bench/matching.py --quick
	DEBUG=true $(BIN)/python -m bench.cockpit --quick

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
