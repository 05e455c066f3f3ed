# Folio: `make serve` builds and serves the sample blog; `make test` runs every test.
# Each target installs what it needs (once; later runs only check) and nothing downloads from
# GitHub or a CDN: Trunk runs offline with the tools installed here.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# Tools live outside the checkout so a fresh clone on the same machine reuses them.
TOOLS_DIR ?= $(HOME)/.cache/folio-tools
export PATH := $(TOOLS_DIR)/bin:$(HOME)/.cargo/bin:$(PATH)

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate exactly; read it from the lock file.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)

# make build PUBLIC_URL=/blog/ CONTENT=../my-posts DIST=dist; make serve PORT=8081
PUBLIC_URL ?= /
PORT ?= 8080
# make build PREVIEW=1: a preview for writers (drafts, scheduled posts, each post's problems).
PREVIEW ?=
export FOLIO_PREVIEW := $(PREVIEW)
CONTENT ?= public
DIST ?= dist
export FOLIO_CONTENT := $(abspath $(CONTENT))

NPM_DIR := tests
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export COMMONMARK_SPEC := $(CURDIR)/$(NPM_DIR)/node_modules/commonmark-spec/spec.txt

.PHONY: help
help:
	@echo "make serve   build and serve the sample blog at http://127.0.0.1:8080/ (live reload; PORT=, CONTENT=)"
	@echo "make build   release build into dist/ (PUBLIC_URL=/blog/, CONTENT=<dir>, DIST=<dir>, PREVIEW=1)"
	@echo "make test    format, lint, host tests, wasm build and browser tests"
	@echo "make check   lint the content folder (CONTENT=<dir>)"
	@echo "make bench   measure speed and size beside marked, markdown-it and Docsify; rewrites the README table"
	@echo "make bench-adversarial   time pathological posts at 100 KB and 1 MB, native and in the browser"
	@echo "make tools   install the build tools into $(TOOLS_DIR)"
	@echo "make fuzz    fuzz the front matter parser, the renderer and the JSON reader (FUZZ_SECONDS=120 each, FUZZ_TIMEOUT=5 s an input)"

# ---------------------------------------------------------------- tools

.PHONY: tools rust-target trunk wasm-bindgen wasm-opt browser node-deps java
tools: rust-target trunk wasm-bindgen wasm-opt

rust-target:
	@command -v rustup >/dev/null || { echo "rustup is required: https://rustup.rs" >&2; exit 1; }
	@rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@rustup component list --installed 2>/dev/null | grep -q '^rust-src' \
	  || rustup component add rust-src
	@# Release wasm builds compile the std from rust-src (WASM_RELEASE below) and Trunk runs cargo
	@# offline, so the std's own dependencies must be in Cargo's cache first: a fresh machine has
	@# none of them (its first trunk build failed with "no matching package named moto-rt").
	@RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet --target wasm32-unknown-unknown \
	  --manifest-path "$$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"

# How release builds compile a wasm (the app's, the extras modules', the benchmark's): with a std
# built for it, whose panics trap at once instead of formatting a message (-Cpanic=immediate-abort).
# That leaves the panic machinery out: the app's wasm is 319 KB brotli instead of 345. Both are
# unstable options, which RUSTC_BOOTSTRAP unlocks on the pinned stable toolchain
# (rust-toolchain.toml): the compiler never changes under them, and its rust-src builds the std.
# Debug builds (make serve) keep panics' messages for the writer. Only wasm builds may see these:
# a host build under them compiles its own std (Trunk.toml's hook unsets them for `folio`).
WASM_RELEASE := RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS='-Zunstable-options -Cpanic=immediate-abort'

# trunk and wasm-bindgen-cli ship no binaries on any registry this project can reach, so they
# are compiled, without optimization: what they do for a build (hash and copy files, call cargo,
# rewrite the wasm's glue) takes as long either way (make build: 16.9 s with an optimized trunk,
# 17.0 s with this one; wasm-bindgen 0.2 s more per wasm), while compiling them takes 3 minutes
# instead of 10 (trunk 2.2 instead of about 7 with its own profile, fat LTO and one codegen unit;
# wasm-bindgen-cli 0.8 instead of about 3) on 2 cores.
TOOL_BUILD := CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=false \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=0 CARGO_PROFILE_RELEASE_STRIP=true

