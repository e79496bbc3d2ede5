# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint format docs docs-check clean browser redis

install: $(STAMP)

# Reinstall whenever the dependency list changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: install
	$(BIN)/newsarchive demo

# Two test processes: most tests wait on a crawl, a server or a browser in another process.
# Each file's tests stay together in one of them, sharing that file's fixtures.
test: install browser redis lint docs-check
	$(BIN)/python -m pytest -n 2 --dist loadfile

# Style is ruff's (configuration in pyproject.toml); `make format` rewrites, `make lint` checks.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The generated parts of docs/ (CLI reference, settings, schema, figures): `make docs` rewrites
# them, `make docs-check` (part of `make test`) fails when they are stale.
DOCS := $(wildcard docs/*.md)
docs: install
	$(BIN)/cog --verbosity=1 -r -I docs $(DOCS)

docs-check: install
	$(BIN)/cog --verbosity=1 --check -I docs $(DOCS)

clean:
	rm -rf $(VENV) data .pytest_cache

# Extraction quality vs plain trafilatura on ../shared/benchmarks (minutes; not part of `make test`).
.PHONY: bench-extraction
bench-extraction: install
	$(BIN)/python bench/extraction.py

# Whether extraction holds when blocks other sites add are put around the benchmark's stories
# (minutes; not part of `make test`).
.PHONY: bench-furniture
bench-furniture: install
	$(BIN)/python bench/furniture.py

# Headline, kicker, day and bylines on the news-site template pages of tests/data/templates,
# beside plain trafilatura (seconds).
.PHONY: bench-templates
bench-templates: install
	$(BIN)/python bench/templates.py

# Performance: crawl throughput and re-crawl cost, archive scale and search latency
# (minutes; not part of `make test`). Figures go to bench/results/.
.PHONY: bench bench-crawl bench-archive bench-peers
bench: bench-crawl bench-archive bench-peers

bench-crawl: install
	$(BIN)/python bench/crawl.py --pages 2000

bench-archive: install
	$(BIN)/python bench/archive.py --articles 100000

# Precision and recall of German search per query class, for several analyses (seconds).
.PHONY: bench-search-quality
bench-search-quality: install
	$(BIN)/python bench/search_quality.py

# newsarchive beside trafilatura's CLI (and news-please, given NEWSARCHIVE_NEWS_PLEASE_PYTHON).
bench-peers: install
	$(BIN)/python bench/peers.py --pages 300

# The browser test drives Debian's Chromium (no browser download is possible or wanted).
browser:
	@test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)

# Distributed-mode tests start their own Debian redis-server on a free loopback port.
redis:
	@command -v redis-server >/dev/null || (apt-get update && apt-get install -y redis-server)

# The scheduler over 50 local sites, every source every minute, for an hour: runs per source,
# overlaps, and the scheduler's memory, threads, file descriptors and crawl processes over time
# (not part of `make test`). Figures go to bench/results/soak.json.
.PHONY: bench-soak
bench-soak: install
	$(BIN)/python bench/soak.py --sources 50 --minutes 60
