package io.cleave.bench;

import java.util.List;

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
 */
record AlgorithmPlan(String mode, String preset, int sftSteps, int sftBatch, int iterations, int evalEvery,
        int evalSize,        int basePrompts, int maxNewTokens, double lr, int seeds, List<String> suites) {

    /** Validates the sizes. */
    AlgorithmPlan {
        if (iterations < 1 || evalEvery < 1 || evalSize < 1 || basePrompts < 1 || seeds < 1 || sftSteps < 1
                || sftBatch < 1) {
            throw new IllegalArgumentException("iterations, eval-every, eval-size, prompts, seeds and sft-steps "
                    + "must be >= 1");
        }
    }

    /** A few minutes on a quiet machine: tiny model, 100-step warm start, 2 iterations. */
    static AlgorithmPlan quick(int seeds) {
        return new AlgorithmPlan("quick", "tiny", 100, 8, 2, 1, 32, 2, 96, 1e-4, seeds,
                List.of("arith", "multihop"));
    }

    /** About an hour here: small model, 800-step warm start, 20 iterations. */
    static AlgorithmPlan full(int seeds) {
        return new AlgorithmPlan("full", "small", 800, 16, 20, 4, 100, 8, 160, 2e-5, seeds,
                List.of("arith", "multihop"));
    }
}
