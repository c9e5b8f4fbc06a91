# Two commands do all of the setup on a fresh Debian/Ubuntu machine:
#   make serve   - preview the site at http://127.0.0.1:8000/relu-docs/
#   make test    - lint, type check, run every snippet, compare with the frozen outputs, build, browser tests
# While editing: make test-fast (no re-runs, no kernels, no builds, no browser; about a minute).
# `make help` lists every target.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONUTF8 := 1

.PHONY: help setup system system-browser snippets check accept notebooks build build-zensical serve serve-en lint typecheck test test-fast stress bench audit clean
.DEFAULT_GOAL := help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 22

setup: $(VENV)/.installed node_modules/.installed system  ## the Python environment, the npm tools and the system fonts

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system:
	@scripts/ensure_system_packages.sh

system-browser:
	@scripts/ensure_system_packages.sh --browser

snippets: setup  ## run the snippets whose inputs changed and freeze their outputs
	$(BIN)/snippet-runner run

check: setup  ## fail if any frozen output is stale
	$(BIN)/snippet-runner check

accept: setup  ## re-run and accept new numbers: make accept SNIPPET=activation/relu/verify.py
	$(BIN)/snippet-runner accept $(SNIPPET)

# Generated notebooks (docs/notebooks/, docs-en/notebooks/): written here, committed like outputs/. In CI (CI=true)
# nothing is written and a stale notebook fails the build.
notebooks: setup  ## regenerate docs/notebooks/ and docs-en/notebooks/ from the pages (only files that changed)
	$(BIN)/snippet-notebooks $(if $(CI),--check)

# Two editions from the same runs: Korean (mkdocs.yml) at the root, English (mkdocs.en.yml) in en/,
# built second (the Korean build cleans its site directory). Each build runs any stale snippet first and, through
# the plugin, brings its edition's notebooks up to date.
build: setup  ## build site/ and site/en/ (runs stale snippets and brings the notebooks up to date first)
	$(BIN)/mkdocs build --strict
	SITE_DIR_EN=$${SITE_DIR:-site}/en $(BIN)/mkdocs build --strict --config-file mkdocs.en.yml

# The same sources and configs with Zensical, into site-zensical/. Zensical runs the Markdown
# extensions but no MkDocs plugin: the snippets and editions are checked first, the figures and KaTeX copied after.
build-zensical: setup notebooks  ## build site-zensical/ and site-zensical/en/ with Zensical
	$(BIN)/snippet-runner check
	$(BIN)/snippet-site editions
	SITE_DIR=site-zensical $(BIN)/zensical build --clean --strict
	SITE_DIR_EN=site-zensical/en $(BIN)/zensical build --strict --config-file mkdocs.en.yml
	$(BIN)/snippet-site publish site-zensical
	$(BIN)/snippet-site publish --language en site-zensical/en

serve: setup  ## http://127.0.0.1:8000/relu-docs/, re-running edited snippets
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

serve-en: setup  ## the English edition: http://127.0.0.1:8001/relu-docs/en/
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8001 --config-file mkdocs.en.yml

lint: setup  ## ruff (the rules and formatting in pyproject.toml) and the prose linter (terminology in prose/)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python scripts/lint_prose.py

typecheck: setup  ## mypy over src/, tests/, scripts/ and benchmarks/
	$(BIN)/mypy

# Writes nothing into the checkout: a stale notebook fails its test instead of being rewritten.
test: setup system-browser lint typecheck  ## everything CI runs: lint, types, each snippet re-run once, notebooks in kernels, builds, browser
	$(BIN)/pytest

# Its tests mostly wait for the small projects' command lines, so twice as many workers as cores.
test-fast: setup system lint typecheck  ## the edit loop: everything but re-runs, kernels, site builds and the browser
	$(BIN)/pytest -m "not reruns and not kernels and not slow and not browser" -n $$(( $$(nproc) * 2 )) --dist worksteal

stress: setup system  ## the whole snippet and notebook comparison with a busy loop on every core
	$(BIN)/python scripts/under_load.py -- $(BIN)/pytest -p no:cacheprovider tests/test_snippets.py tests/test_notebooks.py

# Writes test-artifacts/bench-results.json; PAGE=1 rewrites the committed page instead (its results.json and outputs).
bench: setup  ## time the builds (about 15 min); make bench PAGE=1 also rewrites the build-performance page
	$(BIN)/python -m benchmarks $(if $(PAGE),,--results test-artifacts/bench-results.json --no-freeze)

# Lighthouse lives in tools/audit/ with its own lock file, so `make setup`, `make test` and CI never install it.
tools/audit/node_modules/.installed: tools/audit/package.json tools/audit/package-lock.json
	npm ci --prefix tools/audit --no-audit --no-fund --loglevel=error
	touch $@

# SITE=dir audits that build instead of building one; PAGES='/ /en/ */glossary/' only the pages matching those patterns.
audit: setup system-browser tools/audit/node_modules/.installed  ## Lighthouse mobile scores of every page into test-artifacts/audit/ (about 20 min); fails below 90/95
	$(BIN)/python -m scripts.audit $(if $(SITE),--site-dir $(SITE)) $(foreach pattern,$(PAGES),--pages '$(pattern)')

clean:
	rm -rf site site-zensical .cache
