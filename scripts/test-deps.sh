#!/usr/bin/env bash
# What the tests need beyond npm's packages, from Debian (as root, where missing): chromium for the
# review pages' browser tests (driven by puppeteer-core; nothing is downloaded by npm) and
# redis-server for the runs over Redis (the tests start their own instances on loopback ports).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v redis-server >/dev/null || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  echo "test-deps: installing ${need[*]} (Debian packages)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
