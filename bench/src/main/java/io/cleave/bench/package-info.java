/**
 * Benchmarks of Cleave's model against the machine's matmul roofline and against a PyTorch-eager reference run
 * in the same command. Figures are reported as ratios to the reference measured in the same run.
 */
package io.cleave.bench;
