/**
 * The single-process trainer: prompt schedule, advantage estimation over trajectory trees, the PPO-style policy
 * update, held-out evaluation and the GPG training iteration that the Spark job must reproduce exactly.
 */
package io.cleave.train;
