#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver (same version) for the browser and end-to-end
# tests when they are missing. Playwright's own browser download does not work here: the tests
# drive /usr/bin/chromium.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  cat >&2 <<'MSG'
instrada tests need Chromium and ChromeDriver at /usr/bin/chromium and /usr/bin/chromedriver.
Install them as root, then run the tests again:
    sudo apt-get update && sudo apt-get install -y chromium chromium-driver
MSG
  exit 1
fi
echo "instrada setup: installing chromium and chromium-driver"
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
