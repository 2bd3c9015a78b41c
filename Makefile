# The two set-up commands are `make serve` and `make test`; both install what is missing first
# (.ci/setup, idempotent). PORT and PUBLIC_URL may be overridden.
#
# Paths may contain spaces (a checkout under "/home/me/My Projects/"): every path in a recipe is
# quoted (tests/scripts/paths-with-spaces.sh checks it). PATH below is not quoted on purpose: it is
# an environment value, not a shell word, so quotes would become part of it.
SHELL := /bin/bash
PORT ?= 8080
PUBLIC_URL ?= /
# The corpus folder the site is built from (PARALLAX_CORPUS, its old name, still works), and the
# folder `parallax build --site` analyses it into (a catalogue and shards): Trunk's post-build
# hook (.ci/tools/site.mjs) copies it into the site's data/ folder, PARALLAX_SITE names it.
CORPUS ?= $(or $(PARALLAX_CORPUS),corpus)
DATA_DIR := target/parallax-data
SITE_DATA := $(CURDIR)/$(DATA_DIR)/site
# Build caches (parsed files, features, pairs), one per corpus: a rebuild redoes only what changed.
CACHE_DIR := target/parallax-cache
PARALLAX_BUILD := cargo run --release --quiet -p parallax-cli -- build
# The browser tests serve the site under a subpath, as GitHub Pages does for project sites.
E2E_PUBLIC_URL := /parallax/
E2E_DIST := target/e2e-dist
# A corpus of markup and script (tests/e2e/crafted.test.mjs): built into its own site.
E2E_CRAFTED_DIST := target/e2e-crafted-dist
# `make bench-browser`: synthetic corpus sizes (each its own site; add 100000 for the 100k row).
BENCH_SIZES ?= 1000 10000
# A synthetic corpus large enough to page and to bin (tests/e2e/large.test.mjs): its own site.
E2E_LARGE_DIST := target/e2e-large-dist
E2E_LARGE_REPORTS := 300
# Files a browser test opens in the page (tests/e2e/local-files.test.mjs): the corpus's reports
# beside synthetic ones with their metadata.toml, checked against `parallax inspect --json`.
E2E_LOCAL_FILES := target/e2e-local-files
# `make bench-scale`: synthetic corpus sizes (add 100000 for the 100k row: ~8 minutes, several GB).
SIZES ?= 1000 10000
# `make fuzz`: seconds per target, and which targets.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= corpus_file corpus_folder url_state align
export PATH := $(CURDIR)/.ci/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test dist data native-test script-test e2e e2e-build lint fuzz inspect bench bench-browser bench-local bench-compare bench-scale bench-incremental setup-build setup-test

serve: setup-build data
	PARALLAX_SITE="$(SITE_DATA)" trunk serve --release --offline --no-autoreload --address 127.0.0.1 --port "$(PORT)"

dist: setup-build data
	PARALLAX_SITE="$(SITE_DATA)" trunk build --release --offline --public-url "$(PUBLIC_URL)"

# The analysis, a step of its own (progress on a terminal, one summary line otherwise): the
# corpus folder into the site's data folder (a catalogue and content-hashed shards).
data:
	$(PARALLAX_BUILD) "$(CORPUS)" --site "$(SITE_DATA)" --cache "$(CURDIR)/$(CACHE_DIR)/corpus"

test: setup-test lint native-test script-test e2e

native-test:
	cargo test --workspace

