#!/usr/bin/env bash
# Builds the npm package in pkg/ (the wasm module, release profile sized for the web, its
# wasm-bindgen glue for `--target web`, wasm-opt -Oz, package.json), then the demo's package in
# www/pkg/ with the full features (catalog and widget, with the widget's wrapper and
# stylesheet), copies Bootstrap Italia into www/vendor/, and prints both size reports.
set -euo pipefail
cd "$(dirname "$0")/.."

# build_module FEATURES OUT: the wasm module with the Cargo FEATURES, its glue, wasm-opt, in OUT.
build_module() {
  local features=$1 out=$2
  # shellcheck disable=SC2086 # FEATURES is a list of words, or nothing
  cargo build --release --target wasm32-unknown-unknown --lib $features
  rm -rf "$out"
  wasm-bindgen --target web --out-dir "$out" --out-name instrada \
    target/wasm32-unknown-unknown/release/instrada.wasm
  # The features are those rustc enables by default for wasm32-unknown-unknown; wasm-opt must
  # know them to read the module (bulk memory, sign extension, …) and emits nothing beyond them.
  node_modules/.bin/wasm-opt -Oz \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --strip-debug --strip-producers \
    "$out/instrada_bg.wasm" -o "$out/instrada_bg.wasm"
}

# The shipped package: the default features (codice fiscale and calendar), within the budget.
build_module "" pkg
node scripts/package.mjs pkg
# The full package: the catalog and the widget too, for www/ (the demo) and its tests.
build_module "--features widget" www/pkg
node scripts/package.mjs www/pkg --widget
# The demo's Bootstrap Italia look, served from www/vendor/ (nothing is fetched at run time):
# its stylesheet and the Titillium Web fonts that www/fonts.css declares.
rm -rf www/vendor
mkdir -p www/vendor/bootstrap-italia/css www/vendor/bootstrap-italia/fonts/Titillium_Web
cp node_modules/bootstrap-italia/dist/css/bootstrap-italia.min.css www/vendor/bootstrap-italia/css/
cp node_modules/bootstrap-italia/dist/fonts/Titillium_Web/*.woff2 node_modules/bootstrap-italia/dist/fonts/Titillium_Web/OFL.txt \
  www/vendor/bootstrap-italia/fonts/Titillium_Web/
node scripts/size.mjs pkg
node scripts/size.mjs www/pkg --full
