/**
 * Checks of the deployment files that live outside the Java modules: {@code cluster-conf/} (spark-defaults.conf,
 * jvm-flags, the GPU discovery script, submit.sh, the Airflow DAG), {@code docker/} (Dockerfiles, compose.yaml) and
 * the shell scripts of the repository (shellcheck). They run the scripts for real with {@link
 * io.cleave.tests.harness.ExternalCommand}; tools a fresh machine may lack (shellcheck, python3) skip their tests
 * unless {@code CLEAVE_REQUIRE_TOOLS=true} (set by {@code .ci/run}).
 */
package io.cleave.tests.deploy;
