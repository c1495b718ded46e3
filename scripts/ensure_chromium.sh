#!/usr/bin/env bash
# Debian's Chromium for the browser tests (no browser download by test tools). Idempotent.
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium > /dev/null
