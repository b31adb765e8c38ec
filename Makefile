# The README's commands. `make run` and `make test` install everything first, into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint bench clean

setup: $(STAMP)

# Reinstalled whenever pyproject.toml changes. torch is pinned to the CPU build in pyproject.toml.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: setup
	$(BIN)/briefbot run

test: setup
	$(BIN)/ruff check bot index tests bench
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/ask.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/load.py --max-rate 30 --think 3
	$(BIN)/python bench/digest.py
	$(BIN)/python bench/feeds.py

clean:
	rm -rf $(VENV) .pytest_cache
