/** Held-out evaluation: greedy rollouts on test tasks, with accuracy, format validity, tool calls and length. */
package io.cleave.train.eval;
