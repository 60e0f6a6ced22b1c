/**
 * Advantage estimation with Spark SQL over {@link io.cleave.spark.rows.TrajectoryRow} datasets, equal token for
 * token to core's {@link io.cleave.algo.advantage.AdvantageEstimators} of the same name.
 *
 * <p>Nothing is collected to the driver: group reward statistics come from {@code groupBy(iteration, promptId)},
 * node advantages from exploding each trajectory's path into {@code (group, node)} rows and aggregating, and both
 * are joined back to the trajectories, where a higher-order {@code transform} spreads them over the tokens (0 on
 * tool-result tokens). Entry point: {@link io.cleave.spark.advantage.SparkAdvantages#compute}.
 */
package io.cleave.spark.advantage;
