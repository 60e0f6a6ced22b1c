package io.cleave.algo.advantage;

import java.util.function.UnaryOperator;

/**
 * Estimators that give one advantage per trajectory, computed from the group's rewards alone, to every policy
 * token of that trajectory: {@code grpo}, {@code dr-grpo}, {@code rloo}. Branched rows count as separate
 * trajectories (ARPO's "soft" attribution).
 */
final class TrajectoryLevelEstimator implements AdvantageEstimator {

    private final String name;
    private final UnaryOperator<double[]> advantages;

    /**
     * @param name       registry name
     * @param advantages group rewards {@code (n)} to per-trajectory advantages {@code (n)}
     */
    TrajectoryLevelEstimator(String name, UnaryOperator<double[]> advantages) {
        this.name = name;
        this.advantages = advantages;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double[][] groupValues(AdvantageGroup group) {
        return TokenAdvantages.byTrajectory(group.tree(), advantages.apply(group.tree().rewards()));
    }
}