trunk:
	@trunk --version 2>/dev/null | grep -qx 'trunk $(TRUNK_VERSION)' || { \
	  echo "Installing trunk $(TRUNK_VERSION) into $(TOOLS_DIR) (once, about 2 minutes)"; \
	  $(TOOL_BUILD) cargo install --locked --quiet trunk --version $(TRUNK_VERSION) --root $(TOOLS_DIR); }

# Without --locked: wasm-bindgen-cli's own lock file names a crate version crates.io lacks.
wasm-bindgen:
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "no wasm-bindgen in Cargo.lock" >&2; exit 1; }
	@wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WASM_BINDGEN_VERSION)' || { \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) into $(TOOLS_DIR) (once, about a minute)"; \
	  $(TOOL_BUILD) cargo install --quiet wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --root $(TOOLS_DIR); }

# wasm-opt is binaryen 116 from npm (binaryen compiled to WebAssembly, run by Node.js): seconds to
# install, where the wasm-opt crate compiles binaryen's C++ for about 8 minutes. Debian's
# binaryen 108 miscompiles this app, so it is never used. Trunk finds it on PATH, as
# tools/wasm-opt.mjs: binaryen with a cache of its results, since a build whose sources did not
# change optimizes the same wasm again (about 10 seconds each time).
BINARYEN_VERSION := 116.0.0
wasm-opt:
	@test -f $(TOOLS_DIR)/binaryen/node_modules/binaryen/bin/wasm-opt \
	  && grep -q '"version": "$(BINARYEN_VERSION)"' $(TOOLS_DIR)/binaryen/node_modules/binaryen/package.json || { \
	  command -v npm >/dev/null || { echo "wasm-opt needs Node.js and npm (apt-get install -y nodejs npm)" >&2; exit 1; }; \
	  echo "Installing wasm-opt (binaryen $(BINARYEN_VERSION), npm) into $(TOOLS_DIR)"; \
	  npm install --prefix $(TOOLS_DIR)/binaryen --no-audit --no-fund --silent --no-save binaryen@$(BINARYEN_VERSION); }
	@mkdir -p $(TOOLS_DIR)/bin
	@cmp -s tools/wasm-opt.mjs $(TOOLS_DIR)/bin/wasm-opt.mjs || cp tools/wasm-opt.mjs $(TOOLS_DIR)/bin/wasm-opt.mjs
	@test "$$(readlink $(TOOLS_DIR)/bin/wasm-opt)" = wasm-opt.mjs || ln -sfn wasm-opt.mjs $(TOOLS_DIR)/bin/wasm-opt

BROWSER_PACKAGES := chromium chromium-driver fonts-noto-cjk fonts-noto-color-emoji
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
	    || ! fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || ! fc-list 2>/dev/null | grep -i 'Noto Color Emoji' >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing $(BROWSER_PACKAGES)"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null \
	      || { apt-get update -qq && apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null; }; \
	  else \
	    echo "The browser tests need Chromium, ChromeDriver and CJK fonts." >&2; \
	    echo "Install them with: sudo apt-get install -y $(BROWSER_PACKAGES)" >&2; \
	    exit 1; \
	  fi; \
	fi

# npm ci again whenever package-lock.json changed since the last install.
node-deps:
	@command -v npm >/dev/null || { echo "The tests need Node.js and npm (apt-get install -y nodejs npm)" >&2; exit 1; }
	@cmp -s $(NPM_DIR)/package-lock.json $(NPM_DIR)/node_modules/.package-lock.installed \
	  || { echo "Installing test dependencies from npm"; npm ci --prefix $(NPM_DIR) --no-audit --no-fund --silent \
	       && cp $(NPM_DIR)/package-lock.json $(NPM_DIR)/node_modules/.package-lock.installed; }

# The Nu Html Checker (npm vnu-jar) runs on Java.
java:
	@command -v java >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing default-jre-headless"; export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -qq default-jre-headless >/dev/null \
	      || { apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; }; \
	  else echo "The HTML check needs Java: sudo apt-get install -y default-jre-headless" >&2; exit 1; fi; }

# ---------------------------------------------------------------- build and serve

