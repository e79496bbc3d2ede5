# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test clean browser redis

install: $(STAMP)

# Reinstall whenever the dependency list changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: install
	$(BIN)/newsarchive demo

test: install browser redis
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) data .pytest_cache

# Extraction quality vs plain trafilatura on ../shared/benchmarks (minutes; not part of `make test`).
.PHONY: bench-extraction
bench-extraction: install
	$(BIN)/python bench/extraction.py

# The browser test drives Debian's Chromium (no browser download is possible or wanted).
browser:
	@test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)

# Distributed-mode tests start their own Debian redis-server on a free loopback port.
redis:
	@command -v redis-server >/dev/null || (apt-get update && apt-get install -y redis-server)
