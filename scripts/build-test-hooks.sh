#!/usr/bin/env bash
# Builds, for the end-to-end test of a real panic only (tests/e2e/panic.test.mjs), the demo's
# module with the `test-hooks` feature in target/test-hooks-pkg/: a quick dev-profile build
# (panics abort on wasm32 in every profile, as in the release), never shipped nor served.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --target wasm32-unknown-unknown --lib --features test-hooks
out=target/test-hooks-pkg
rm -rf "$out"
wasm-bindgen --target web --out-dir "$out" --out-name instrada \
  target/wasm32-unknown-unknown/debug/instrada.wasm
node scripts/package.mjs "$out"
