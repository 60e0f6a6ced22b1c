/**
 * Spark applications launched with {@code spark-submit}:
 * {@link io.cleave.spark.job.AdvantagesJob} computes the advantages of a batch in the advantages JSON format.
 */
package io.cleave.spark.job;
