/** The {@code cleave} command line (picocli): model tools now, training and benchmarks as they land. */
package io.cleave.cli;
