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
 * @param sftDemos distinct expert demonstrations the warm start trains on
 * @param iterations RL iterations per run
 * @param evalEvery held-out evaluation every this many iterations (and before the first, after the last)
 * @param evalSize held-out test tasks per evaluation (the same tasks for every run)
 * @param basePrompts prompts per iteration of GRPO, which sets the token budget every variant matches
 * @param maxNewTokens generation limit per trajectory
 * @param lr AdamW learning rate
 * @param seeds seeds per variant and suite
 * @param suites task suites
 * @param difficulty per suite, the difficulty knob for warm start, training and evaluation (absent: the suite's
 *     default)
 */
record AlgorithmPlan(String mode, String preset, int sftSteps, int sftBatch, int sftDemos, int iterations,
        int evalEvery, int evalSize, int basePrompts, int maxNewTokens, double lr, int seeds, List<String> suites,
        Map<String, Integer> difficulty) {

    /** Validates the sizes. */
    AlgorithmPlan {
        if (iterations < 1 || evalEvery < 1 || evalSize < 1 || basePrompts < 1 || seeds < 1 || sftSteps < 1
                || sftBatch < 1 || sftDemos < 1) {
            throw new IllegalArgumentException("iterations, eval-every, eval-size, prompts, seeds, sft-steps, sft-batch "
                    + "and sft-demos must be >= 1");
        }
        difficulty = Map.copyOf(difficulty);
    }

    /**
     * Minutes, not an hour: tiny model on each suite's easiest tasks, an 800-step warm start on 400 demonstrations
     * (cached), 8 iterations at lr 1e-4 (at 1e-3 every recipe fell from the warm start's accuracy).
     */
    static AlgorithmPlan quick(int seeds) {
        return new AlgorithmPlan("quick", "tiny", 800, 16, 400, 8, 2, 64, 2, 96, 1e-4, seeds,
                List.of("arith", "multihop"), Map.of("arith", 1, "multihop", 2));
    }

    /** The options of {@code suite} in this plan ({@code difficulty} when set). */
    Map<String, String> suiteOptions(String suite) {
        Integer level = difficulty.get(suite);
        return level == null ? Map.of() : Map.of("difficulty", level.toString());
    }

    /** About an hour here: small model, 800-step warm start, 20 iterations. */
    static AlgorithmPlan full(int seeds) {
        return new AlgorithmPlan("full", "small", 800, 16, 4000, 20, 4, 100, 8, 160, 2e-5, seeds,
                List.of("arith", "multihop"), Map.of());
    }
}
