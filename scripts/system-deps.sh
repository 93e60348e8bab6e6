#!/usr/bin/env bash
# Install the system packages Alliance Radar needs, skipping what is there.
#   scripts/system-deps.sh          everything the test suite needs: Node.js/npm (front-end
#                                   libraries), a PostgreSQL server, Debian's Chromium, fonts
#   scripts/system-deps.sh run      only what running the site needs (Node.js/npm)
#   scripts/system-deps.sh compile  a C compiler and Python's headers, for the optional
#                                   compiled engine (`make compile`)
set -euo pipefail
need=()
what="${1:-test}"
if [ "$what" = "compile" ]; then
  command -v cc >/dev/null 2>&1 || need+=(gcc)
  [ -f /usr/include/stdio.h ] || need+=(libc6-dev)
  "${PYTHON:-python3}" - <<'PY' || need+=(python3-dev)
import os, sys, sysconfig
sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))
PY
else
  command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
fi
if [ "$what" = "test" ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
fi
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "==> installing system packages: ${need[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "please install: ${need[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
