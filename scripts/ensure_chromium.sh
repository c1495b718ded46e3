#!/usr/bin/env bash
# Debian's Chromium for the browser tests (no browser download by test tools), with one small CJK font
# so screenshots of Chinese text show characters, not boxes. Idempotent.
set -euo pipefail
if [[ -x /usr/bin/chromium ]] && fc-list :lang=zh 2>/dev/null | grep -q .; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-wqy-microhei > /dev/null
