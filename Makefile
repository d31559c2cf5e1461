# Two commands for a newcomer: `make demo` and `make test`. Everything else is optional.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
DEMO_DB := out/demo.duckdb

.PHONY: install demo test test-fast eval lint bench clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,spark]'
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

# .pyc files, as a wheel install has them: under PYTHONDONTWRITEBYTECODE an editable install
# compiled every module again in every process (0.2-0.3 CPU s of each start-up). Up-to-date files
# are left alone.
install: $(STAMP)
	@$(BIN)/python -m compileall -q src >/dev/null

demo: install
	@mkdir -p out && rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/relata ingest examples --db $(DEMO_DB)
	$(BIN)/relata stats --db $(DEMO_DB)

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

eval: install
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[eval]'
	$(BIN)/python -m evaluation

lint: install
	$(BIN)/ruff check src tests evaluation

bench: install
	$(BIN)/python -m benchmarks

clean:
	rm -rf out .pytest_cache .ruff_cache
