#!/usr/bin/env bash
# Installs what the tests need besides Node: openssl (the live reference), and a C compiler
# with libssl's headers (the small helper in test/oracle/ and the baseline in bench/ link
# against libssl). Debian/Ubuntu; installs only what is missing. Needs root (or sudo).
set -euo pipefail
need=()
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v cc >/dev/null 2>&1 || need+=(gcc libc6-dev)
[ -f /usr/include/openssl/ssl.h ] || need+=(libssl-dev)
if [ ${#need[@]} -eq 0 ]; then
  echo "system dependencies present: $(openssl version)"
  exit 0
fi
sudo=''
[ "$(id -u)" -eq 0 ] || sudo='sudo'
echo "installing: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
