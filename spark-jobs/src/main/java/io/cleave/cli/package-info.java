/**
 * The {@code cleave} command line (picocli): model commands ({@code init}, {@code generate}, {@code score}),
 * {@code tool} (run calc or search as the policy sees them), {@code advantages} (per-token advantages of a batch
 * in the advantages JSON format) and {@code eval} (a model's accuracy on a task suite's split); training and
 * benchmarks as they land.
 */
package io.cleave.cli;
