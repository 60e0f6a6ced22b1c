package io.cleave.bench;

import java.util.List;
import java.util.Map;

/**
 * The size of an algorithm benchmark run.
 *
 * @param mode {@code quick} or {@code full}
 * @param preset model preset of the SFT warm start
 * @param sftSteps warm-start optimizer steps (cached per suite)
 * @param sftBatch warm-start sequences per step
 * @param iterations RL iterations per run
 * @param evalEvery held-out evaluation every this many iterations (and before the first, after the last)
 * @param evalSize held-out test tasks per evaluation (the same tasks for every run)
 * @param basePrompts prompts per iteration of GRPO, which sets the token budget every variant matches
 * @param maxNewTokens generation limit per trajectory
 * @param lr AdamW learning rate
 * @param seeds seeds per variant and suite
 * @param suites task suites
 * @param difficulty the suites' difficulty knob for warm start, training and evaluation (0: each suite's default)
 */
record AlgorithmPlan(String mode, String preset, int sftSteps, int sftBatch, int iterations, int evalEvery,
        int evalSize, int basePrompts, int maxNewTokens, double lr, int seeds, List<String> suites, int difficulty) {

    /** Validates the sizes. */
    AlgorithmPlan {
        if (iterations < 1 || evalEvery < 1 || evalSize < 1 || basePrompts < 1 || seeds < 1 || sftSteps < 1
                || sftBatch < 1) {
            throw new IllegalArgumentException("iterations, eval-every, eval-size, prompts, seeds and sft-steps "
                    + "must be >= 1");
        }
        if (difficulty < 0) {
            throw new IllegalArgumentException("difficulty must be >= 0 (0: the suite's default), got " + difficulty);
        }
    }

    /**
     * Minutes, not an hour: tiny model on the easiest tasks (difficulty 1), an 800-step warm start (cached), 4
     * iterations at the learning rate the tiny model learns at.
     */
    static AlgorithmPlan quick(int seeds) {
        return new AlgorithmPlan("quick", "tiny", 800, 16, 4, 2, 32, 2, 96, 1e-3, seeds,
                List.of("arith", "multihop"), 1);
    }

    /** The suite options of this plan ({@code difficulty} when set). */
    Map<String, String> suiteOptions() {
        return difficulty == 0 ? Map.of() : Map.of("difficulty", Integer.toString(difficulty));
    }

    /** About an hour here: small model, 800-step warm start, 20 iterations. */
    static AlgorithmPlan full(int seeds) {
        return new AlgorithmPlan("full", "small", 800, 16, 20, 4, 100, 8, 160, 2e-5, seeds,
                List.of("arith", "multihop"), 0);
    }
}
