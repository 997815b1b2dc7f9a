# One-command set-up: every target creates .venv and installs the project when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev
DEMO   := data/raw/2024/656532/lkj_2024_kpu_kab_ogan_komering_ilir.txt

.PHONY: install demo demo-batch test test-fast test-corpus test-wheel lab docs lint clean

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

# Tests run in TEST_WORKERS processes (pytest-xdist; auto = one per core): many tests wait on
# a kernel, a browser, a timeout or a child process. On 2 shared cores: 8:17 -> 6:28 wall.
# Every test uses its own tmp folders, free ports and browser profiles.
TEST_WORKERS ?= auto

test: $(STAMP)
	$(BIN)/python -m pytest -m "not corpus and not wheel" -n $(TEST_WORKERS) --dist worksteal --durations=15

# The installed wheel in a fresh virtualenv, run from another folder (CI runs it after make test).
test-wheel: $(STAMP)
	$(BIN)/python -m pytest tests/test_wheel.py -m wheel -q

# The whole layout corpus (issue 7.6): 184 renders beyond the fast subset, about 10 minutes.
test-corpus: $(STAMP)
	$(BIN)/python -m pytest tests/corpus/test_layouts.py -m corpus -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not notebook and not browser and not dask and not slow and not corpus and not wheel and not process"

LAB_PORT ?= 8888
# Containers and CI machines often run as root, which jupyter refuses without this flag.
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(STAMP)
	@echo "JupyterLab: http://localhost:$(LAB_PORT)/lab (alamat lengkap dengan ?token=... dicetak jupyter di bawah)"
	@echo "Buka audit_lkj.ipynb (satu laporan) atau batch_index.ipynb (ringkasan batch), lalu Run > Run All Cells."
	@echo "Laporan sendiri: ubah parameter source/satker/year di sel 'parameters' (lihat sel Petunjuk)."
	$(BIN)/jupyter lab notebooks/ --ServerApp.port=$(LAB_PORT) $(LAB_ROOT)

docs: $(STAMP)
	$(BIN)/python -c "import sys; from lkj_audit.rules import catalogue; sys.stdout.write(catalogue.as_markdown())" > docs/rules.md

lint: $(STAMP)
	$(BIN)/ruff check lkj_audit tests
	$(BIN)/nbstripout --keep-id --verify notebooks/*.ipynb

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
