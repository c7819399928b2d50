#!/usr/bin/env bash
# Installs what building instrada needs and is missing: the wasm32 target, rustfmt and clippy,
# wasm-bindgen-cli at exactly the version Cargo.toml pins, and the npm dev dependencies.
# Idempotent: a second run does nothing. Needs Rust (rustup) and Node/npm on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "instrada setup: '$1' is missing: $2" >&2; exit 1; }; }
need cargo "install Rust with rustup (https://rustup.rs)"
need rustup "install Rust with rustup (https://rustup.rs)"
need node "install Node.js 20 or newer"
need npm "install npm (it comes with Node.js)"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "instrada setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

pinned=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
[ -n "$pinned" ] || { echo "instrada setup: Cargo.toml must pin wasm-bindgen with '='" >&2; exit 1; }
installed=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$installed" != "$pinned" ]; then
  echo "instrada setup: installing wasm-bindgen-cli $pinned (found: ${installed:-none}); the first time takes a few minutes"
  cargo install wasm-bindgen-cli --version "$pinned" --force
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