.PHONY: build serve check
# Trunk's hook runs the `folio` command after the wasm build; compiling it alongside instead (a
# separate profile, so neither waits for the other's lock) keeps both cores busy while either
# compiles one crate at a time: a fresh clone's first build took 4.8 minutes instead of 5.9 on 2
# cores (with the cli profile's change in Cargo.toml).
# The hook's own `cargo run` then finds it built, or waits for it and reports any error.
CLI_BUILD := cargo build --quiet --profile cli --locked -p folio-cli

TRUNK_BUILD = $(WASM_RELEASE) trunk build --release --public-url '$(PUBLIC_URL)' --dist '$(DIST)' $(if $(FEATURES),--features '$(FEATURES)')

# A shell ignores Ctrl-C in what it started in the background: the CLI's build went on after
# `make build` or `make serve` was stopped, holding Cargo's lock. It runs in a session of its own
# (`setsid`) and is stopped with the recipe, rustc processes and all, if it is still running
# (its process id still names a cargo).
CLI_IN_BACKGROUND = $$(command -v setsid) $(CLI_BUILD) & cli=$$!; \
  trap 'grep -qs cargo /proc/$$cli/cmdline && kill -TERM -$$cli' INT TERM

build: tools
	@echo "$(TRUNK_BUILD)"
	@$(CLI_IN_BACKGROUND); \
	  status=0; $(TRUNK_BUILD) || status=$$?; \
	  wait $$cli || true; exit $$status

# What `make serve` rebuilds on: the app's and the CLI's sources and the content folder. Named
# one by one rather than watching the checkout with an ignore list: Trunk refuses an ignore path
# that does not exist, and target/, dist/ and node_modules/ do not on a fresh clone.
WATCH := index.html Trunk.toml Cargo.toml Cargo.lock src style \
  crates/folio-core/Cargo.toml crates/folio-core/src crates/folio-cli/Cargo.toml crates/folio-cli/src \
  crates/folio-extras \
  $(FOLIO_CONTENT)

TRUNK_SERVE = trunk serve --public-url '$(PUBLIC_URL)' --port '$(PORT)' $(foreach path,$(WATCH),--watch '$(path)')

serve: tools
	@echo "$(TRUNK_SERVE)"
	@$(CLI_IN_BACKGROUND); $(TRUNK_SERVE)

check:
	cargo run --quiet --profile cli -p folio-cli -- check '$(CONTENT)'

# ---------------------------------------------------------------- tests

WORK := tests/.work
SEED := ../shared/seed/cyber-valentines-funeral.md

IMPORTED := hugo jekyll hexo zola vitepress

.PHONY: test lint host-test browser-test test-sites newcomer-test
# The build tools and the browser install (compiling trunk and wasm-bindgen-cli takes minutes on a
# fresh machine, Chromium and its fonts download) while the lints and host tests run, which need
# neither: each fills the cores the other leaves idle. Each install still runs alone when asked
# for (make tools, make browser); here they only start sooner.
test: rust-target
	@$(MAKE) trunk wasm-bindgen wasm-opt & tools=$$!; \
	  $(MAKE) browser java & browser=$$!; \
	  status=0; $(MAKE) lint host-test || status=$$?; \
	  wait $$tools || status=$$?; wait $$browser || status=$$?; \
	  exit $$status
	$(MAKE) browser-test newcomer-test

lint: rust-target
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings
	@# Apart: together, Cargo would build folio-core with its extras for the app too.
	cargo clippy -p folio-web --target wasm32-unknown-unknown --quiet -- -D warnings
	cargo clippy -p folio-bench-wasm -p folio-extras -p folio-entities --target wasm32-unknown-unknown --quiet -- -D warnings
	cargo clippy -p folio-core --no-default-features --all-targets --quiet -- -D warnings

host-test: node-deps
	cargo test --workspace --quiet
	@# folio-core as the app builds it: without its extras until the extras module is installed.
	cargo test -p folio-core --no-default-features --lib --quiet extras

