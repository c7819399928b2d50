#!/usr/bin/env bash
# The browser suite (tests/web/) in headless Chromium through wasm-bindgen-test-runner, which
# reads ./webdriver.json: Chromium with the flags the e2e harness uses on this closed network,
# and `pageLoadStrategy: none`, so that the runner does not wait on the page's load.
#
# Why a retry: often (4 runs in 10 on this machine, session 9) the runner's page never starts
# the suite. It stays at "Loading scripts...": one of the snippets' module requests to the
# runner's freshly started server never completes (measured through the DevTools protocol:
# readyState "interactive", every other script loaded; the same page loaded again from the
# same server passed 12 times in 12, and the first load from a fresh server stalled in
# Playwright too), and before `pageLoadStrategy: none` chromedriver then gave up on the
# renderer after 300 s (wasm-pack issue #783 reports the same). The stall is the test
# harness's, not the suite's: when the runner saw the suite run (a "test result:" line), its
# verdict stands and nothing is retried; when it never saw it start, the suite is run again,
# at most five times in all.
#
# Without debug info: the test module is 4.6 MB instead of 39 MB; the panics' messages and
# the function names the runner prints do not need it.
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_PROFILE_DEV_DEBUG=false
# The suite runs in about 2 s; a page that has not finished it in 30 s never started it.
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-30}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for attempt in 1 2 3 4 5; do
  if cargo test --target wasm32-unknown-unknown --test web 2>&1 | tee "$log"; then
    exit 0
  fi
  if grep -q "test result: " "$log"; then
    exit 1
  fi
  echo "browser-test: the runner's page never started the suite (attempt $attempt of 5)" >&2
done
exit 1
