#!/usr/bin/env bash
# Submits Cleave's training job (io.cleave.cli.SparkTrainMain) with spark-submit to a YARN, Kubernetes or
# standalone master, with cluster-conf/spark-defaults.conf as the properties file.
#
#   cluster-conf/submit.sh --master yarn|k8s://https://HOST:PORT|spark://HOST:7077 --config FILE.yaml
#       [--deploy-mode client|cluster] [--image IMAGE] [--properties-file FILE] [--conf key=value ...]
#       [--dry-run] [-- TRAIN ARGS ...]
#
# TRAIN ARGS go to `cleave train` after --config, e.g. `-- --set run.dir=/shared/runs/r1 --resume auto`.
# YARN and standalone: the application jar is spark-jobs/target/cleave.jar and --jars lists the jars of
# spark-jobs/target/lib that $SPARK_HOME/jars does not already hold (cluster-conf/app-jars.sh). The config goes
# with --files; in YARN cluster mode the driver reads the copy YARN puts in its working directory.
# Kubernetes: driver and executors run the Cleave image (--image, or CLEAVE_IMAGE; see docker/Dockerfile.cuda),
# which holds the jar, its libraries and cluster-conf/ under /opt/cleave, so the jars are local:// paths in the
# image and --config names a file inside the image (relative to /opt/cleave, the image's working directory).
# --dry-run prints the spark-submit command instead of running it.
# Environment: SPARK_HOME (a Spark 4 distribution; spark-submit is $SPARK_HOME/bin/spark-submit).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image_home=/opt/cleave

usage() {
  sed -n '4,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

fail() {
  echo "submit.sh: $*" >&2
  exit 2
}

master="" config="" deploy_mode=client image="${CLEAVE_IMAGE:-}" dry_run=false
properties="$root/cluster-conf/spark-defaults.conf"
confs=()
train_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --master) master="${2:?--master needs a value}"; shift 2 ;;
    --config) config="${2:?--config needs a value}"; shift 2 ;;
    --deploy-mode) deploy_mode="${2:?--deploy-mode needs a value}"; shift 2 ;;
    --image) image="${2:?--image needs a value}"; shift 2 ;;
    --properties-file) properties="${2:?--properties-file needs a value}"; shift 2 ;;
    --conf) confs+=(--conf "${2:?--conf needs key=value}"); shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    --) shift; train_args=("$@"); break ;;
    -h|--help) usage ;;
    *) fail "unknown option '$1' (see --help)" ;;
  esac
done

[ -n "$master" ] || fail "--master is required (yarn, k8s://https://HOST:PORT or spark://HOST:PORT)"
[ -n "$config" ] || fail "--config is required (a training YAML, e.g. cluster-conf/examples/arith-gpg.yaml)"
case "$deploy_mode" in client|cluster) ;; *) fail "--deploy-mode must be client or cluster, got '$deploy_mode'" ;; esac
case "$master" in
  yarn) kind=yarn ;;
  k8s://*) kind=k8s ;;
  spark://*) kind=standalone ;;
  *) fail "--master must be yarn, k8s://... or spark://..., got '$master'" ;;
esac
[ -f "$properties" ] || fail "properties file $properties not found"
if [ -z "${SPARK_HOME:-}" ] || [ ! -d "$SPARK_HOME/jars" ]; then
  fail "SPARK_HOME must point to a Spark 4 distribution (with jars/ and bin/spark-submit)"
fi

jar="$root/spark-jobs/target/cleave.jar"
[ -f "$jar" ] || fail "$jar not found: build it with 'mvn -B -Dmaven.test.skip=true -pl spark-jobs -am package'"
lib_list="$("$root/cluster-conf/app-jars.sh" "$root/spark-jobs/target/lib" "$SPARK_HOME/jars")"
mapfile -t lib_jars <<< "$lib_list"

cmd=("$SPARK_HOME/bin/spark-submit" --master "$master" --deploy-mode "$deploy_mode"
     --name cleave-train --class io.cleave.cli.SparkTrainMain --properties-file "$properties")
if [ "$kind" = k8s ]; then
  [ -n "$image" ] || fail "Kubernetes needs the Cleave image: --image IMAGE or CLEAVE_IMAGE"
  jars=""
  for j in "${lib_jars[@]}"; do
    jars="${jars:+$jars,}local://$image_home/lib/$(basename "$j")"
  done
  cmd+=(--conf "spark.kubernetes.container.image=$image" --jars "$jars")
  app_jar="local://$image_home/cleave.jar"
  app_config="$config"
else
  [ -f "$config" ] || fail "config $config not found"
  jars="$(IFS=,; printf '%s' "${lib_jars[*]}")"
  cmd+=(--jars "$jars" --files "$config")
  app_jar="$jar"
  app_config="$config"
  if [ "$kind" = yarn ] && [ "$deploy_mode" = cluster ]; then
    app_config="$(basename "$config")"
  fi
fi
cmd+=("${confs[@]}" "$app_jar" --config "$app_config" "${train_args[@]}")

if [ "$dry_run" = true ]; then
  printf '%q ' "${cmd[@]}"
  printf '\n'
else
  exec "${cmd[@]}"
fi
