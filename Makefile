# One-command set-up: every target creates .venv and installs the project when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev
DEMO   := data/raw/2024/656532/lkj_2024_kpu_kab_ogan_komering_ilir.txt

.PHONY: install demo demo-batch test test-fast lab docs lint clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/lkj-audit run $(DEMO) --satker 656532 --year 2024 --out reports
	@echo "Audit HTML: reports/2024/656532/audit.html"

demo-batch: $(STAMP)
	$(BIN)/lkj-audit synth 24 --out reports/synth
	$(BIN)/lkj-audit batch reports/synth/manifest.csv --out reports/batch
	@echo "Index: reports/batch/2024/index.html"

test: $(STAMP)
	$(BIN)/python -m pytest --durations=15

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not notebook and not browser and not dask and not slow and not process"

lab: $(STAMP)
	$(BIN)/python -m pip install -q -e ".[lab]"
	$(BIN)/jupyter lab notebooks/

docs: $(STAMP)
	$(BIN)/python -c "import sys; from lkj_audit.rules import catalogue; sys.stdout.write(catalogue.as_markdown())" > docs/rules.md

lint: $(STAMP)
	$(BIN)/ruff check lkj_audit tests
	$(BIN)/nbstripout --verify notebooks/*.ipynb

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
