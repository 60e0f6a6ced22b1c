/**
 * Test fixtures shared by spark-jobs tests and the integration tests (through the spark-jobs test jar): random
 * branched trajectory batches and the local Spark session of the unit tests.
 */
package io.cleave.spark.testing;
