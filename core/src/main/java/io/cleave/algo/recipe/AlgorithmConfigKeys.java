package io.cleave.algo.recipe;

import io.cleave.rollout.branch.BranchParams;
import io.cleave.rollout.segment.EntropyCutParams;
import io.cleave.rollout.segment.SegmenterParams;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The override keys of {@link AlgorithmConfig} and their text form.
 *
 * <p>Canonical keys are dotted, kebab-case words: {@code segmenter}, {@code segmenter.tools} (comma-separated),
 * {@code segmenter.entropy-top-q}, {@code segmenter.entropy-threshold}, {@code branch}, {@code branch.initial-samples}
 * (N), {@code branch.budget} (M), {@code branch.width} (Z), {@code branch.alpha}, {@code branch.beta},
 * {@code branch.tau}, {@code branch.lookahead} (k), {@code branch.rule}, {@code estimator}, {@code loss.eps-low},
 * {@code loss.eps-high}, {@code loss.dual-clip}, {@code loss.aggregation}, {@code loss.entropy-coef},
 * {@code kl.coef}, {@code kl.estimator}, {@code kl.placement}, {@code dynamic-sampling},
 * {@code dynamic-sampling.max-rounds}, {@code overlong.max-length}, {@code overlong.buffer},
 * {@code train.ppo-epochs}, {@code train.minibatches}.
 *
 * <p>Accepted spellings: camelCase and snake_case words become kebab-case ({@code loss.epsLow},
 * {@code loss.eps_low}), and {@code branch.n}, {@code branch.m}, {@code branch.z}, {@code branch.k} stand for N, M,
 * Z, k. Values: numbers, {@code true/false} (also {@code on/off}, {@code yes/no}), names; {@code off} also turns off
 * {@code loss.dual-clip} and {@code overlong.max-length} (0) and {@code segmenter.entropy-threshold} (infinity),
 * which also accepts {@code inf}.
 */
public final class AlgorithmConfigKeys {

    /** Every canonical key, in the order of {@link AlgorithmConfig#toMap()}. */
    public static final List<String> KEYS = List.of(
            "segmenter", "segmenter.tools", "segmenter.entropy-top-q", "segmenter.entropy-threshold",
            "branch", "branch.initial-samples", "branch.budget", "branch.width", "branch.alpha", "branch.beta",
            "branch.tau", "branch.lookahead", "branch.rule",
            "estimator",
            "loss.eps-low", "loss.eps-high", "loss.dual-clip", "loss.aggregation", "loss.entropy-coef",
            "kl.coef", "kl.estimator", "kl.placement",
            "dynamic-sampling", "dynamic-sampling.max-rounds",
            "overlong.max-length", "overlong.buffer",
            "train.ppo-epochs", "train.minibatches");

    private static final Map<String, String> ALIASES = Map.of(
            "branch.n", "branch.initial-samples", "branch.m", "branch.budget",
            "branch.z", "branch.width", "branch.k", "branch.lookahead");

    private AlgorithmConfigKeys() {}

    /**
     * The canonical form of a key.
     *
     * @throws IllegalArgumentException for an unknown key (the message lists the known ones)
     */
    public static String canonical(String key) {
        String kebab = key.trim().replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
        String canonical = ALIASES.getOrDefault(kebab, kebab);
        if (!KEYS.contains(canonical)) {
            throw new IllegalArgumentException("unknown algorithm key '" + key + "'; known: " + KEYS);
        }
        return canonical;
    }

