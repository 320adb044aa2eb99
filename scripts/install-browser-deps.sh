#!/usr/bin/env bash
# Installs what the page's end-to-end tests (npm run test:e2e) need besides Node and openssl:
# Debian's Chromium, which playwright-core drives (no browser is downloaded). Debian/Ubuntu;
# installs only what is missing. Needs root (or sudo).
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  echo "browser present: $("$browser" --version 2>/dev/null || echo "$browser")"
  exit 0
fi
sudo=''
[ "$(id -u)" -eq 0 ] || sudo='sudo'
echo "installing: chromium"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
