/**
 * What Spark's {@code local-cluster} and standalone JVMs need from a JVM that no Spark distribution started: a
 * {@link io.cleave.spark.home.SparkHome} made of links to this JVM's third-party jars, and its classpath split into
 * those jars and Cleave's own ({@link io.cleave.spark.home.ClasspathJars}). Used by {@code cleave bench scaling}
 * and the integration tests' cluster harness.
 */
package io.cleave.spark.home;
