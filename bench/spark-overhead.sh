#!/usr/bin/env bash
# Spark overhead benchmark (issue: Spark training job): the demo config on local-cluster with 1 and 2 single-core
# executors; prints the share of iteration time outside rollout and gradient compute, and the rollout speed-up.
# Usage: bench/spark-overhead.sh [MODEL_DIR] [ITERATIONS]; MODEL_DIR defaults to the demo's warm start
# (runs/demo/sft, made by ./cleave demo). Writes bench/results/spark-overhead.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
model="${1:-$root/runs/demo/sft}"
iterations="${2:-4}"
[ -f "$model/config.json" ] || { echo "no model in $model: run ./cleave demo first (or pass a model dir)" >&2; exit 2; }
(cd "$root" && mvn -B -q -Dmaven.test.skip=true -pl bench -am install)
work="$root/bench/work/spark-overhead"
rm -rf "$work" && mkdir -p "$work/spark-home/jars"
: > "$work/spark-home/RELEASE"
for jar in "$root"/bench/target/lib/*.jar; do
  case "$(basename "$jar")" in cleave-*) ;; *) ln -s "$jar" "$work/spark-home/jars/" ;; esac
done
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
jars="$root/spark-jobs/target/cleave.jar,$(ls "$root"/bench/target/lib/cleave-core-*.jar)"
mkdir -p "$root/bench/results"
echo "command: bench/spark-overhead.sh $model $iterations ($(date -u +%Y-%m-%d), $(nproc) cores)" | tee -a "$root/bench/results/spark-overhead.txt"
java -Xmx4g -Dai.djl.offline=true -Dai.djl.pytorch.num_interop_threads=1 -Dspark.jars="$jars" \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED \
  -cp "$root/bench/target/cleave-bench.jar:$root/bench/target/lib/*" io.cleave.bench.SparkOverheadBench \
  "$model" "$iterations" "$work" | tee -a "$root/bench/results/spark-overhead.txt"
