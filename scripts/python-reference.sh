#!/usr/bin/env bash
# Makes (once) the Python virtual environment holding the references Cleave is checked and measured against
# (python-reference.txt: current PyTorch, transformers, PEFT, TRL) and prints its python's path.
# The environment lives under ${CLEAVE_CACHE:-~/.cache/cleave}, named by a hash of the requirements, so that
# worktrees and test runs share one copy; concurrent callers wait on a lock. pip's own configuration decides the
# index (PIP_INDEX_URL, pip.conf); where pip.conf names only local file:// indexes as extra indexes, the first one
# becomes the main index so that pip does not wait on an unreachable default index first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
requirements="$here/python-reference.txt"
cache="${CLEAVE_CACHE:-$HOME/.cache/cleave}"
python="${CLEAVE_PYTHON:-python3}"
command -v "$python" >/dev/null || { echo "python-reference: $python not found (apt-get install python3 python3-venv)" >&2; exit 1; }
key=$({ cat "$requirements"; "$python" --version; } | sha256sum | cut -c1-12)
venv="$cache/pyref-$key"
mkdir -p "$cache"
exec 9>"$cache/pyref.lock"
flock 9
if [ ! -f "$venv/.complete" ]; then
  rm -rf "$venv"
  echo "python-reference: creating $venv (about a minute)..." >&2
  "$python" -m venv "$venv" >&2
  if [ -z "${PIP_INDEX_URL:-}" ]; then
    first_local=$("$venv/bin/pip" config list 2>/dev/null | sed -n "s/^[a-z:.]*extra-index-url='\(file:[^ ']*\).*/\1/p" | head -n 1)
    [ -n "$first_local" ] && export PIP_INDEX_URL="$first_local"
  fi
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements" 2> >(grep -v "is neither a file nor a directory" >&2) >&2
  touch "$venv/.complete"
fi
echo "$venv/bin/python"