# The sites the browser tests serve: the sample blog at / and under /blog/, a fixture site
# (broken posts, generated multi-MB and deeply nested posts, the seed post when ../shared has
# it) as published and as a writer's preview, a Chinese site, the XSS gallery, all built with CONTENT=, and the fixture site built with
# the `panic-probe` feature (it exports a function that panics, for the panic hook's test;
# never shipped).
test-sites: tools
	$(MAKE) build DIST=$(WORK)/root
	$(MAKE) build DIST=$(WORK)/blog PUBLIC_URL=/blog/
	@# A post the build never saw, as a writer pushing a .md without rebuilding leaves it (with
	@# raw HTML that must not run).
	for site in root blog; do \
	  mkdir -p $(WORK)/$$site/posts/2026 && \
	  printf -- '---\ntitle: Ignored by the app\n---\n# Added after the build\n\nNo build has seen this post yet.\n\n<img src="x" onerror="window.folioXss = 1">\n\n## First part\n\nOne.\n\n## Second part\n\nTwo.\n' \
	    > $(WORK)/$$site/posts/2026/added-after-the-build.md; \
	done
	rm -rf $(WORK)/fixture-content
	cp -r tests/fixtures/content $(WORK)/fixture-content
	@if [ -f $(SEED) ]; then cp $(SEED) $(WORK)/fixture-content/posts/; \
	else echo "SKIPPED: the seed post $(SEED) is absent; its browser test will skip"; fi
	node tests/support/generate-stress.mjs $(WORK)/fixture-content/posts
	$(MAKE) build DIST=$(WORK)/fixture CONTENT=$(WORK)/fixture-content
	$(MAKE) build DIST=$(WORK)/preview CONTENT=$(WORK)/fixture-content PREVIEW=1
	$(MAKE) build DIST=$(WORK)/zh CONTENT=tests/fixtures/zh-content
	$(MAKE) build DIST=$(WORK)/xss CONTENT=tests/fixtures/xss
	$(MAKE) build DIST=$(WORK)/probe CONTENT=tests/fixtures/content FEATURES=panic-probe
	@# Each generator's fixture site (crates/folio-cli/tests/fixtures/import), imported by
	@# `folio import` and built as its writer would: imported.spec.ts reads every post.
	@$(foreach site,$(IMPORTED), \
	  rm -rf $(WORK)/import-$(site) && \
	  cargo run --quiet --profile cli --locked -p folio-cli -- import crates/folio-cli/tests/fixtures/import/$(site) --content $(WORK)/import-$(site) >/dev/null && \
	  $(MAKE) build DIST=$(WORK)/imported-$(site) CONTENT=$(WORK)/import-$(site) && ) true

browser-test: browser java node-deps test-sites
	cd $(NPM_DIR) && npx playwright test

# The README's commands as a newcomer runs them, in a fresh clone of HEAD (tests/newcomer):
# `make serve` starts, shows the sample blog and reloads on a new post; `make build` writes a
# dist/ that a plain static server serves.
newcomer-test: browser node-deps tools
	cd $(NPM_DIR) && npx playwright test --config newcomer.config.ts

# ---------------------------------------------------------------- benchmarks

# `make bench`: every performance figure in one run, with Folio's peers measured beside it, printed
# and written into README.md between the bench markers. Not part of `make test`: it takes about a
# quarter of an hour and its figures depend on the machine. The steps are in bench/ (bench/run.mjs).
BENCH_WORK := bench/.work
BENCH_TARGET := $${CARGO_TARGET_DIR:-target}

.PHONY: bench bench-deps bench-time bench-wasm bench-site
bench: browser bench-deps bench-time bench-wasm bench-site
	node bench/run.mjs

bench-deps: bench/node_modules/.package-lock.json

# Without install scripts: docsify's runs husky through npx, which wants the network, and no
# package here needs one.
bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	@command -v npm >/dev/null || { echo "make bench needs Node.js and npm (apt-get install -y nodejs npm)" >&2; exit 1; }
	npm ci --prefix bench --ignore-scripts --no-audit --no-fund --silent

