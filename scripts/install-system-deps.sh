#!/usr/bin/env bash
# Debian packages the tests use: Chromium for Playwright (it cannot download its own browser here),
# CJK fonts so screenshots show Chinese text, and jwcrypto, the independent JOSE implementation that
# must open our bundles (tests/unit/sync-bundle.test.ts), and openpyxl, a second reader of our report
# files' print settings (tests/unit/reports-frame.test.ts).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
/usr/bin/python3 -c 'import jwcrypto' >/dev/null 2>&1 || need+=(python3-jwcrypto)
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need+=(python3-openpyxl)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=$([ "$(id -u)" = 0 ] && echo || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