# Shell tests of the Makefile and the scripts (fast: no build).
script-test:
	@for t in tests/scripts/*.sh; do echo "== $$t"; bash "$$t" || exit 1; done

# Three sites from one build of the code (the wasm does not depend on the corpus): the seeds;
# the crafted corpus (with the test hooks); 300 synthetic reports (the seeds' site with its data).
e2e-build: setup-build data
	$(PARALLAX_BUILD) "$(CURDIR)/tests/e2e/fixtures/crafted" --site "$(CURDIR)/$(DATA_DIR)/e2e-crafted-site" --cache "$(CURDIR)/$(CACHE_DIR)/e2e-crafted"
	PARALLAX_SITE="$(CURDIR)/$(DATA_DIR)/e2e-crafted-site" trunk build --release --offline --features test-hooks --public-url "$(E2E_PUBLIC_URL)" --dist "$(E2E_CRAFTED_DIST)"
	PARALLAX_SITE="$(SITE_DATA)" trunk build --release --offline --public-url "$(E2E_PUBLIC_URL)" --dist "$(E2E_DIST)"
	rm -rf target/e2e-large-corpus && cargo run --release --quiet -p parallax-synth -- --reports "$(E2E_LARGE_REPORTS)" --seed 2024 --out target/e2e-large-corpus
	$(PARALLAX_BUILD) "$(CURDIR)/target/e2e-large-corpus" --site "$(CURDIR)/$(DATA_DIR)/e2e-large-site" --cache "$(CURDIR)/$(CACHE_DIR)/e2e-large"
	rm -rf "$(E2E_LARGE_DIST)" && cp -r "$(E2E_DIST)" "$(E2E_LARGE_DIST)"
	node .ci/tools/site.mjs "$(E2E_LARGE_DIST)" "$(CURDIR)/$(DATA_DIR)/e2e-large-site"
	node .ci/tools/csp.mjs "$(E2E_LARGE_DIST)"
	rm -rf "$(E2E_LOCAL_FILES)" && cargo run --release --quiet -p parallax-synth -- --reports 24 --seed 7 --out "$(E2E_LOCAL_FILES)"
	rm -f "$(E2E_LOCAL_FILES)/truth.json" && cp "$(CORPUS)"/*.txt "$(E2E_LOCAL_FILES)/"
	if [ -f "$(CORPUS)/topics.toml" ]; then cp "$(CORPUS)/topics.toml" "$(E2E_LOCAL_FILES)/"; fi

e2e: setup-test e2e-build
	cargo run --quiet --bin parallax -- inspect "$(CORPUS)" --json > target/e2e-corpus.json
	cargo run --quiet --bin parallax -- inspect target/e2e-large-corpus --json > target/e2e-large-corpus.json
	cargo run --quiet --bin parallax -- inspect "$(E2E_LOCAL_FILES)" --json > target/e2e-local-corpus.json
	PARALLAX_LARGE_CORPUS_JSON=target/e2e-large-corpus.json PARALLAX_DIST="$(E2E_DIST)" PARALLAX_CRAFTED_DIST="$(E2E_CRAFTED_DIST)" PARALLAX_LARGE_DIST="$(E2E_LARGE_DIST)" PARALLAX_BASE="$(E2E_PUBLIC_URL)" node --test --test-concurrency=1 tests/e2e/

# Browser benchmark (sites served gzipped): bytes before the first (prerendered) result and first
# render, bytes, requests and time until the app is ready, the catalogue's size, filter change,
# keystroke and typing a query (search shards fetched included), opening a report and a
# comparison, Lighthouse mobile, on the bundled corpus and on synthetic corpora of BENCH_SIZES
# reports; Pagefind 1.6 on the 10k one.
bench-browser: e2e-build
	.ci/setup bench
	.ci/bench-browser $(BENCH_SIZES)

# A reader's own files analysed in the page against `parallax inspect` on the same folder, the main
# thread's longest task, and the first load's bytes (REPORTS, default 1000; BASELINE_DIST: a site
# built before a change, to compare with).
bench-local: e2e-build
	.ci/setup bench
	.ci/bench-local "$(or $(REPORTS),1000)" $(if $(BASELINE_DIST),"$(BASELINE_DIST)")

inspect:
	cargo run --release --bin parallax -- inspect corpus

# Benchmarks are not tests: they report numbers, never pass or fail on time.
# criterion, core (about 3 minutes; PARALLAX_BENCH_LARGE=1 adds LSH at 10k reports).
bench:
	cargo bench -p parallax-core

# Our MinHash LSH against datasketch's MinHashLSH on one synthetic corpus (REPORTS, default 10000).
bench-compare:
	.ci/bench-compare $(if $(REPORTS),"$(REPORTS)")

# Stage times, CPU, peak RSS, recall and output size per synthetic corpus size (SIZES), one table,
# then exact all pairs against candidates + verification on 2,000 reports.
bench-scale:
	.ci/bench-scale $(SIZES)

# Incremental rebuild: a cold build of REPORTS synthetic reports (default 10000) against rebuilds
# through the build cache after one file changed; medians and their ratio.
bench-incremental:
	.ci/bench-incremental $(if $(REPORTS),"$(REPORTS)")

# Formatting and clippy, warnings as errors (also the fuzz crate's formatting). Part of `test`.
lint:
	cargo fmt --all --check
	rustfmt --edition 2021 --check fuzz/src/lib.rs fuzz/fuzz_targets/*.rs
	cargo clippy --workspace --all-targets -- -D warnings

# libFuzzer (cargo-fuzz, nightly) on the core: FUZZ_SECONDS per target (default 600),
# FUZZ_TARGETS to choose (default all). Not part of `test`. See fuzz/run.sh.
fuzz:
	FUZZ_SECONDS="$(FUZZ_SECONDS)" FUZZ_TARGETS="$(FUZZ_TARGETS)" fuzz/run.sh

setup-build:
	@.ci/setup build

setup-test:
	@.ci/setup test
