#!/usr/bin/env bash
# Create .venv and install Alliance Radar into it (idempotent).
# Usage: scripts/bootstrap.sh [dev|compiled]
#   (none)     what running the product needs
#   dev        and the test, lint and type-check tools
#   compiled   and the tools `make compile` builds the optional compiled engine with
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "==> creating virtual environment (.venv) with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
extras=""
[ -n "${1:-}" ] && extras="[$1]"
stamp=".venv/.installed${extras}"
# Reinstall only when the project definition changed since the last install.
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "==> installing alliance-radar${extras} and its dependencies"
  # -qq: errors only (a package index the machine's pip configuration names but
  # that is absent is a warning per package, which would bury the useful output).
  .venv/bin/python -m pip install -qq --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -qq --disable-pip-version-check -e ".${extras}"
  touch "$stamp"
fi
scripts/assets.sh
