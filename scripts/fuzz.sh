#!/usr/bin/env bash
# The fuzz targets of fuzz/ (cargo fuzz, libFuzzer), each run for FUZZ_SECONDS (default 60)
# seconds: part of `make test`. Usage:
#
#   scripts/fuzz.sh                 # every target, 60 s each
#   FUZZ_SECONDS=10 scripts/fuzz.sh ics dates
#   FUZZ_RUNS=10000000 scripts/fuzz.sh cf_check   # a fixed number of executions instead
#
# The repository does not change: each target writes what it finds into a fresh temporary
# corpus directory and only reads the committed seeds of fuzz/corpus/<target>/. A crash, a
# timeout (10 s for one input) or a memory blow-up (2 GB) stops the script with a non-zero
# status and says where the reproducer is and how to replay it.
#
# The seed is fixed (FUZZ_SEED, default 1) so that `make test` explores the same inputs on
# every machine and a red run can be replayed; FUZZ_SEED=0 lets libFuzzer pick one, for the
# long local runs.
#
# Needs cargo-fuzz 0.13.2 (installed when missing). No nightly toolchain: libFuzzer's
# instrumentation flags are unstable, so the build runs with RUSTC_BOOTSTRAP=1. No
# sanitizer (`-s none`): the crate has no `unsafe` code, so AddressSanitizer would find
# nothing Rust's own checks do not, at about three times the cost; overflow checks and debug
# assertions are on (fuzz/Cargo.toml).
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.2
SECONDS_EACH=${FUZZ_SECONDS:-60}
export RUSTC_BOOTSTRAP=1

# Longest input per target, in bytes: enough for what the target reads (a profile JSON is
# up to ~40 KB; the others decode a few short fields), small enough to keep every run fast.
declare -A MAX_LEN=(
  [cf_check]=256
  [cf_encode]=512
  [dates]=256
  [ics]=1024
  [profile_load]=40000
  [review]=1024
  [timeline]=512
)
ALL=(cf_check cf_encode dates ics profile_load review timeline)
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL[@]}")

if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  echo "fuzz: installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

echo "fuzz: building the targets"
cargo fuzz build -s none

work=$(mktemp -d "${TMPDIR:-/tmp}/instrada-fuzz.XXXXXX")
artifacts="$work/artifacts"
mkdir -p "$artifacts"
failed=()
for t in "${TARGETS[@]}"; do
  max_len=${MAX_LEN[$t]:-}
  if [ -z "$max_len" ]; then
    echo "fuzz: unknown target '$t' (targets: ${ALL[*]})" >&2
    exit 2
  fi
  mkdir -p "$work/corpus/$t"
  if [ -n "${FUZZ_RUNS:-}" ]; then
    limit="-runs=$FUZZ_RUNS"
  else
    limit="-max_total_time=$SECONDS_EACH"
  fi
  echo "fuzz: $t ($limit)"
  log="$work/$t.log"
  # The first corpus directory is the writable one; the committed seeds are only read.
  if cargo fuzz run -s none "$t" "$work/corpus/$t" "fuzz/corpus/$t" -- \
    "$limit" -seed="${FUZZ_SEED:-1}" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -print_final_stats=1 -artifact_prefix="$artifacts/$t-" >"$log" 2>&1; then
    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" | sed "s/^/fuzz: $t: /"
  else
    failed+=("$t")
    echo "fuzz: $t FAILED; the last lines of its log ($log):" >&2
    tail -n 40 "$log" >&2
    for a in "$artifacts/$t-"*; do
      [ -e "$a" ] || continue
      echo "fuzz: reproducer: $a" >&2
      echo "fuzz: replay it:  RUSTC_BOOTSTRAP=1 cargo fuzz run -s none $t $a" >&2
    done
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (logs and reproducers kept in $work)" >&2
  exit 1
fi
rm -rf "$work"
echo "fuzz: every target ran without a crash, a timeout or a memory blow-up"
