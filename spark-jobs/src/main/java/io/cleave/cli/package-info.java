/**
 * The {@code cleave} command line (picocli): model commands ({@code init}, {@code generate}, {@code score}),
 * {@code tool} (run calc or search as the policy sees them), {@code advantages} (per-token advantages of a batch
 * in the advantages JSON format), {@code eval} (a model's accuracy on a task suite's split), {@code sft},
 * {@code train}, {@code demo} and {@code report}; {@link io.cleave.cli.SparkTrainMain} is the main class that
 * {@code spark-submit} runs ({@code cleave train}).
 */
package io.cleave.cli;
