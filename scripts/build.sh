#!/usr/bin/env bash
# Builds the npm package in pkg/: the wasm module (release profile, sized for the web), its
# wasm-bindgen glue for `--target web`, wasm-opt -Oz, package.json, the widget's stylesheet,
# then copies pkg/ into www/pkg/ for the demo and prints the size report.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --target wasm32-unknown-unknown --lib
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name instrada \
  target/wasm32-unknown-unknown/release/instrada.wasm
# The features are those rustc enables by default for wasm32-unknown-unknown; wasm-opt must
# know them to read the module (bulk memory, sign extension, …) and emits nothing beyond them.
node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  --strip-debug --strip-producers \
  pkg/instrada_bg.wasm -o pkg/instrada_bg.wasm
node scripts/package.mjs
rm -rf www/pkg
cp -r pkg www/pkg
node scripts/size.mjs
