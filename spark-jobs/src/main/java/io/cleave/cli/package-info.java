/**
 * The {@code cleave} command line (picocli): model commands ({@code init}, {@code generate}, {@code score}) and
 * {@code tool} (run calc or search as the policy sees them); training and benchmarks as they land.
 */
package io.cleave.cli;
