/**
 * The run report ({@code cleave report RUN_DIR}, also written at the end of {@code cleave train}): a self-contained
 * HTML page with PNG plots of a run's metrics (reward and accuracy, tool calls, entropy, KL, clip fraction, time per
 * phase) and, for a few prompts of the first and last iteration, the trajectory tree with each macro-action's
 * advantage. {@link io.cleave.report.RunReport} is the entry point; {@link io.cleave.report.MetricsTable} reads
 * {@code metrics.jsonl} as typed rows, {@link io.cleave.report.RunCharts} draws the plots (XChart, headless),
 * {@link io.cleave.report.PromptTree} rebuilds a prompt's tree from its stored trajectories,
 * {@link io.cleave.report.TreeLayout} places it on a grid and {@link io.cleave.report.TreeSvg} draws it.
 */
package io.cleave.report;
