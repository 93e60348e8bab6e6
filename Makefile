.PHONY: run test bench compile lint format migrations

run:  ## set up from nothing and serve the demo portfolio
	scripts/run.sh

test:  ## set up from nothing and run lint, types and the tests on SQLite and PostgreSQL
	scripts/test.sh

bench:  ## benchmarks (see bench/README.md)
	scripts/bootstrap.sh dev
	.venv/bin/python -m bench.run

compile:  ## optional: build the compiled engine (mypyc; needs a C compiler), used with RADAR_ENGINE=compiled
	scripts/system-deps.sh compile
	scripts/bootstrap.sh compiled
	.venv/bin/python scripts/compile_engine.py

lint:
	.venv/bin/ruff check src tests bench && .venv/bin/ruff format --check src tests bench && .venv/bin/mypy

format:
	.venv/bin/ruff check --fix src tests bench && .venv/bin/ruff format src tests bench

migrations:  ## regenerate the initial migration after a model change
	scripts/remigrate.sh
