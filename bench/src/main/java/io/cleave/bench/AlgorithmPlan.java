package io.cleave.bench;

import java.util.List;
import java.util.Map;

/**
 * The size of an algorithm benchmark run.
 *
 * @param mode {@code quick} or {@code full}
 * @param preset model preset of the SFT warm starts
 * @param sftBatch warm-start sequences per step
 * @param iterations RL iterations per run
 * @param evalEvery held-out evaluation every this many iterations (and before the first, after the last)
 * @param evalSize held-out test tasks per evaluation (the same tasks for every run)
 * @param basePrompts prompts per iteration of GRPO, which sets the token budget every variant matches
 * @param maxNewTokens generation limit per trajectory
 * @param lr AdamW learning rate
 * @param minibatches optimizer steps per iteration (the iteration's rows split in this many minibatches)
 * @param seeds seeds per variant and suite
 * @param setups the suites, each with its options and warm start
 */
record AlgorithmPlan(String mode, String preset, int sftBatch, int iterations, int evalEvery, int evalSize,
        int basePrompts, int maxNewTokens, double lr, int minibatches, int seeds, List<SuitePlan> setups) {

    /** Validates the sizes. */
    AlgorithmPlan {
        if (iterations < 1 || evalEvery < 1 || evalSize < 1 || basePrompts < 1 || seeds < 1 || sftBatch < 1
                || minibatches < 1) {
            throw new IllegalArgumentException("iterations, eval-every, eval-size, prompts, seeds, sft-batch and "
                    + "minibatches must be >= 1");
        }
        if (setups.isEmpty()) {
            throw new IllegalArgumentException("an algorithm plan needs at least one suite");
        }
        setups = List.copyOf(setups);
    }

    /**
     * The suites both modes share, with the warm starts that give RL room to improve from a model that already
     * solves some tasks: {@code arith} at difficulty 1 from 400 demonstrations (the learning check's warm start),
     * {@code multihop} at 2 hops in a 400-person world from demonstrations over ten worlds (the README's tiny warm
     * start, 80% held-out).
     */
    static List<SuitePlan> tinySuites() {
        return List.of(new SuitePlan("arith", Map.of("difficulty", "1"), 800, 400, 1),
                new SuitePlan("multihop", Map.of("difficulty", "2", "people", "400"), 3000, 4000, 10));
    }

    /** Minutes, not an hour: the same warm starts (cached), 6 iterations of 4 GRPO prompts, 64 test tasks. */
    static AlgorithmPlan quick(int seeds) {
        return new AlgorithmPlan("quick", "tiny", 16, 6, 2, 64, 4, 200, 1e-4, 2, seeds, tinySuites());
    }

    /** About an hour here: 30 iterations of 8 GRPO prompts, 200 test tasks evaluated every 6 iterations. */
    static AlgorithmPlan full(int seeds) {
        return new AlgorithmPlan("full", "tiny", 16, 30, 6, 200, 8, 200, 1e-4, 2, seeds, tinySuites());
    }

    /** The suite names, in order. */
    List<String> suites() {
        return setups.stream().map(SuitePlan::suite).toList();
    }

    /** The setup of {@code suite}. */
    SuitePlan setup(String suite) {
        return setups.stream().filter(s -> s.suite().equals(suite)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no suite " + suite + " in this plan"));
    }
}
