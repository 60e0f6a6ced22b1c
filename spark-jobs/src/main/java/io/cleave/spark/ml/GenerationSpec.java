package io.cleave.spark.ml;

import io.cleave.spark.executor.JobSpec;
import java.io.Serializable;
import org.apache.spark.sql.types.StructType;

/**
 * What an executor needs to generate for a partition of prompts.
 *
 * @param job the architecture, tokenizer, sampling ({@code temperature 0} = greedy), seed, tool limits and the
 *     {@code task.options} naming tools, reward and metric
 * @param input the schema of the input rows (their values are passed through)
 * @param trajectory whether to add the trajectory struct
 * @param reward whether to add the reward (needs the {@code answer} column)
 */
record GenerationSpec(JobSpec job, StructType input, boolean trajectory, boolean reward) implements Serializable {

    private static final long serialVersionUID = 1L;
}
