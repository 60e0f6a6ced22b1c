package io.cleave.algo.recipe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named presets over {@link AlgorithmConfig#defaults()}; each only sets keys, so every knob stays overridable.
 *
 * <ul>
 *   <li>{@code grpo}: whole output as one action, N independent samples, GRPO advantages, clip 0.2/0.2,
 *       per-sequence mean then mean over sequences, k3 KL to the reference in the loss with coefficient 0.04
 *       (DeepSeekMath);</li>
 *   <li>{@code dapo}: GRPO advantages with clip-higher 0.2/0.28, token-mean, no KL, dynamic sampling (at most 10
 *       rounds), overlong shaping Lmax 512 / Lbuf 128 (set {@code overlong.max-length} to the rollout's generation
 *       limit);</li>
 *   <li>{@code reinforce++}: REINFORCE++ advantages (return-to-go, batch whitening), k1 KL 0.01 folded into the
 *       token rewards, clip 0.2/0.2, token-mean;</li>
 *   <li>{@code token-pg}: every policy token its own macro-action ({@code token}), calibrated advantages
 *       ({@code gpg-prefix}), token-mean: the K = |output| end of GPG;</li>
 *   <li>{@code arpo}: marker segmentation, ARPO entropy branching after tool results (N 8, M 16, Z 1, alpha 0.5,
 *       beta 0.2, tau 0.5, k 20, sampled rule), hard attribution ({@code gpg-prefix}), clip 0.2/0.2, token-mean, no
 *       KL;</li>
 *   <li>{@code gpg}: marker segmentation, boundary beaming (N 8, M 16, Z 1), {@code gpg-prefix}, token-mean.</li>
 * </ul>
 */
public final class Recipes {

    private static final Map<String, Map<String, String>> PRESETS = Map.of(
            "grpo", preset("segmenter", "sequence", "branch", "none", "estimator", "grpo",
                    "loss.eps-low", "0.2", "loss.eps-high", "0.2", "loss.aggregation", "seq-mean-token-mean",
                    "kl.coef", "0.04", "kl.estimator", "k3", "kl.placement", "loss"),
            "dapo", preset("segmenter", "sequence", "branch", "none", "estimator", "grpo",
                    "loss.eps-low", "0.2", "loss.eps-high", "0.28", "loss.aggregation", "token-mean", "kl.coef", "0",
                    "dynamic-sampling", "true", "dynamic-sampling.max-rounds", "10",
                    "overlong.max-length", "512", "overlong.buffer", "128"),
            "reinforce++", preset("segmenter", "sequence", "branch", "none", "estimator", "reinforce++",
                    "loss.eps-low", "0.2", "loss.eps-high", "0.2", "loss.aggregation", "token-mean",
                    "kl.coef", "0.01", "kl.estimator", "k1", "kl.placement", "reward"),
            "token-pg", preset("segmenter", "token", "branch", "none", "estimator", "gpg-prefix",
                    "loss.aggregation", "token-mean"),
            "arpo", preset("segmenter", "marker", "branch", "arpo", "branch.initial-samples", "8",
                    "branch.budget", "16", "branch.width", "1", "branch.alpha", "0.5", "branch.beta", "0.2",
                    "branch.tau", "0.5", "branch.lookahead", "20", "branch.rule", "sampled",
                    "estimator", "gpg-prefix", "loss.eps-low", "0.2", "loss.eps-high", "0.2",
                    "loss.aggregation", "token-mean", "kl.coef", "0"),
            "gpg", preset("segmenter", "marker", "branch", "boundary", "branch.initial-samples", "8",
                    "branch.budget", "16", "branch.width", "1", "estimator", "gpg-prefix",
                    "loss.aggregation", "token-mean"));

    private Recipes() {}

    /** Registered preset names, sorted. */
    public static List<String> names() {
        return PRESETS.keySet().stream().sorted().toList();
    }

    /** The keys a preset sets over the defaults. */
    public static Map<String, String> overrides(String name) {
        return PRESETS.get(requireKnown(name));
    }

    /**
     * The preset's configuration: {@link AlgorithmConfig#defaults()} with the preset's keys.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static AlgorithmConfig get(String name) {
        return AlgorithmConfig.defaults().with(overrides(name));
    }

    private static Map<String, String> preset(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    private static String requireKnown(String name) {
        if (name == null || !PRESETS.containsKey(name)) {
            throw new IllegalArgumentException("unknown recipe '" + name + "'; known: " + names());
        }
        return name;
    }
}
