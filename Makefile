# Two commands set everything up (see README):  make run   and   make test
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: run test lint install clean newsroom

$(BIN)/quotable: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# the CPU build of torch first: an unpinned torch would pull a multi-GB CUDA build
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(BIN)/quotable

install: $(BIN)/quotable

run: $(BIN)/quotable                   ## attribute the two seed articles
	$(BIN)/quotable --format text seeds/*.txt

lint: $(BIN)/quotable
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint                             ## lint, type-check and run the tests
	$(BIN)/pytest

newsroom: $(BIN)/quotable              ## build the newsroom gold and score quotable on it
	$(BIN)/python scripts/build_newsroom_gold.py
	$(BIN)/quotable evaluate --gold benchmarks/data/newsroom.gold.jsonl

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache .hypothesis
