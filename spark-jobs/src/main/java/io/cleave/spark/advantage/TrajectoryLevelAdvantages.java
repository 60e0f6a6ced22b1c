package io.cleave.spark.advantage;

import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code grpo}, {@code dr-grpo}, {@code rloo}: one advantage per trajectory from its reward and its group's
 * statistics ({@link GroupRewardStats}), given to every policy token. Branched rows count as separate trajectories
 * (ARPO's "soft" attribution).
 */
final class TrajectoryLevelAdvantages implements SparkAdvantageEstimator {

    private final String name;
    private final Supplier<Column> advantage;

    /**
     * @param name      registry name
     * @param advantage the trajectory's advantage over the reward and {@link GroupRewardStats} columns
     */
    TrajectoryLevelAdvantages(String name, Supplier<Column> advantage) {
        this.name = name;
        this.advantage = advantage;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Dataset<Row> withAdvantages(Dataset<Row> trajectories, double klCoef) {
        return TokenAdvantageColumns.attach(trajectories, GroupRewardStats.of(trajectories),
                GroupRewardStats.GROUP_KEY, TokenAdvantageColumns.constant(advantage.get()));
    }
}
