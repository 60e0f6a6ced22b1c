/**
 * The Spark ML API: {@link io.cleave.spark.ml.CleaveTrainer}, an {@code Estimator} that trains a policy with the
 * Spark training job on a DataFrame of prompts, and {@link io.cleave.spark.ml.CleavePolicyModel}, the
 * {@code Model} that generates responses with the tool protocol on the executors. Both save and load
 * ({@code MLWritable}/{@code MLReadable}) and fit in a {@code Pipeline}.
 */
package io.cleave.spark.ml;