# GNU time gives the peak memory of `folio index`.
bench-time:
	@if [ ! -x /usr/bin/time ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing time"; export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }; \
	  else echo "NOTE: peak memory is not measured without /usr/bin/time (sudo apt-get install -y time)"; fi; \
	fi

# folio-core's renderer for the benchmark page, built the way `make build` builds the app's wasm: the
# release profile under WASM_RELEASE, wasm-bindgen, wasm-opt -Oz.
bench-wasm: rust-target wasm-bindgen wasm-opt
	$(WASM_RELEASE) cargo build --release --locked --quiet -p folio-bench-wasm --target wasm32-unknown-unknown
	wasm-bindgen --target web --out-dir $(BENCH_WORK)/wasm $(BENCH_TARGET)/wasm32-unknown-unknown/release/folio_bench_wasm.wasm
	wasm-opt -Oz --strip-debug --strip-producers $(BENCH_WORK)/wasm/folio_bench_wasm_bg.wasm -o $(BENCH_WORK)/wasm/folio_bench_wasm_bg.wasm

# The render inputs and the site the page-load benchmarks serve (the seed post, or a generated
# Chinese post when ../shared has none, among 30 generated posts), built by `make build`; and the
# folio binary the scale benchmark runs.
bench-site: bench-deps
	node bench/corpus.mjs bench --out $(BENCH_WORK) --seed-post $(SEED)
	$(MAKE) build DIST=$(BENCH_WORK)/site CONTENT=$(BENCH_WORK)/ttc-content
	cargo build --profile cli --locked --quiet -p folio-cli

# Pathological posts (crates/folio-core/tests/support/adversarial.rs): each family at 100 KB and
# 1 MB, natively and in headless Chromium, beside plain prose; the table goes to
# bench/.work/adversarial.md. Not part of `make test` or `make bench`: its figures depend on the
# machine. `make bench-adversarial FAMILIES="js-regex-many …"` times only those.
.PHONY: bench-adversarial
bench-adversarial: browser bench-deps bench-wasm
	node bench/adversarial.mjs $(FAMILIES)

# The search index of 10,000 generated full-length posts, built and queried optimized: shard sizes
# and the bytes and time of typical first queries. Its own target folder and no LTO, so it neither
# waits for nor invalidates the release build.
.PHONY: bench-search
bench-search:
	CARGO_TARGET_DIR=target/bench-search CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_OPT_LEVEL=3 \
	  cargo test --release --quiet -p folio-core --test search_scale -- --ignored --nocapture

# ---------------------------------------------------------------- fuzzing (not part of `make test`)

# make fuzz FUZZ_SECONDS=600: runs each cargo-fuzz target in fuzz/ for that long (libFuzzer on
# nightly Rust; both installed here when missing). Crashes land in fuzz/artifacts/<target>/, and
# so do inputs that take longer than FUZZ_TIMEOUT seconds (timeout-…): a slow input is a finding.
# The render target also reads patterns that it repeats into 256 KB posts (fuzz/seeds/render, one
# per family of once-quadratic input, and fuzz/render.dict); rendering one takes milliseconds
# when linear, seconds when quadratic.
FUZZ_SECONDS ?= 120
FUZZ_TIMEOUT ?= 5
FUZZ_TARGETS := front_matter render json
FUZZ_SEEDS_front_matter := public/posts tests/fixtures/content/posts
FUZZ_SEEDS_json := fuzz/seeds/json
FUZZ_SEEDS_render := crates/folio-core/tests/fixtures/render public/posts fuzz/seeds/render
FUZZ_FLAGS_render := -dict=render.dict

.PHONY: fuzz fuzz-tools
fuzz-tools:
	@rustup toolchain list | grep -q '^nightly' \
	  || rustup toolchain install nightly --no-self-update --profile minimal
	@cargo fuzz --version >/dev/null 2>&1 || { \
	  echo "Installing cargo-fuzz into $(TOOLS_DIR) (once, a few minutes)"; \
	  cargo install --locked --quiet cargo-fuzz --root $(TOOLS_DIR); }

fuzz: fuzz-tools
	@$(foreach target,$(FUZZ_TARGETS), \
	  echo "fuzzing $(target) for $(FUZZ_SECONDS) s" && mkdir -p fuzz/corpus/$(target) && \
	  (cd fuzz && cargo +nightly fuzz run -O $(target) corpus/$(target) \
	    $(addprefix ../,$(FUZZ_SEEDS_$(target))) \
	    -- -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) $(FUZZ_FLAGS_$(target)) \
	    -print_final_stats=1) && ) true
