# Alles wat je nodig hebt: `make rapport` (rapport Twente op de voorbeelddata) en `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   := voorbeelddata/overijssel-2024
RONDE2 := voorbeelddata/overijssel-2025-ronde2
UIT    ?= uitvoer

export TZ := Europe/Amsterdam
export NO_COLOR := 1
export COLUMNS := 100

.PHONY: help install rapport bereken valideer test lint docs voorbeelddata golden benchmark clean

help:
	@echo "make rapport   - installeer (eenmalig) en schrijf het regionaal plan Twente naar $(UIT)/"
	@echo "make test      - installeer (eenmalig) en draai ruff, mypy en alle tests"
	@echo "make valideer | bereken | docs | voorbeelddata | golden | benchmark | lint"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,pdf,word]'
	touch $(STAMP)

install: $(STAMP)

rapport: $(STAMP)
	$(BIN)/regioplan rapport $(DATA) --regio twente --uit $(UIT)

valideer: $(STAMP)
	$(BIN)/regioplan valideer $(DATA)

bereken: $(STAMP)
	$(BIN)/regioplan bereken $(DATA)

test: $(STAMP)
	$(BIN)/ruff check regioplan tests benchmarks
	$(BIN)/ruff format --check regioplan tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check regioplan tests benchmarks
	$(BIN)/ruff format --check regioplan tests benchmarks
	$(BIN)/mypy

docs: $(STAMP)
	$(BIN)/python -m regioplan.docs

voorbeelddata: $(STAMP)
	$(BIN)/python -m regioplan.voorbeeld $(DATA) $(RONDE2)

golden: $(STAMP)
	REGIOPLAN_GOLDEN_BIJWERKEN=1 $(BIN)/python -m pytest tests/test_rapport_golden.py tests/test_pdf_word.py -k 'golden or gouden'

benchmark: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(UIT) build dist *.egg-info
