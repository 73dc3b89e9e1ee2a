# Every target sets up its own virtual environment from pyproject.toml.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
SEED := seeds/telegraph-peacekeepers-de.txt
SHARED ?= ../shared

.PHONY: demo test eval bench lint wheel-check clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,browse,bulk]'
	rm -f $(VENV)/.installed-* && touch $@

demo: $(STAMP)  ## audit the seed article and store it in demo.db
	$(BIN)/auditor audit $(SEED) --db demo.db

test: $(STAMP)  ## run the test suite
	$(BIN)/python -m pytest

eval: $(STAMP)  ## accuracy on the dev corpora in ../shared/eval
	$(BIN)/auditor eval $(SHARED)/eval/de-wikinews/dev.jsonl
	$(BIN)/auditor eval $(SHARED)/eval/en-polnear/dev.jsonl
	$(BIN)/auditor eval $(SHARED)/eval/en-wikiweasel/train.csv

bench: $(STAMP)  ## speed benchmarks (BULK_BENCH=--quick for a shorter bulk run)
	$(BIN)/python bench/audit_seed.py
	$(BIN)/python bench/bulk.py $(BULK_BENCH)
	$(BIN)/python bench/hostile.py

lint: $(STAMP)
	$(BIN)/python -m ruff check auditor tests bench

wheel-check: $(STAMP)  ## a non-editable install works from another directory
	bash .ci/wheel-check

clean:
	rm -rf $(VENV) build dist *.egg-info demo.db demo.db-*
