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

.PHONY: install generate check-generated lint lint-spec test test-transports demo overview sandbox \
	bench api-docs fuzz prism third-party-checks ci clean

install: $(STAMP)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

## Everything a contributor needs: the SDK, its extras and the dev dependency group.
$(STAMP): pyproject.toml $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[sandbox,cli,httpx2]' --group dev
	touch $@ $(RUNTIME_STAMP)

## Only what the demo needs: the SDK, its sandbox and its command line.
$(RUNTIME_STAMP): pyproject.toml $(VENV)/bin/python
	@echo "Installing the SDK, its sandbox and its command line only (make install adds the dev tools)"
	$(BIN)/python -m pip install --quiet -e '.[sandbox,cli]'
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

## The test suite on every core (the README's test command runs this).
test: $(STAMP)
	$(BIN)/python -m pytest -q -n auto

## The fault and facade suites again on each other transport (httpx's own pool, httpx2's).
test-transports: $(STAMP)
	KIMONO_TEST_TRANSPORT=httpx $(BIN)/python -m pytest -q -n auto tests/faults tests/facade
	KIMONO_TEST_TRANSPORT=httpx2 $(BIN)/python -m pytest -q -n auto tests/faults tests/facade

## Start the sandbox, run examples/quickstart.py against it, then the CLI's fleet overview.
demo: $(RUNTIME_STAMP)
	$(BIN)/python scripts/run_demo.py

## The command line's morning question, every tenant of an in-process sandbox (no account needed).
overview: $(RUNTIME_STAMP)
	$(BIN)/kimono-interop --sandbox tenants overview

## Serve the sandbox on http://127.0.0.1:8765 until interrupted.
sandbox: $(RUNTIME_STAMP)
	$(BIN)/python -m kimono_interop.sandbox --port 8765 --seed 1

## Rewrite docs/api.md, the API reference, from the code (a test fails when it is stale).
api-docs: $(STAMP)
	$(BIN)/python scripts/api_reference.py

## Speed and memory targets.
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

## Schemathesis against the sandbox: every check and phase, positive and negative data, a fixed
## seed, once per kind of credentials (scripts/schemathesis_check.py; FUZZ_ARGS=--help).
fuzz: $(STAMP)
	$(BIN)/python scripts/schemathesis_check.py $(FUZZ_ARGS)

## examples/quickstart.py and every SDK namespace method against Stoplight Prism's mock of the
## spec (scripts/prism_check.py; PRISM_ARGS=--help).
prism: $(STAMP) $(NPM_STAMP)
	$(BIN)/python scripts/prism_check.py $(PRISM_ARGS)

## The third-party checks: Schemathesis, then Prism.
third-party-checks: fuzz prism

## What CI runs.
ci: check-generated lint-spec lint test test-transports third-party-checks

clean:
	rm -rf $(VENV) node_modules .mypy_cache .ruff_cache .pytest_cache
