#!/usr/bin/env bash
# `./cleave demo` as a Spark application on the cluster of docker/compose.yaml: the supervised warm start of the
# `small` model on arith (once; `cleave sft --suite arith --steps 800`, the demo's own warm start), then the
# training job through spark-submit against SPARK_MASTER_URL with cluster-conf/examples/arith-demo.yaml (the
# demo's training settings) and --resume auto. Runs inside the Cleave image (docker/Dockerfile), from /opt/cleave,
# where runs/ is the volume that the master, the workers and this container share.
# Environment: SPARK_MASTER_URL (required), CLEAVE_SFT_STEPS (default 800).
set -euo pipefail
home="${CLEAVE_HOME:-/opt/cleave}"
master="${SPARK_MASTER_URL:?SPARK_MASTER_URL must name the standalone master, e.g. spark://spark-master:7077}"
cd "$home"

if [ ! -f runs/demo/sft/config.json ]; then
  echo "demo: step 1/2: supervised warm start of the small model on arith demonstrations"
  java -Xmx2g @"$home/cluster-conf/jvm-flags" -cp "$home/cleave.jar:$home/lib/*:$SPARK_HOME/jars/*" \
    io.cleave.cli.CleaveCli \
    sft --suite arith --out runs/demo/sft --steps "${CLEAVE_SFT_STEPS:-800}"
else
  echo "demo: step 1/2: warm start already in runs/demo/sft"
fi

echo "demo: step 2/2: GPG training on $master"
jars=""
for jar in "$home"/lib/*.jar; do
  jars="${jars:+$jars,}local://$jar"
done
exec "$SPARK_HOME/bin/spark-submit" --master "$master" --deploy-mode client --name cleave-demo \
  --class io.cleave.cli.SparkTrainMain \
  --properties-file "$home/docker/spark-demo.conf" \
  --jars "$jars" \
  "local://$home/cleave.jar" --config cluster-conf/examples/arith-demo.yaml --resume auto
