package io.cleave.train.metrics;

import java.util.List;

/**
 * The rollout part of an iteration's metrics: means and sums over the trajectories of the prompt groups trained on
 * (those dynamic sampling kept), and the tokens sampled in all rounds.
 *
 * @param prompts prompt groups trained on
 * @param trajectories trajectories trained on
 * @param reward mean total reward per trajectory
 * @param accuracy fraction of trajectories answered right
 * @param formatValid fraction of trajectories following the protocol
 * @param toolCalls mean tool calls per trajectory
 * @param toolErrors failed tool calls other than time-outs, summed
 * @param toolTimeouts tool calls stopped at the time-out, summed
 * @param sampledTokens policy tokens sampled in the iteration, over every round and every group (kept or not),
 *     shared prefixes counted once
 */
public record RolloutStats(int prompts, int trajectories, double reward, double accuracy, double formatValid,
        double toolCalls, int toolErrors, int toolTimeouts, long sampledTokens) {

    /**
     * The statistics of the {@code kept} groups' trajectories (summed in list order), with {@code sampledTokens}
     * counted over every group rolled out. Means over no trajectory are 0.
     */
    public static RolloutStats of(List<List<TrajectoryStats>> kept, long sampledTokens) {
        int n = 0;
        double reward = 0;
        int right = 0;
        int valid = 0;
        long calls = 0;
        int errors = 0;
        int timeouts = 0;
        for (List<TrajectoryStats> group : kept) {
            for (TrajectoryStats t : group) {
                n++;
                reward += t.reward();
                right += t.correct() ? 1 : 0;
                valid += t.formatValid() ? 1 : 0;
                calls += t.toolCalls();
                errors += t.toolErrors();
                timeouts += t.toolTimeouts();
            }
        }
        double d = Math.max(1, n);
        return new RolloutStats(kept.size(), n, reward / d, right / d, valid / d, calls / d, errors, timeouts,
                sampledTokens);
    }
}
