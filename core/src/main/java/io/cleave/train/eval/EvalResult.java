package io.cleave.train.eval;

import java.util.List;

/**
 * Held-out evaluation of a policy on a task split.
 *
 * @param tasks tasks evaluated
 * @param accuracy fraction answered right (answer score 1)
 * @param formatValid fraction whose trajectory follows the protocol
 * @param meanToolCalls tool calls per trajectory
 * @param meanLength generated tokens (policy and tool results) per trajectory
 * @param meanReward mean total reward
 * @param examples the first trajectories, as prompt plus generated text
 */
public record EvalResult(int tasks, double accuracy, double formatValid, double meanToolCalls, double meanLength,
        double meanReward, List<String> examples) {}
