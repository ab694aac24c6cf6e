# The one task runner. `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MODEL := models/gemma-3-270m-q4_k_m.gguf
SAMPLE := samples/bibliotheque-nocturne.md

.PHONY: install run test lint bench crosscheck evaluate clean

install: $(STAMP) $(MODEL)

# llama-cpp-python builds from source the first time (~9 min on 2 cores); pip caches the wheel.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(MODEL): $(STAMP)
	$(PY) -m rewriter.models

# The main job on the default model: the sample article rewritten into out/ (1 = written,
# but a hard check still fails: the summary says which; still a good run).
run: install
	mkdir -p out
	$(VENV)/bin/rewriter rewrite $(SAMPLE) -o out/bibliotheque-nocturne.md --force \
		|| test $$? -eq 1
	$(VENV)/bin/rewriter check out/bibliotheque-nocturne.md || test $$? -eq 1

test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check rewriter tests scripts
	$(VENV)/bin/mypy

bench: install
	$(PY) scripts/bench_check.py
	$(PY) scripts/bench_rewrite.py

crosscheck: install
	$(PY) scripts/crosscheck_yoast.py

evaluate: install
	$(PY) scripts/evaluate.py --json scripts/results/evaluate.json

clean:
	rm -rf $(VENV) $(MODEL) .pytest_cache .mypy_cache .ruff_cache
