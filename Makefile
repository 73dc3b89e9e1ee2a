# Every target sets up its own virtual environment from pyproject.toml.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
SEED := seeds/telegraph-peacekeepers-de.txt
SHARED ?= ../shared

.PHONY: demo test eval bench lint wheel-check clean bytecode fuzz

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,browse,bulk]'
	rm -f $(VENV)/.installed-* && touch $@

# Where PYTHONDONTWRITEBYTECODE is set (as on our CI machines) Python compiles every
# module from source at every start and never keeps the result: about 0.3 s of each
# `auditor` run, and of each bulk worker server. Compiled here once; an edited module
# is compiled afresh in memory until this runs again, so a stale file costs time, never
# correctness.
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q auditor

demo: bytecode  ## audit the seed article and store it in demo.db
	$(BIN)/auditor audit $(SEED) --db demo.db

test: bytecode  ## run the test suite
	$(BIN)/python -m pytest

# FUZZ_EXAMPLES per grammar (20,000 unless set); failures are kept in .hypothesis/ and replayed first
fuzz: bytecode  ## long property-based run of the analyser over text built from the lexicons
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py -s -p no:cacheprovider

eval: bytecode  ## accuracy on the dev corpora in ../shared/eval
	$(BIN)/auditor eval $(SHARED)/eval/de-wikinews/dev.jsonl --pronouns tests/data/pronoun_gold/de-wikinews-dev.jsonl
	$(BIN)/auditor eval $(SHARED)/eval/en-polnear/dev.jsonl --pronouns tests/data/pronoun_gold/en-polnear-dev.a.jsonl \
		--pronouns tests/data/pronoun_gold/en-polnear-dev.b.jsonl
	$(BIN)/auditor eval $(SHARED)/eval/en-wikiweasel/train.csv
	$(BIN)/auditor eval $(SHARED)/eval/realnews-dev/de.jsonl --pages $(SHARED)/eval/realnews-dev/pages
	$(BIN)/auditor eval $(SHARED)/eval/realnews-dev/en.jsonl --pages $(SHARED)/eval/realnews-dev/pages

bench: bytecode  ## speed and memory benchmarks (BULK_BENCH=--quick, MEMORY_BENCH=--quick for shorter runs)
	$(BIN)/python bench/audit_seed.py
	$(BIN)/python bench/bulk.py $(BULK_BENCH)
	$(BIN)/python bench/hostile.py
	$(BIN)/python bench/memory.py $(MEMORY_BENCH)

lint: $(STAMP)
	$(BIN)/python -m ruff check auditor tests bench

wheel-check: $(STAMP)  ## a non-editable install works from another directory
	bash .ci/wheel-check

clean:
	rm -rf $(VENV) build dist *.egg-info demo.db demo.db-*
