#!/usr/bin/env bash
# Model throughput benchmark (issue: foundation): Cleave's decode and training loops against PyTorch eager
# (Debian's python3-torch with OpenBLAS), same weights, batch and threads, in one run.
# Usage: bench/model-throughput.sh [PRESET] ; writes bench/results/model-throughput-PRESET.txt
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
preset="${1:-small}"
threads="${THREADS:-$(nproc)}"
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null || ! dpkg -s libopenblas0-pthread >/dev/null 2>&1; then
  echo "installing the PyTorch reference (python3-torch, libopenblas0-pthread)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-pthread >&2
fi
update-alternatives --set libblas.so.3-x86_64-linux-gnu /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 >/dev/null
(cd "$root" && mvn -B -q -Dmaven.test.skip=true -pl bench -am package)
mkdir -p "$root/bench/results"
echo "command: bench/model-throughput.sh $preset ($(date -u +%Y-%m-%d), $(nproc) cores)" | tee -a "$root/bench/results/model-throughput-$preset.txt"
java -Xmx6g -Dai.djl.offline=true -cp "$root/bench/target/cleave-bench.jar:$root/bench/target/lib/*" \
  io.cleave.bench.ModelThroughputBench "$preset" 32 16 128 16 128 5 "$threads" /usr/bin/python3 \
  "$root/bench/python/torch_reference.py" | tee -a "$root/bench/results/model-throughput-$preset.txt"
