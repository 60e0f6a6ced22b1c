/**
 * The {@code cleave bench} commands ({@link io.cleave.bench.BenchCli}): the algorithm table (every recipe from the
 * same SFT checkpoint at the same rollout token budget, over seeds), model throughput against a PyTorch-eager
 * reference and the measured matmul roofline, and Spark scaling with a fitted cost model. Reports go to
 * {@code bench/results/} with the command on their first line and the load average at the start.
 */
package io.cleave.bench;
