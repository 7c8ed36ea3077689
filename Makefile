# Two commands matter: `make run` and `make test`. Both build .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.app-installed
TEST_STAMP := $(VENV)/.test-installed
PYTEST_ARGS ?=

.PHONY: run test lint bench screenshots clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Hushnote needs Python 3.11 or newer as '$(PYTHON)'."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || \
		{ rm -rf $(VENV); echo "Cannot create a virtual environment: on Debian run 'sudo apt-get install python3-venv'."; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(APP_STAMP)

## Start the desktop app on the default vault (pass ARGS="--vault DIR" for another).
run: $(APP_STAMP)
	$(BIN)/hushnote $(ARGS)

## Run the whole test suite offscreen.
test: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

## ruff over everything, mypy (strict on the core, errors and CLI).
lint: $(TEST_STAMP)
	$(BIN)/ruff check desktop tests bench
	$(BIN)/mypy

## Full benchmarks (slow); the test suite runs their quick mode.
bench: $(TEST_STAMP)
	$(BIN)/python -m bench

## Refresh docs/screenshots from the real app on Xvfb.
screenshots: $(TEST_STAMP)
	PYTHONPATH=tests $(BIN)/python tests/gui/test_screenshots.py docs/screenshots

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
