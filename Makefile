# instrada: the two commands of the README are `make demo` and `make test`.
# Every target installs what it needs and is missing (scripts/setup*.sh), so both work on a
# fresh machine with Rust (rustup), Node/npm and Debian's package archive.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)

WASM_TARGET := wasm32-unknown-unknown
PORT ?= 8000

# The browser tests run in Debian's headless Chromium through wasm-bindgen's test runner.
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER := wasm-bindgen-test-runner

.PHONY: demo test setup setup-browser build lint native-test browser-test e2e fuzz bench clean

## make demo: build pkg/ (copied into www/pkg/ by the build) and serve www/ on http://localhost:$(PORT)
demo: build
	@echo "instrada demo: http://localhost:$(PORT)/ (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

## make test: formatting, lints (native and wasm32), native tests, browser tests, end-to-end tests,
## a short run of every fuzz target
test: setup setup-browser lint native-test build browser-test e2e fuzz
	@echo "instrada: all checks passed"

setup:
	scripts/setup.sh

setup-browser:
	scripts/setup-browser.sh

build: setup
	scripts/build.sh

lint: setup
	cargo fmt --check
	cargo fmt --check --manifest-path fuzz/Cargo.toml
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target $(WASM_TARGET) -- -D warnings
	cargo clippy --all-targets --target $(WASM_TARGET) --features test-hooks -- -D warnings
# The smaller build of the codice fiscale and the calendar alone (not the package).
	cargo clippy --lib --target $(WASM_TARGET) --no-default-features -- -D warnings
# The package's build: the list of places and the built-in profiles and titolari files of
# the package (scripts/build.sh).
	cargo clippy --lib --target $(WASM_TARGET) --features places-file -- -D warnings
	cargo clippy --lib --target $(WASM_TARGET) --features places-file,catalog-file -- -D warnings

native-test:
	cargo test

# Every browser test, the widget's included (the default features are the whole product);
# scripts/browser-test.sh says why it may run the suite again (a stall of the test harness).
browser-test: setup setup-browser
	scripts/browser-test.sh

# End to end: the package pkg/ (served by the demo from its copy www/pkg/) in Node and
# Chromium, and packed, installed and built by Vite into a portal's app; and, for the test of a
# real panic only, a dev build with the `test-hooks` feature.
e2e: build setup-browser
	scripts/build-test-hooks.sh
	node --test --test-concurrency=1 tests/e2e/*.test.mjs

# Each fuzz target for FUZZ_SECONDS (60 by default); cargo-fuzz is installed when missing.
fuzz: setup
	scripts/fuzz.sh

bench: build
	node benches/run.mjs

clean:
	cargo clean
	rm -rf pkg www/pkg node_modules test-results
