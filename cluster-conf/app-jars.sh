#!/usr/bin/env bash
# Prints, one path a line, the jars of LIB_DIR (spark-jobs/target/lib) that a Spark distribution does not ship:
# Cleave's core, DJL and its PyTorch natives, Lucene, picocli, ... A jar is left out when its name starts with
# `spark-` or when SPARK_JARS_DIR holds a jar of the same artifact (its name up to the first `-<digit>`), so the
# application never brings a second copy of a library Spark already has on its classpath.
# Usage: app-jars.sh LIB_DIR SPARK_JARS_DIR
set -euo pipefail
lib="${1:?usage: app-jars.sh LIB_DIR SPARK_JARS_DIR}"
spark_jars="${2:?usage: app-jars.sh LIB_DIR SPARK_JARS_DIR}"
[ -d "$lib" ] || { echo "app-jars: $lib is not a directory (build with: mvn -pl spark-jobs -am package)" >&2; exit 1; }
[ -d "$spark_jars" ] || { echo "app-jars: $spark_jars is not a directory (SPARK_HOME/jars of Spark 4)" >&2; exit 1; }

artifact() {
  local name
  name="$(basename "$1")"
  printf '%s\n' "${name%%-[0-9]*}"
}

declare -A provided=()
for jar in "$spark_jars"/*.jar; do
  [ -e "$jar" ] || continue
  provided["$(artifact "$jar")"]=1
done

for jar in "$lib"/*.jar; do
  [ -e "$jar" ] || continue
  name="$(artifact "$jar")"
  if [[ "$name" == spark-* ]] || [ -n "${provided[$name]:-}" ]; then
    continue
  fi
  printf '%s\n' "$jar"
done