    static Map<String, String> toMap(AlgorithmConfig c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("segmenter", c.segmenter());
        m.put("segmenter.tools", String.join(",", c.segmenterParams().toolTags()));
        m.put("segmenter.entropy-top-q", Double.toString(c.segmenterParams().entropy().topQ()));
        m.put("segmenter.entropy-threshold", Double.toString(c.segmenterParams().entropy().threshold()));
        BranchParams b = c.branch();
        m.put("branch", c.branchPolicy());
        m.put("branch.initial-samples", Integer.toString(b.initialSamples()));
        m.put("branch.budget", Integer.toString(b.budget()));
        m.put("branch.width", Integer.toString(b.width()));
        m.put("branch.alpha", Double.toString(b.alpha()));
        m.put("branch.beta", Double.toString(b.beta()));
        m.put("branch.tau", Double.toString(b.tau()));
        m.put("branch.lookahead", Integer.toString(b.lookahead()));
        m.put("branch.rule", b.rule());
        m.put("estimator", c.estimator());
        m.put("loss.eps-low", Double.toString(c.epsLow()));
        m.put("loss.eps-high", Double.toString(c.epsHigh()));
        m.put("loss.dual-clip", Double.toString(c.dualClip()));
        m.put("loss.aggregation", c.aggregation());
        m.put("loss.entropy-coef", Double.toString(c.entropyCoef()));
        m.put("kl.coef", Double.toString(c.klCoef()));
        m.put("kl.estimator", c.klEstimator());
        m.put("kl.placement", c.klPlacement());
        m.put("dynamic-sampling", Boolean.toString(c.dynamicSampling()));
        m.put("dynamic-sampling.max-rounds", Integer.toString(c.dynamicSamplingMaxRounds()));
        m.put("overlong.max-length", Integer.toString(c.overlongMaxLength()));
        m.put("overlong.buffer", Integer.toString(c.overlongBuffer()));
        m.put("train.ppo-epochs", Integer.toString(c.ppoEpochs()));
        m.put("train.minibatches", Integer.toString(c.minibatches()));
        return m;
    }

    static AlgorithmConfig fromMap(Map<String, String> m) {
        SegmenterParams segmenterParams = new SegmenterParams(
                new EntropyCutParams(dbl(m, "segmenter.entropy-top-q", Double.NaN),
                        dbl(m, "segmenter.entropy-threshold", Double.POSITIVE_INFINITY)),
                list(m, "segmenter.tools"));
        BranchParams branch = new BranchParams(integer(m, "branch.initial-samples", null),
                integer(m, "branch.budget", null), integer(m, "branch.width", null),
                dbl(m, "branch.alpha", Double.NaN), dbl(m, "branch.beta", Double.NaN),
                dbl(m, "branch.tau", Double.NaN), integer(m, "branch.lookahead", null), text(m, "branch.rule"));
        return new AlgorithmConfig(text(m, "segmenter"), segmenterParams, text(m, "branch"), branch,
                text(m, "estimator"), dbl(m, "loss.eps-low", Double.NaN), dbl(m, "loss.eps-high", Double.NaN),
                dbl(m, "loss.dual-clip", 0.0), text(m, "loss.aggregation"), dbl(m, "loss.entropy-coef", Double.NaN),
                dbl(m, "kl.coef", Double.NaN), text(m, "kl.estimator"), text(m, "kl.placement"),
                bool(m, "dynamic-sampling"), integer(m, "dynamic-sampling.max-rounds", null),
                integer(m, "overlong.max-length", 0), integer(m, "overlong.buffer", null),
                integer(m, "train.ppo-epochs", null), integer(m, "train.minibatches", null));
    }

    private static String text(Map<String, String> m, String key) {
        String value = m.get(key);
        if (value == null) {
            throw new IllegalArgumentException(key + " has no value");
        }
        return value.trim();
    }

    /** A number; {@code off} gives {@code offValue} where the key has one (NaN: no off value). */
    private static double dbl(Map<String, String> m, String key, double offValue) {
        String value = text(m, key).toLowerCase(Locale.ROOT);
        if (value.equals("off") && !Double.isNaN(offValue)) {
            return offValue;
        }
        if (value.equals("inf") || value.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + m.get(key) + "' is not a number", e);
        }
    }

    /** An integer; {@code off} gives {@code offValue} where the key has one (null: no off value). */
    private static int integer(Map<String, String> m, String key, Integer offValue) {
        String value = text(m, key).toLowerCase(Locale.ROOT);
        if (value.equals("off") && offValue != null) {
            return offValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + m.get(key) + "' is not an integer", e);
        }
    }

    private static boolean bool(Map<String, String> m, String key) {
        return switch (text(m, key).toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalArgumentException(key + ": '" + m.get(key)
                    + "' is not a boolean (true/false, on/off, yes/no)");
        };
    }

    private static List<String> list(Map<String, String> m, String key) {
        String value = text(m, key);
        if (value.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).toList();
    }
}
