#!/usr/bin/env bash
# Installs what the live server test (npm run test:servers) needs besides Node and openssl:
# Debian's nginx, HAProxy and Postfix, which the test starts itself on loopback ports. The
# packages' own services are not started (a policy-rc.d refuses them while apt runs) and
# Postfix is installed unconfigured (debconf "No configuration"). Debian/Ubuntu; installs only
# what is missing. Needs root (or sudo).
set -euo pipefail
need=()
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
[ -x /usr/sbin/haproxy ] || need+=(haproxy)
[ -x /usr/sbin/postfix ] && [ -x /usr/lib/postfix/sbin/smtpd ] || need+=(postfix)
if [ ${#need[@]} -eq 0 ]; then
  echo "server dependencies present: $(/usr/sbin/nginx -v 2>&1), $(/usr/sbin/haproxy -v | head -1), postfix $(/usr/sbin/postconf -dh mail_version 2>/dev/null)"
  exit 0
fi
sudo=''
[ "$(id -u)" -eq 0 ] || sudo='sudo'
echo "installing: ${need[*]}"
# Postfix asks which kind of mail system to set up: none, the test brings its own main.cf.
echo 'postfix postfix/main_mailer_type select No configuration' | $sudo debconf-set-selections
echo 'postfix postfix/mailname string localhost' | $sudo debconf-set-selections
# Keep the packages from starting their services (nginx would take port 80) unless the machine
# already has a policy: exit 101 is "action forbidden" (invoke-rc.d(8)).
policy=/usr/sbin/policy-rc.d
added_policy=''
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod 755 "$policy"
  added_policy=1
fi
cleanup() { [ -z "$added_policy" ] || $sudo rm -f "$policy"; }
trap cleanup EXIT
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
