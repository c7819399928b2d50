#!/usr/bin/env bash
# Builds the npm package in pkg/: the whole product (the default Cargo features: codice
# fiscale, calendar, catalog, routing, review, timeline and the widget), the wasm module with
# the release profile sized for the web, its wasm-bindgen glue for `--target web`, wasm-opt
# -Oz, the widget's wrapper, stylesheet and types, the README, LICENSE and package.json, the
# JavaScript minified. Then
# copies pkg/ into www/pkg/ for the demo (a copy of the same files, not a second package:
# `make demo` serves www/ as it is), copies Bootstrap Italia into www/vendor/, and prints the
# size report.
set -euo pipefail
cd "$(dirname "$0")/.."

# `places-file`: the place registry is not in the module but the package's file
# instrada-places.txt, fetched after start-up and read in place; `catalog-file`: nor are the
# built-in profiles and titolari, the package's file instrada-catalog.txt. build.rs writes
# both into its OUT_DIR, which cargo names in the `build-script-executed` message (issue 15):
# the places are src/data/places.txt with the names front-coded (build/places.rs).
cargo build --release --target wasm32-unknown-unknown --lib --features places-file,catalog-file
out_dir=$(cargo build --release --target wasm32-unknown-unknown --lib \
  --features places-file,catalog-file --message-format=json |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const m = s.split("\n").filter(Boolean).map((l) => JSON.parse(l))
      .find((m) => m.reason === "build-script-executed" && m.package_id.includes("instrada"));
    if (!m) process.exit(1);
    console.log(m.out_dir);
  })')
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name instrada \
  target/wasm32-unknown-unknown/release/instrada.wasm
# The features are those rustc enables by default for wasm32-unknown-unknown; wasm-opt must
# know them to read the module (bulk memory, sign extension, …) and emits nothing beyond them.
# -Oz without its inlining and local CSE passes: they make the module smaller raw but bigger
# compressed, which is what a browser fetches (measured on the full module, brotli 11 / gzip
# -9: -Oz 279.6 / 354.7 KB, these flags 263.7 / 328.2 KB; -Os 279.4, -O2 278.1, -O1 264.1 KB
# br; ARCHITECTURE.md, "Size").
node_modules/.bin/wasm-opt -Oz --skip-pass=inlining-optimizing --skip-pass=local-cse \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  --strip-debug --strip-producers \
  pkg/instrada_bg.wasm -o pkg/instrada_bg.wasm
cp "$out_dir/instrada-places.txt" pkg/instrada-places.txt
cp "$out_dir/instrada-catalog.txt" pkg/instrada-catalog.txt
node scripts/package.mjs pkg
# The JavaScript minified (glue, snippets, widget wrapper; −8 KB brotli before interactive)
# and the stylesheet (−0.8 KB), the types as written (scripts/minify.mjs).
node scripts/minify.mjs pkg

# The demo serves the package from www/pkg/: the build's copy of pkg/, refreshed every build.
rm -rf www/pkg
cp -R pkg www/pkg

# The demo's Bootstrap Italia look, served from www/vendor/ (nothing is fetched at run time):
# its stylesheet and the Titillium Web fonts that www/fonts.css declares.
rm -rf www/vendor
mkdir -p www/vendor/bootstrap-italia/css www/vendor/bootstrap-italia/fonts/Titillium_Web
cp node_modules/bootstrap-italia/dist/css/bootstrap-italia.min.css www/vendor/bootstrap-italia/css/
cp node_modules/bootstrap-italia/dist/fonts/Titillium_Web/*.woff2 node_modules/bootstrap-italia/dist/fonts/Titillium_Web/OFL.txt \
  www/vendor/bootstrap-italia/fonts/Titillium_Web/
node scripts/size.mjs pkg
