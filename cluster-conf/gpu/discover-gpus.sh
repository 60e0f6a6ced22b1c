#!/usr/bin/env bash
# Spark GPU discovery script (spark.executor.resource.gpu.discoveryScript): prints the GPUs nvidia-smi sees as
# the JSON Spark expects, e.g. {"name": "gpu", "addresses": ["0","1"]}. Exits 1 with a message on stderr when
# nvidia-smi is missing, fails, or prints something that is not a GPU index; Spark then refuses to start the
# executor and shows that message in its log.
set -euo pipefail

if ! command -v nvidia-smi >/dev/null 2>&1; then
  echo "discover-gpus: nvidia-smi not found on PATH ($PATH): install the NVIDIA driver utilities on this node" >&2
  exit 1
fi

if ! indices=$(nvidia-smi --query-gpu=index --format=csv,noheader 2>&1); then
  echo "discover-gpus: nvidia-smi --query-gpu=index failed: $indices" >&2
  exit 1
fi

addresses=""
while IFS= read -r line; do
  index="${line//[[:space:]]/}"
  if [ -z "$index" ]; then
    continue
  fi
  if [[ ! "$index" =~ ^[0-9]+$ ]]; then
    echo "discover-gpus: unexpected nvidia-smi output line: '$line'" >&2
    exit 1
  fi
  addresses="${addresses:+$addresses,}\"$index\""
done <<< "$indices"

printf '{"name": "gpu", "addresses": [%s]}\n' "$addresses"
