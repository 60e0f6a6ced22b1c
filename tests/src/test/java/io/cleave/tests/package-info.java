/**
 * Integration tests across modules ({@code *IT}, run by failsafe) and the cluster harness they share.
 *
 * <ul>
 *   <li>{@link io.cleave.tests.SparkHome}: a SPARK_HOME made of links to the test classpath's runtime jars;</li>
 *   <li>{@link io.cleave.tests.ApplicationJars}: Cleave's jars that jobs ship to executors with
 *       {@code spark.jars};</li>
 *   <li>{@link io.cleave.tests.LocalCluster}: a {@code local-cluster[n,c,m]} session with real executor JVMs;</li>
 *   <li>{@link io.cleave.tests.StandaloneCluster}: a standalone master and worker as separate JVMs on 127.0.0.1;</li>
 *   <li>{@link io.cleave.tests.SparkSubmit}: {@code spark-submit} of an application jar in its own JVM;</li>
 *   <li>{@link io.cleave.tests.IterationSampler}: the training job's progress stream, sampling the JVM's memory,
 *       file descriptors, broadcasts and persisted RDDs after every iteration (the load test).</li>
 * </ul>
 * Every process they start is stopped when the harness object is closed, also when a test fails.
 */
package io.cleave.tests;
