# kimono-interop: every task a contributor or CI runs. Targets that need the virtual environment
# create it when it is missing (or when pyproject.toml changed).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUNTIME_STAMP := $(VENV)/.runtime
NPM_STAMP := node_modules/.installed
SPEC := openapi/interop-v2.yaml
REDOCLY := REDOCLY_SUPPRESS_UPDATE_NOTICE=true REDOCLY_TELEMETRY=off node_modules/.bin/redocly
SPECTRAL := node_modules/.bin/spectral

.PHONY: install generate check-generated lint lint-spec test demo sandbox bench api-docs ci clean

install: $(STAMP)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

## Everything a contributor needs: the SDK, its extras and the dev dependency group.
$(STAMP): pyproject.toml $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[sandbox,httpx2]' --group dev
	touch $@ $(RUNTIME_STAMP)

## Only what the demo needs: the SDK and the sandbox.
$(RUNTIME_STAMP): pyproject.toml $(VENV)/bin/python
	@echo "Installing the SDK and its sandbox only (make install adds the dev tools)"
	$(BIN)/python -m pip install --quiet -e '.[sandbox]'
	touch $@

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## Regenerate generated/ from openapi/ (spec, config, templates).
generate: $(STAMP)
	$(BIN)/python scripts/generate_client.py

## Fail when generated/ is not exactly what openapi/ produces.
check-generated: $(STAMP)
	$(BIN)/python scripts/generate_client.py --check

## The spec passes openapi-spec-validator, Redocly CLI's lint and Spectral (0 warnings).
lint-spec: $(STAMP) $(NPM_STAMP)
	$(BIN)/openapi-spec-validator $(SPEC)
	$(REDOCLY) lint $(SPEC)
	$(SPECTRAL) lint $(SPEC) --ruleset .spectral.yaml --fail-severity=warn

## ruff and mypy --strict on the hand-written code; ruff on the generated package.
lint: $(STAMP)
	$(BIN)/ruff check src tests scripts examples
	$(BIN)/ruff format --check src tests scripts examples
	$(BIN)/ruff check --isolated --select F,I,UP --line-length 120 generated
	$(BIN)/mypy

## The test suite (the README's test command runs this).
test: $(STAMP)
	$(BIN)/python -m pytest -q

## Start the sandbox and run examples/quickstart.py against it.
demo: $(RUNTIME_STAMP)
	$(BIN)/python scripts/run_demo.py

## Serve the sandbox on http://127.0.0.1:8765 until interrupted.
sandbox: $(RUNTIME_STAMP)
	$(BIN)/python -m kimono_interop.sandbox --port 8765 --seed 1

## Rewrite docs/api.md, the API reference, from the code (a test fails when it is stale).
api-docs: $(STAMP)
	$(BIN)/python scripts/api_reference.py

## Speed and memory targets.
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

## What CI runs.
ci: check-generated lint-spec lint test

clean:
	rm -rf $(VENV) node_modules .mypy_cache .ruff_cache .pytest_cache
