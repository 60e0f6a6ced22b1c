/**
 * The harness the integration tests run on: real Spark clusters, JVMs and the repository's files.
 *
 * <ul>
 *   <li>{@link io.cleave.tests.harness.TestClasspath}: the test classpath and the SPARK_HOME made of its
 *       third-party jars ({@link io.cleave.spark.home.SparkHome}, which {@code cleave bench scaling} uses too);</li>
 *   <li>{@link io.cleave.tests.harness.ApplicationJars}: Cleave's jars that jobs ship to executors with
 *       {@code spark.jars};</li>
 *   <li>{@link io.cleave.tests.harness.LocalCluster}: a {@code local-cluster[n,c,m]} session with real executor
 *       JVMs;</li>
 *   <li>{@link io.cleave.tests.harness.StandaloneCluster}: a standalone master and worker as separate JVMs on
 *       127.0.0.1;</li>
 *   <li>{@link io.cleave.tests.harness.SparkSubmit}: {@code spark-submit} of an application jar in its own JVM;</li>
 *   <li>{@link io.cleave.tests.harness.JavaProcess}: one JVM with Spark's and Cleave's flags
 *       ({@link io.cleave.tests.harness.JvmFlags}), its log captured;</li>
 *   <li>{@link io.cleave.tests.harness.Repository}, {@link io.cleave.tests.harness.ExternalCommand}: the checkout's
 *       files and the external tools (shellcheck, bash, python) the deployment checks run.</li>
 * </ul>
 * Every process they start is stopped when the harness object is closed, also when a test fails.
 */
package io.cleave.tests.harness;
