/**
 * The {@code arith} suite: short multi-step arithmetic word problems (2 to 4 {@code calc} calls) from a few
 * templates, scored by exact match on the number.
 */
package io.cleave.env.tasks.arith;
