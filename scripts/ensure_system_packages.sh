#!/usr/bin/env bash
# Make sure the Debian packages the site needs are present: the Korean font, and (with
# --browser) Chromium for the browser tests. Installs them when run as root, otherwise
# prints the exact command to run.
set -euo pipefail

packages=()
[ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || packages+=(fonts-nanum)
if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null 2>&1; then
  packages+=(chromium)
fi
[ ${#packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${packages[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
  command -v fc-cache >/dev/null 2>&1 && fc-cache -f >/dev/null 2>&1 || true
else
  echo "missing system packages: ${packages[*]}" >&2
  echo "run: sudo apt-get install -y --no-install-recommends ${packages[*]}" >&2
  exit 1
fi
