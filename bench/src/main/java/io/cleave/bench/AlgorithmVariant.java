package io.cleave.bench;

import io.cleave.algo.recipe.Recipes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the algorithm table: a recipe with the benchmark's overrides. Every variant produces 8 leaves per prompt
 * (N 8 without beaming; N 4 beamed to M 8 with it), so the rollout budget is equalised by prompts per iteration.
 *
 * @param name row label
 * @param recipe {@link io.cleave.algo.recipe.Recipes} name
 * @param overrides {@code algorithm.*} keys (without the prefix) set over the recipe
 * @param baseline whether it counts as a baseline for sample efficiency (every variant but the GPG ones)
 */
record AlgorithmVariant(String name, String recipe, Map<String, String> overrides, boolean baseline) {

    /** Leaves (scored trajectories) per prompt, every variant. */
    static final int LEAVES = 8;

    /** The table's rows, in order; DAPO's overlong shaping follows the rollout's generation limit. */
    static List<AlgorithmVariant> all(int maxNewTokens) {
        Map<String, String> independent = Map.of("branch.initial-samples", "" + LEAVES, "branch.budget", "" + LEAVES);
        Map<String, String> beamed = Map.of("branch.initial-samples", "" + LEAVES / 2, "branch.budget", "" + LEAVES);
        Map<String, String> dapo = new LinkedHashMap<>(independent);
        dapo.put("overlong.max-length", "" + maxNewTokens);
        dapo.put("overlong.buffer", "" + Math.max(1, maxNewTokens / 4));
        dapo.put("dynamic-sampling.max-rounds", "3");
        Map<String, String> branch = new LinkedHashMap<>(beamed);
        branch.put("estimator", "gpg-branch");
        return List.of(new AlgorithmVariant("grpo", "grpo", independent, true),
                new AlgorithmVariant("dapo", "dapo", dapo, true),
                new AlgorithmVariant("reinforce++", "reinforce++", independent, true),
                new AlgorithmVariant("token-pg", "token-pg", independent, true),
                new AlgorithmVariant("arpo", "arpo", beamed, true),
                new AlgorithmVariant("gpg (gpg-prefix)", "gpg", beamed, false),
                new AlgorithmVariant("gpg (gpg-branch)", "gpg", branch, false));
    }

    /**
     * What decides the sampled tokens per prompt: the branch policy with N and M. Variants with equal keys sample
     * alike (they differ in advantages, loss or filtering only), so one calibration serves them all.
     */
    String samplingKey() {
        Map<String, String> keys = new LinkedHashMap<>(Recipes.overrides(recipe));
        keys.putAll(overrides);
        return keys.get("branch") + "/" + keys.get("branch.initial-samples") + "/" + keys.get("branch.budget");
    }

    /** The {@code --set} list of this variant. */
    List<String> sets() {
        List<String> sets = new java.util.ArrayList<>(List.of("algorithm.recipe=" + recipe));
        overrides.forEach((k, v) -> sets.add("algorithm." + k + "=" + v));
        return sets;
    }
}
